"""Optuna's side of the multi-objective benchmark (tools/bench/multi-objective/run.mjs).

The same problems as tools/bench/multi-objective/problems.mjs (ZDT1-3 on 10 variables, DTLZ2 with
3 objectives on 12), every variable suggest_float on [0, 1], every objective minimized.

  multi_objective.py version  prints {"optuna", "definitions"}
  multi_objective.py run      reads tasks from stdin, one JSON object a line
                              ({"problem", "sampler", "seed", "trials", "out"}), runs each as a
                              sequential study, writes its objective vectors and ask times to "out"
                              and prints one JSON line per finished task (a work queue).
  multi_objective.py check    reads {"points": [{"problem", "params"}]} from stdin and prints each
                              point's objective vector.

Samplers, Optuna's defaults: NSGAIISampler(seed=s) (population 50), TPESampler(seed=s) (MOTPE when
the study has several directions) and RandomSampler(seed=s). Needs Optuna (Debian: python3-optuna).
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

# Bump with DEFINITIONS in problems.mjs when a problem changes: it keys the cache.
DEFINITIONS = "v1"
ZDT_VARIABLES = 10
DTLZ2_DISTANCE_VARIABLES = 10


def zdt_g(x):
    return 1 + 9 * sum(x[1:]) / (len(x) - 1)


ZDT_SHAPES = {
    1: lambda r, f1: 1 - math.sqrt(r),
    2: lambda r, f1: 1 - r * r,
    3: lambda r, f1: 1 - math.sqrt(r) - r * math.sin(10 * math.pi * f1),
}


def zdt(variant):
    shape = ZDT_SHAPES[variant]

    def evaluate(x):
        g = zdt_g(x)
        return [x[0], g * shape(x[0] / g, x[0])]

    return ZDT_VARIABLES, 2, evaluate


def dtlz2():
    n = 2 + DTLZ2_DISTANCE_VARIABLES

    def evaluate(x):
        g = sum((v - 0.5) ** 2 for v in x[2:])
        a = x[0] * math.pi / 2
        b = x[1] * math.pi / 2
        return [(1 + g) * math.cos(a) * math.cos(b), (1 + g) * math.cos(a) * math.sin(b), (1 + g) * math.sin(a)]

    return n, 3, evaluate


# name: (variables, objectives, evaluate(list of x) -> list of values)
PROBLEMS = {"zdt1": zdt(1), "zdt2": zdt(2), "zdt3": zdt(3), "dtlz2": dtlz2()}


def make_sampler(name, seed):
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    raise ValueError(f"unknown sampler {name}")


def run_task(task):
    variables, objectives, evaluate = PROBLEMS[task["problem"]]
    seed = task["seed"]
    study = optuna.create_study(directions=["minimize"] * objectives, sampler=make_sampler(task["sampler"], seed))
    values, ask_ms = [], []
    started = time.perf_counter()
    for _ in range(task["trials"]):
        # Optuna samples in ask() (relative) and in suggest_* (independent): both count as asking.
        asked = time.perf_counter()
        trial = study.ask()
        x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(variables)]
        ask_ms.append((time.perf_counter() - asked) * 1000)
        vector = evaluate(x)
        study.tell(trial, vector)
        values.append(vector)
    return {
        "problem": task["problem"],
        "sampler": task["sampler"],
        "seed": seed,
        "trials": task["trials"],
        "optuna": optuna.__version__,
        "definitions": DEFINITIONS,
        "seconds": time.perf_counter() - started,
        "values": values,
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


def check():
    points = json.load(sys.stdin)["points"]
    answers = []
    for point in points:
        variables, _, evaluate = PROBLEMS[point["problem"]]
        trial = optuna.trial.FixedTrial(point["params"])
        x = [trial.suggest_float(f"x{i}", 0, 1) for i in range(variables)]
        answers.append(evaluate(x))
    print(json.dumps({"optuna": optuna.__version__, "definitions": DEFINITIONS, "answers": answers}))


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    if command == "version":
        print(json.dumps({"optuna": optuna.__version__, "definitions": DEFINITIONS}))
    elif command == "check":
        check()
    else:
        run()
