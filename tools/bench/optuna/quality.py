"""Optuna's side of the search-quality benchmark (tools/bench/quality/run.mjs).

The same test functions and spaces as tools/bench/quality/functions.mjs, with trial.suggest_*.

  quality.py run     reads tasks from stdin, one JSON object a line
                     ({"function", "sampler", "seed", "trials", "out"}), runs each as a
                     sequential Optuna study, writes the result to "out" and prints one JSON line
                     per finished task (a work queue: the caller sends the next task then).
  quality.py check   reads {"points": [{"function", "params", "seed", "number"}]} from stdin and
                     prints, for each point, the values and the distributions Optuna's
                     suggest_* defined for it (to compare with loopsweep's).

Needs Optuna (Debian: apt-get install python3-optuna python3-cmaes) and, for CMA-ES, cmaes.
"""
import json
import math
import os
import sys
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.ERROR)
warnings.filterwarnings("ignore")

# Bump with DEFINITIONS in functions.mjs when a function or a space changes: it keys the cache.
DEFINITIONS = "v1"
MASK = 0xFFFFFFFF


def hash32(x):
    """lowbias32, as hash32 in functions.mjs."""
    x &= MASK
    x ^= x >> 16
    x = (x * 0x7FEB352D) & MASK
    x ^= x >> 15
    x = (x * 0x846CA68B) & MASK
    x ^= x >> 16
    return x


def gaussian(seed, number):
    key = hash32((hash32(seed) + number) & MASK)
    u1 = (hash32(key ^ 0x68E31DA4) + 0.5) / 4294967296
    u2 = (hash32(key ^ 0xB5297A4D) + 0.5) / 4294967296
    return math.sqrt(-2 * math.log(u1)) * math.cos(2 * math.pi * u2)


def xs(params, d):
    return [params[f"x{i}"] for i in range(d)]


def box(trial, d, low, high):
    return {f"x{i}": trial.suggest_float(f"x{i}", low, high) for i in range(d)}


def branin(x):
    b = 5.1 / (4 * math.pi * math.pi)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x[1] - b * x[0] * x[0] + c * x[0] - 6) ** 2 + 10 * (1 - t) * math.cos(x[0]) + 10


