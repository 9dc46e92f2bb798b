"""Optuna's per-trial overhead with SQLite storage and a no-op objective that reports once."""
import json
import os
import sys
import tempfile
import time

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
trials = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
directory = tempfile.mkdtemp()
storage = f"sqlite:///{os.path.join(directory, 'optuna.db')}"
study = optuna.create_study(study_name="overhead", storage=storage, sampler=optuna.samplers.RandomSampler(seed=1))


def objective(trial):
    x = trial.suggest_float("x", -5, 10)
    y = trial.suggest_float("y", 0, 15)
    trial.suggest_categorical("opt", ["sgd", "adam"])
    trial.report(x + y, 1)
    return x + y


times = []
for _ in range(trials):
    started = time.perf_counter()
    study.optimize(objective, n_trials=1)
    times.append((time.perf_counter() - started) * 1000)
print(json.dumps({
    "version": optuna.__version__,
    "trials": trials,
    "ms_per_trial": sum(times) / len(times),
    "first_100": sum(times[:100]) / min(100, len(times)),
    "last_100": sum(times[-100:]) / min(100, len(times)),
}))
