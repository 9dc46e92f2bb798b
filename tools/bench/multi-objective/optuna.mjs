// Optuna's side of the multi-objective benchmark: tools/bench/optuna/multi_objective.py, run in
// parallel and cached (tools/bench/optuna/python-runs.mjs).
//
// Cache: multi-objective/.cache/optuna-<version>-<definitions>/<problem>.<sampler>.seed<s>.trials<N>.json.
// A run of N trials also answers any smaller budget (its first trials are that run).
import { optunaRuns } from '../optuna/python-runs.mjs';

const runs = optunaRuns(new URL('../optuna/multi_objective.py', import.meta.url), new URL('.cache/', import.meta.url));

/** Optuna's samplers, defaults: NSGAIISampler (population 50), TPESampler (MOTPE here), RandomSampler. */
export const OPTUNA_SAMPLERS = ['nsga2', 'tpe', 'random'];

export const INSTALL_HINT = 'apt-get install python3-optuna (Debian), used through /usr/bin/python3';

export const findOptuna = () => runs.findOptuna();
export const cacheDir = (optuna) => runs.cacheDir(optuna);
const stem = (problem, sampler, seed) => `${problem}.${sampler}.seed${seed}.trials`;

/** The cached run with the fewest trials ≥ `trials`, cut to `trials`: { values, askMs, seconds }, or undefined. */
export function cached(optuna, problem, sampler, seed, trials) {
  const run = runs.readCached(optuna, stem(problem, sampler, seed), trials);
  if (!run) return undefined;
  return { values: run.values.slice(0, trials), askMs: run.ask_ms.slice(0, trials), seconds: run.seconds, trials: run.trials };
}

/**
 * Runs the tasks ({ problem, sampler, seed, trials }), `jobs` niced Python processes at a time, and
 * calls onProgress(done, total, seconds) after each. Resolves to the wall-clock seconds.
 */
export function runOptuna(optuna, tasks, jobs, onProgress) {
  const queue = tasks.map((task) => ({ ...task, out: runs.cacheFile(optuna, stem(task.problem, task.sampler, task.seed), task.trials) }));
  // TPE is by far the slowest.
  const weight = (t) => t.trials * (t.sampler === 'tpe' ? 50 : 1);
  return runs.run(optuna, queue, { jobs, weight, onProgress });
}

/** Optuna's side of the check: the objective vector at each point ({ problem, params }). */
export const evaluateInPython = (optuna, points) => runs.check(optuna, points);
