"""Writes the fixtures of loopsweep's differential tests against Optuna's TPE.

Run from the repository root with Debian's python3-optuna (3.1):

    /usr/bin/python3 packages/core/scripts/optuna-tpe-fixtures.py

It builds deterministic trial histories (no Optuna randomness is involved), hands them to Optuna's
own TPE internals (the observation pairs, the below/above split, `_ParzenEstimator`, the group
decomposition) and records what Optuna builds: the split, every kernel's centre, bandwidth and
weight, the categorical per-kernel distributions, and log l(x), log g(x) at probe points. The JSON
goes to packages/core/src/samplers/tpe/fixtures/, which the vitest tests read, so the tests run
without Python. Regenerate after changing this script, and commit the JSON.
"""
import json
import math
import os

import numpy as np
import optuna
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.samplers._search_space.group_decomposed import _SearchSpaceGroup
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator
from optuna.samplers._tpe.sampler import _get_observation_pairs, _split_observation_pairs, default_gamma
from optuna.trial import TrialState, create_trial

optuna.logging.set_verbosity(optuna.logging.ERROR)


class _StableArgsortNumpy:
    """numpy as Optuna's parzen_estimator sees it, except that argsort is stable.

    Optuna sorts the kernel centres with numpy's default (unstable) quicksort, so among equal
    centres (an int param repeats values) which observation gets which bandwidth is up to numpy's
    introsort. loopsweep breaks such ties by observation order (prior last), a deliberate
    difference; the fixtures record Optuna's computation with that same order.
    """

    def __getattr__(self, name):
        return getattr(np, name)

    @staticmethod
    def argsort(a, *args, **kwargs):
        kwargs.setdefault("kind", "stable")
        return np.argsort(a, *args, **kwargs)


optuna.samplers._tpe.parzen_estimator.np = _StableArgsortNumpy()

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "samplers", "tpe", "fixtures")


def to_optuna(d):
    """loopsweep's distribution JSON -> Optuna's distribution."""
    if d["kind"] == "float":
        return FloatDistribution(d["low"], d["high"], log=d["log"], step=d.get("step"))
    if d["kind"] == "int":
        return IntDistribution(d["low"], d["high"], log=d["log"], step=d["step"])
    return CategoricalDistribution(d["choices"])


def draw(rng, d):
    """A legal value of d, deterministic in rng."""
    if d["kind"] == "categorical":
        return d["choices"][rng.randint(len(d["choices"]))]
    if d.get("step") is not None:
        count = int(math.floor((d["high"] - d["low"]) / d["step"] + 1e-9)) + 1
        value = d["low"] + rng.randint(count) * d["step"]
        return int(value) if d["kind"] == "int" else float(f"{value:.15g}")
    if d["log"]:
        value = math.exp(rng.uniform(math.log(d["low"]), math.log(d["high"])))
    else:
        value = rng.uniform(d["low"], d["high"])
    return int(min(max(round(value), d["low"]), d["high"])) if d["kind"] == "int" else float(value)


def active(param, params):
    when = param.get("when")
    return when is None or all(k in params and params[k] in v for k, v in when.items())


def numeric_score(params, space):
    """A deterministic objective: distance of each value's position in its range to 0.3, plus a per-choice offset."""
    total = 0.0
    for p in space:
        if p["name"] not in params:
            continue
        d, v = p["distribution"], params[p["name"]]
        if d["kind"] == "categorical":
            total += 0.2 * d["choices"].index(v)
        else:
            lo, hi = (math.log(d["low"]), math.log(d["high"])) if d["log"] else (d["low"], d["high"])
            x = math.log(v) if d["log"] else v
            total += ((x - lo) / (hi - lo) - 0.3) ** 2
    return total


def build_history(space, n_trials, seed, direction, pruned_every=0, failed_every=0, running_tail=0):
    rng = np.random.RandomState(seed)
    trials = []
    for number in range(n_trials):
        params = {}
        for p in space:
            if active(p, params):
                params[p["name"]] = draw(rng, p["distribution"])
        value = numeric_score(params, space) + 0.01 * rng.uniform()
        if direction == "maximize":
            value = -value
        record = {"number": number, "params": params, "intermediate": []}
        if running_tail and number >= n_trials - running_tail:
            record["state"] = "RUNNING"
        elif failed_every and number % failed_every == failed_every - 1:
            record["state"] = "FAILED"
        elif pruned_every and number % pruned_every == pruned_every - 2:
            record["state"] = "PRUNED"
            # Some pruned trials report nothing, the others stop at step 1, 2 or 3.
            steps = number % 4
            record["intermediate"] = [[s, value * (1 + 0.5 / s)] for s in range(1, steps + 1)]
            if steps > 0:
                record["value"] = record["intermediate"][-1][1]
        else:
            record["state"] = "COMPLETE"
            record["value"] = value
            record["intermediate"] = [[1, value * 1.5], [2, value]]
        trials.append(record)
    return trials


