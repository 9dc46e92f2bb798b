// Optuna's side of the search-quality benchmark: tools/bench/optuna/quality.py, run in parallel and
// cached (tools/bench/optuna/python-runs.mjs).
//
// Cache: quality/.cache/optuna-<version>-<definitions>/<function>.<sampler>.seed<s>.trials<N>.json.
// A run of N trials also answers any smaller budget (its first trials are that run).
import { optunaRuns } from '../optuna/python-runs.mjs';

const runs = optunaRuns(new URL('../optuna/quality.py', import.meta.url), new URL('.cache/', import.meta.url));

/** Optuna's samplers: TPE, multivariate grouped TPE, random, and CMA-ES on continuous spaces only. */
export const OPTUNA_SAMPLERS = ['tpe', 'tpe-mv', 'random', 'cmaes'];
export const appliesTo = (sampler, fn, optuna) => sampler !== 'cmaes' || (fn.continuous && optuna.cmaes !== false);

export const INSTALL_HINT = 'apt-get install python3-optuna python3-cmaes (Debian), used through /usr/bin/python3';

export const findOptuna = () => runs.findOptuna();
export const cacheDir = (optuna) => runs.cacheDir(optuna);
const stem = (fnName, sampler, seed) => `${fnName}.${sampler}.seed${seed}.trials`;

/** The cached run with the fewest trials ≥ `trials`, cut to `trials`, or undefined. */
export function cached(optuna, fnName, sampler, seed, trials) {
  const run = runs.readCached(optuna, stem(fnName, sampler, seed), trials);
  if (!run) return undefined;
  return { observed: run.observed.slice(0, trials), truth: run.truth.slice(0, trials), askMs: run.ask_ms.slice(0, trials), seconds: run.seconds };
}

/**
 * Runs the tasks ({ fnName, sampler, seed, trials }) not in the cache, `jobs` Python processes at a
 * time, and calls onProgress(done, total, seconds) after each. Resolves to the wall-clock seconds.
 */
export function runOptuna(optuna, tasks, jobs, onProgress) {
  const queue = tasks.map((task) => ({
    function: task.fnName,
    sampler: task.sampler,
    seed: task.seed,
    trials: task.trials,
    out: runs.cacheFile(optuna, stem(task.fnName, task.sampler, task.seed), task.trials),
  }));
  // Multivariate TPE is the slowest, then TPE; long runs before short ones.
  const weight = (t) => t.trials * (t.sampler.startsWith('tpe') ? (t.sampler === 'tpe-mv' ? 3 : 2) : 1);
  return runs.run(optuna, queue, { jobs, weight, onProgress });
}

/** Optuna's answers for the check: values and distributions at each point. */
export const checkPoints = (optuna, points) => runs.check(optuna, points);