H_ALPHA = [1.0, 1.2, 3.0, 3.2]
H_A = [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
]
H_P = [
    [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
    [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
    [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
    [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
]


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = 0.0
        for j in range(6):
            inner += H_A[i][j] * (x[j] - H_P[i][j]) ** 2
        total += H_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock(x):
    total = 0.0
    for i in range(len(x) - 1):
        total += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2
    return total


def styblinski_tang(x):
    total = 0.0
    for v in x:
        total += v**4 - 16 * v * v + 5 * v
    return total / 2


def ackley(x):
    squares = 0.0
    cosines = 0.0
    for v in x:
        squares += v * v
        cosines += math.cos(2 * math.pi * v)
    return -20 * math.exp(-0.2 * math.sqrt(squares / len(x))) - math.exp(cosines / len(x)) + 20 + math.e


MIXED_SHIFT = {"a": -2, "b": 1, "c": 3, "d": 0}
MIXED_OFFSET = {"a": 0.6, "b": 0, "c": 0.3, "d": 1.0}


def mixed(p):
    a = p["x"] - MIXED_SHIFT[p["kind"]]
    b = (p["n"] - 13) / 4
    return a * a + b * b + 0.5 * a * b + (math.log10(p["lr"]) + 2.5) ** 2 + MIXED_OFFSET[p["kind"]]


def mixed_space(trial):
    return {
        "x": trial.suggest_float("x", -5, 5),
        "lr": trial.suggest_float("lr", 1e-4, 1, log=True),
        "kind": trial.suggest_categorical("kind", ["a", "b", "c", "d"]),
        "n": trial.suggest_int("n", 1, 20),
    }


def conditional(p):
    shared = p["s"] * p["s"]
    if p["model"] == "rosen":
        return shared + 0.5 + 0.1 * ((1 - p["u"]) ** 2 + 100 * (p["v"] - p["u"] * p["u"]) ** 2)
    if p["model"] == "bowl":
        return shared + (math.log10(p["w"]) + 3) ** 2 / 4 + ((p["k"] - 7) / 3) ** 2
    return shared + 1 + (p["z"] - 0.3) ** 2


def conditional_space(trial):
    p = {"model": trial.suggest_categorical("model", ["rosen", "bowl", "flat"]), "s": trial.suggest_float("s", -1, 1)}
    if p["model"] == "rosen":
        p["u"] = trial.suggest_float("u", -2, 2)
        p["v"] = trial.suggest_float("v", -1, 3)
    elif p["model"] == "bowl":
        p["w"] = trial.suggest_float("w", 1e-5, 1, log=True)
        p["k"] = trial.suggest_int("k", 1, 10)
    else:
        p["z"] = trial.suggest_float("z", 0, 1)
    return p


NOISE_SIGMA = 0.1


def exact(f):
    def evaluate(params, seed, number):
        value = f(params)
        return value, value

    return evaluate


def noisy_hartmann(params, seed, number):
    truth = hartmann6(xs(params, 6))
    return truth + NOISE_SIGMA * gaussian(seed, number), truth


# name: (space, evaluate(params, seed, number) -> (observed, truth), continuous)
FUNCTIONS = {
    "branin": (lambda t: {"x0": t.suggest_float("x0", -5, 10), "x1": t.suggest_float("x1", 0, 15)}, exact(lambda p: branin(xs(p, 2))), True),
    "hartmann6": (lambda t: box(t, 6, 0, 1), exact(lambda p: hartmann6(xs(p, 6))), True),
    "rosenbrock4": (lambda t: box(t, 4, -5, 10), exact(lambda p: rosenbrock(xs(p, 4))), True),
    "styblinski8": (lambda t: box(t, 8, -5, 5), exact(lambda p: styblinski_tang(xs(p, 8))), True),
    "ackley5": (lambda t: box(t, 5, -32.768, 32.768), exact(lambda p: ackley(xs(p, 5))), True),
    "mixed": (mixed_space, exact(mixed), False),
    "conditional": (conditional_space, exact(conditional), False),
    "hartmann6-noisy": (lambda t: box(t, 6, 0, 1), noisy_hartmann, True),
}


def make_sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe-mv":
        return optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    raise ValueError(f"unknown sampler {name}")


def run_task(task):
    space, evaluate, _ = FUNCTIONS[task["function"]]
    seed = task["seed"]
    study = optuna.create_study(direction="minimize", sampler=make_sampler(task["sampler"], seed))
    observed, truths, ask_ms = [], [], []
    started = time.perf_counter()
    for _ in range(task["trials"]):
        # Optuna samples in ask() (relative) and in suggest_* (independent): both count as asking.
        asked = time.perf_counter()
        trial = study.ask()
        params = space(trial)
        ask_ms.append((time.perf_counter() - asked) * 1000)
        value, truth = evaluate(params, seed, trial.number)
        study.tell(trial, value)
        observed.append(value)
        truths.append(truth)
    return {
        "function": task["function"],
        "sampler": task["sampler"],
        "seed": seed,
        "trials": task["trials"],
        "optuna": optuna.__version__,
        "definitions": DEFINITIONS,
        "seconds": time.perf_counter() - started,
        "observed": observed,
        "truth": truths,
        "ask_ms": ask_ms,
    }


def run():
    for line in sys.stdin:
        if not line.strip():
            continue
        task = json.loads(line)
        result = run_task(task)
        out = task["out"]
        os.makedirs(os.path.dirname(out), exist_ok=True)
        partial = f"{out}.{os.getpid()}.tmp"
        with open(partial, "w") as f:
            json.dump(result, f)
        os.replace(partial, out)
        print(json.dumps({"out": out, "seconds": result["seconds"]}), flush=True)


def describe(distribution):
    d = distribution
    if isinstance(d, optuna.distributions.CategoricalDistribution):
        return {"kind": "categorical", "choices": list(d.choices)}
    kind = "int" if isinstance(d, optuna.distributions.IntDistribution) else "float"
    return {"kind": kind, "low": d.low, "high": d.high, "log": d.log}


def check():
    points = json.load(sys.stdin)["points"]
    answers = []
    for point in points:
        space, evaluate, _ = FUNCTIONS[point["function"]]
        trial = optuna.trial.FixedTrial(point["params"], number=point["number"])
        params = space(trial)
        value, truth = evaluate(params, point["seed"], point["number"])
        answers.append(
            {
                "params": params,
                "distributions": {name: describe(d) for name, d in trial.distributions.items()},
                "observed": value,
                "truth": truth,
            }
        )
    print(json.dumps({"optuna": optuna.__version__, "definitions": DEFINITIONS, "answers": answers}))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "version":
        try:
            import cmaes  # noqa: F401  (CmaEsSampler needs it: Debian's python3-cmaes)

            has_cmaes = True
        except ImportError:
            has_cmaes = False
        print(json.dumps({"optuna": optuna.__version__, "definitions": DEFINITIONS, "cmaes": has_cmaes}))
    elif len(sys.argv) > 1 and sys.argv[1] == "check":
        check()
    else:
        run()
