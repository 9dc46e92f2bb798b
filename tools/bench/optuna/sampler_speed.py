"""Optuna's ask+tell cost per trial with a no-op objective, for side-by-side figures.

Same shape as loopsweep's sampler-speed benchmark: 5 params (lr log-uniform, dropout uniform,
units int log, optimizer and cell categorical), in-memory storage, one seed. Prints JSON: for each
sampler the mean per trial and the mean of the 50 asks before each checkpoint.
Run by tools/bench/sampler-speed.mjs where Debian's python3-optuna is installed.
"""
import json
import sys
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)


def objective_value(params):
    # A cheap deterministic function of the params (the sampler cost is what is measured).
    return (params["lr"] - 0.01) ** 2 + params["dropout"] * 0.1 + 1.0 / params["units"] + (0.0 if params["optimizer"] == "adam" else 0.05)


def run(sampler, trials):
    study = optuna.create_study(direction="minimize", sampler=sampler)
    per_trial = []
    for _ in range(trials):
        started = time.perf_counter()
        trial = study.ask()
        params = {
            "lr": trial.suggest_float("lr", 1e-4, 1e-1, log=True),
            "dropout": trial.suggest_float("dropout", 0.0, 0.5),
            "units": trial.suggest_int("units", 16, 256, log=True),
            "optimizer": trial.suggest_categorical("optimizer", ["sgd", "momentum", "adam", "rmsprop", "adagrad"]),
            "cell": trial.suggest_categorical("cell", ["simple", "lstm", "gru", "loop"]),
        }
        study.tell(trial, objective_value(params))
        per_trial.append((time.perf_counter() - started) * 1000)
    return per_trial


def summarize(times):
    checkpoints = [n for n in (100, 250, 500, 1000, 2000) if n <= len(times)]
    return {
        "per_trial": sum(times) / len(times),
        "at": {str(n): sum(times[max(0, n - 50):n]) / len(times[max(0, n - 50):n]) for n in checkpoints},
    }


trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
samplers = {
    "random": optuna.samplers.RandomSampler(seed=1),
    "tpe": optuna.samplers.TPESampler(seed=1),
    "tpe multivariate": optuna.samplers.TPESampler(seed=1, multivariate=True),
}
print(json.dumps({
    "version": optuna.__version__,
    "trials": trials,
    "samplers": {name: summarize(run(sampler, trials)) for name, sampler in samplers.items()},
}))