def optuna_study(space, trials, direction):
    study = optuna.create_study(direction=direction)
    dists = {p["name"]: to_optuna(p["distribution"]) for p in space}
    for t in trials:
        state = getattr(TrialState, "FAIL" if t["state"] == "FAILED" else t["state"])
        frozen = create_trial(
            state=state,
            value=t.get("value") if state == TrialState.COMPLETE else None,
            params=t["params"],
            distributions={k: dists[k] for k in t["params"]},
            intermediate_values={s: v for s, v in t["intermediate"]},
        )
        study.add_trial(frozen)
    return study


def floats(a):
    return [float(x) for x in np.asarray(a).ravel()]


def estimator_record(mpe, names):
    rec = {"weights": floats(mpe._weights), "params": {}}
    for name in names:
        if mpe._categorical_weights[name] is not None:
            rec["params"][name] = {"rows": [floats(r) for r in mpe._categorical_weights[name]]}
        else:
            rec["params"][name] = {
                "low": float(mpe._low[name]),
                "high": float(mpe._high[name]),
                "mus": floats(mpe._mus[name]),
                "sigmas": floats(mpe._sigmas[name]),
            }
    return rec


def probes_for(d):
    """Legal values spread over d's range (every choice of a categorical)."""
    if d["kind"] == "categorical":
        return list(d["choices"])
    if d.get("step") is not None:
        count = int(math.floor((d["high"] - d["low"]) / d["step"] + 1e-9)) + 1
        ks = sorted(set(int(round(k)) for k in np.linspace(0, count - 1, 9)))
        return [int(d["low"] + k * d["step"]) if d["kind"] == "int" else float(f"{d['low'] + k * d['step']:.15g}") for k in ks]
    if d["log"]:
        xs = [math.exp(x) for x in np.linspace(math.log(d["low"]), math.log(d["high"]), 9)]
    else:
        xs = list(np.linspace(d["low"], d["high"], 9))
    if d["kind"] == "int":
        return sorted(set(int(min(max(round(x), d["low"]), d["high"])) for x in xs))
    return [float(x) for x in xs]


def joint_estimators(study, space_by_name, names, constant_liar, multivariate):
    """Optuna's below/above estimators over `names` (one name: univariate), as sample_independent/_sample_relative build them."""
    sampler = optuna.samplers.TPESampler(multivariate=multivariate, constant_liar=constant_liar)
    values, scores, _ = _get_observation_pairs(study, names, constant_liar, False)
    n = sum(s < float("inf") for s, v in scores)
    below_idx, above_idx = _split_observation_pairs(scores, default_gamma(n), None)
    config = {k: np.asarray(v, dtype=float) for k, v in values.items()}
    mask = ~np.isnan(config[names[0]])
    below = {k: v[below_idx[mask[below_idx]]] for k, v in config.items()}
    above = {k: v[above_idx[mask[above_idx]]] for k, v in config.items()}
    dists = {k: space_by_name[k] for k in names}
    mpe_below = _ParzenEstimator(below, dists, sampler._parzen_estimator_parameters)
    mpe_above = _ParzenEstimator(above, dists, sampler._parzen_estimator_parameters)
    return mpe_below, mpe_above, below_idx, above_idx


def internal(dist, value):
    return dist.to_internal_repr(value)


def univariate_case(name, space, trials, direction, constant_liar=True):
    study = optuna_study(space, trials, direction)
    all_trials = study.get_trials(deepcopy=False)
    dists = {p["name"]: to_optuna(p["distribution"]) for p in space}
    states = (TrialState.COMPLETE, TrialState.PRUNED) + ((TrialState.RUNNING,) if constant_liar else ())
    considered = [t.number for t in all_trials if t.state in states]
    case = {"name": name, "direction": direction, "constantLiar": constant_liar, "space": space, "trials": trials, "params": {}}
    split = None
    for p in space:
        pname, d = p["name"], p["distribution"]
        mpe_below, mpe_above, below_idx, above_idx = joint_estimators(study, dists, [pname], constant_liar, False)
        this_split = {"below": [considered[i] for i in below_idx], "above": [considered[i] for i in above_idx]}
        assert split is None or split == this_split
        split = this_split
        probes = probes_for(d)
        internal_probes = np.asarray([internal(dists[pname], v) for v in probes], dtype=float)
        if d["kind"] == "categorical":
            internal_probes = internal_probes.astype(int)
        samples = {pname: internal_probes}
        case["params"][pname] = {
            "below": estimator_record(mpe_below, [pname]),
            "above": estimator_record(mpe_above, [pname]),
            "probes": probes,
            "logL": floats(mpe_below.log_pdf(dict(samples))),
            "logG": floats(mpe_above.log_pdf(dict(samples))),
        }
    case["split"] = split
    return case


def groups_of(study):
    group = _SearchSpaceGroup()
    for t in study.get_trials(deepcopy=False, states=(TrialState.COMPLETE, TrialState.PRUNED)):
        group.add_distributions(t.distributions)
    return [sorted(name for name, d in g.items() if not d.single()) for g in group.search_spaces]


