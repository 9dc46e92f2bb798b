"""The helper a loopsweep command objective needs: its params, and a way to report.

    from loopsweep import params, report
    lr = params["lr"]                      # the trial's params (LOOPSWEEP_PARAMS), inactive ones left out
    if report(epoch, val_accuracy=acc):    # prints {"step": …, …}; True when the pruner says stop
        break
"""
import json
import os
import sys

params = json.loads(os.environ.get("LOOPSWEEP_PARAMS", "{}"))
trial = int(os.environ.get("LOOPSWEEP_TRIAL", "0"))
seed = int(os.environ.get("LOOPSWEEP_SEED", "0"))
max_epochs = int(os.environ["LOOPSWEEP_MAX_EPOCHS"]) if "LOOPSWEEP_MAX_EPOCHS" in os.environ else None
_answers = os.environ.get("LOOPSWEEP_ANSWERS") == "stdin"


def report(step, **metrics):
    """Prints one report line. With `answers: stdin` waits for the pruner's answer and returns
    True to stop; otherwise returns False (a pruned trial gets SIGTERM)."""
    # json.dumps writes a diverged loss as NaN, which loopsweep reads (and fails the trial: diverged).
    print(json.dumps({"step": step, **{k: float(v) for k, v in metrics.items()}}), flush=True)
    if not _answers:
        return False
    line = sys.stdin.readline()
    return not line or json.loads(line).get("stop", False)


def final(**metrics):
    """The trial's final metrics (e.g. a test score), when they differ from the last report."""
    print(json.dumps({"final": {k: float(v) for k, v in metrics.items()}}), flush=True)