def multivariate_case(name, space, trials, direction, constant_liar=True, n_probes=12):
    study = optuna_study(space, trials, direction)
    dists = {p["name"]: to_optuna(p["distribution"]) for p in space}
    rng = np.random.RandomState(7)
    case = {"name": name, "direction": direction, "constantLiar": constant_liar, "space": space, "trials": trials, "groups": []}
    for names in groups_of(study):
        if not names:
            continue
        mpe_below, mpe_above, _, _ = joint_estimators(study, dists, names, constant_liar, True)
        by_name = {p["name"]: p["distribution"] for p in space}
        probes = [{n: draw(rng, by_name[n]) for n in names} for _ in range(n_probes)]
        samples = {}
        for n in names:
            arr = np.asarray([internal(dists[n], pr[n]) for pr in probes], dtype=float)
            samples[n] = arr.astype(int) if isinstance(dists[n], CategoricalDistribution) else arr
        case["groups"].append({
            "names": names,
            "below": estimator_record(mpe_below, names),
            "above": estimator_record(mpe_above, names),
            "probes": probes,
            "logL": floats(mpe_below.log_pdf(dict(samples))),
            "logG": floats(mpe_above.log_pdf(dict(samples))),
        })
    return case


def param(name, **d):
    when = d.pop("when", None)
    p = {"name": name, "distribution": d}
    if when is not None:
        p["when"] = when
    return p


FLOAT = param("x", kind="float", low=-5.0, high=10.0, log=False)
FLOAT_LOG = param("lr", kind="float", low=1e-5, high=1e-1, log=True)
INT = param("layers", kind="int", low=1, high=12, log=False, step=1)
INT_STEP = param("batch", kind="int", low=16, high=256, log=False, step=16)
INT_LOG = param("units", kind="int", low=4, high=1024, log=True, step=1)
FLOAT_STEP = param("dropout", kind="float", low=0.0, high=0.5, log=False, step=0.05)
CAT_STR = param("optimizer", kind="categorical", choices=["sgd", "momentum", "adam", "rmsprop"])
CAT_NUM = param("heads", kind="categorical", choices=[1, 2, 4, 8, 2.5])
CAT_BOOL = param("bias", kind="categorical", choices=[True, False])
ALL = [FLOAT, FLOAT_LOG, INT, INT_STEP, INT_LOG, FLOAT_STEP, CAT_STR, CAT_NUM, CAT_BOOL]
CONDITIONAL = [
    param("optimizer", kind="categorical", choices=["sgd", "adam"]),
    param("lr", kind="float", low=1e-5, high=1e-1, log=True),
    param("momentum", kind="float", low=0.0, high=0.99, log=False, when={"optimizer": ["sgd"]}),
    param("beta1", kind="float", low=0.8, high=0.999, log=False, when={"optimizer": ["adam"]}),
    param("beta2", kind="float", low=0.9, high=0.9999, log=True, when={"optimizer": ["adam"]}),
    param("warmup", kind="int", low=0, high=10, log=False, step=1, when={"optimizer": ["adam"]}),
]


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    univariate = [
        univariate_case("all kinds, minimize, 40 trials with pruned and failed", ALL, build_history(ALL, 40, 1, "minimize", pruned_every=5, failed_every=9), "minimize"),
        univariate_case("all kinds, maximize, 36 trials with pruned", ALL, build_history(ALL, 36, 2, "maximize", pruned_every=4), "maximize"),
        univariate_case("all kinds, minimize, 80 trials (weights ramp), running trials as liars", ALL, build_history(ALL, 80, 3, "minimize", pruned_every=7, running_tail=3), "minimize"),
        univariate_case("all kinds, 12 trials (few kernels)", ALL, build_history(ALL, 12, 4, "minimize"), "minimize"),
        univariate_case("conditional space, 45 trials", CONDITIONAL, build_history(CONDITIONAL, 45, 5, "minimize", pruned_every=6), "minimize"),
        univariate_case("constant liar off, 30 trials with running", ALL, build_history(ALL, 30, 6, "minimize", running_tail=2), "minimize", constant_liar=False),
    ]
    multivariate = [
        multivariate_case("all kinds, minimize, 40 trials", ALL, build_history(ALL, 40, 11, "minimize", pruned_every=5), "minimize"),
        multivariate_case("all kinds, maximize, 80 trials with running", ALL, build_history(ALL, 80, 12, "maximize", running_tail=2), "maximize"),
        multivariate_case("conditional space, 50 trials (groups)", CONDITIONAL, build_history(CONDITIONAL, 50, 13, "minimize", pruned_every=6), "minimize"),
    ]
    for file, cases in (("optuna-tpe-univariate.json", univariate), ("optuna-tpe-multivariate.json", multivariate)):
        with open(os.path.join(OUT_DIR, file), "w") as f:
            json.dump({"generatedBy": "packages/core/scripts/optuna-tpe-fixtures.py", "optuna": optuna.__version__, "cases": cases}, f, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
