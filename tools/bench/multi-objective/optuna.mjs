// Optuna's side of the multi-objective benchmark: runs tools/bench/optuna/multi_objective.py in
// parallel worker processes (a work queue over stdin) and caches each result, since a run is fixed
// by (sampler, problem, seed, trials, Optuna version, problem definitions).
//
// Cache: multi-objective/.cache/optuna-<version>-<definitions>/<problem>.<sampler>.seed<s>.trials<N>.json.
// A run of N trials also answers any smaller budget (its first trials are that run).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../optuna/multi_objective.py', import.meta.url));
const CACHE = fileURLToPath(new URL('.cache/', import.meta.url));

/** Optuna's samplers, defaults: NSGAIISampler (population 50), TPESampler (MOTPE here), RandomSampler. */
export const OPTUNA_SAMPLERS = ['nsga2', 'tpe', 'random'];

export const INSTALL_HINT = 'apt-get install python3-optuna (Debian), used through /usr/bin/python3';

/** The Python that has Optuna, /usr/bin/python3 first: { python, optuna, definitions } or { missing: reason }. */
export function findOptuna() {
  let reason = '';
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, [SCRIPT, 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return { python, ...JSON.parse(probe.stdout) };
    reason ||= (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
  }
  return { missing: reason };
}

export const cacheDir = (optuna) => join(CACHE, `optuna-${optuna.optuna}-${optuna.definitions}`);
const stem = (problem, sampler, seed) => `${problem}.${sampler}.seed${seed}.trials`;

/** The cached run with the fewest trials ≥ `trials`, cut to `trials`: { values, askMs, seconds }, or undefined. */
export function cached(optuna, problem, sampler, seed, trials) {
  let names;
  try {
    names = readdirSync(cacheDir(optuna));
  } catch {
    return undefined;
  }
  const prefix = stem(problem, sampler, seed);
  const best = names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.json'))
    .map((name) => ({ name, trials: Number(name.slice(prefix.length, -'.json'.length)) }))
    .filter((entry) => entry.trials >= trials)
    .sort((a, b) => a.trials - b.trials)[0];
  if (!best) return undefined;
  const run = JSON.parse(readFileSync(join(cacheDir(optuna), best.name), 'utf8'));
  return { values: run.values.slice(0, trials), askMs: run.ask_ms.slice(0, trials), seconds: run.seconds, trials: run.trials };
}

/**
 * Runs the tasks ({ problem, sampler, seed, trials }), `jobs` niced Python processes at a time, and
 * calls onProgress(done, total, seconds) after each. Resolves to the wall-clock seconds.
 */
export async function runOptuna(optuna, tasks, jobs, onProgress) {
  const dir = cacheDir(optuna);
  mkdirSync(dir, { recursive: true });
  const queue = tasks.map((task) => ({ ...task, out: join(dir, `${stem(task.problem, task.sampler, task.seed)}${task.trials}.json`) }));
  // TPE first (by far the slowest), so no worker is left with one at the end.
  const weight = (t) => t.trials * (t.sampler === 'tpe' ? 50 : 1);
  queue.sort((a, b) => weight(b) - weight(a));
  const started = performance.now();
  let done = 0;
  const total = queue.length;
  const worker = () =>
    new Promise((resolve, reject) => {
      const child = spawn('nice', ['-n', '10', optuna.python, SCRIPT, 'run'], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stderr = '';
      let buffered = '';
      const next = () => {
        const task = queue.shift();
        if (task) child.stdin.write(`${JSON.stringify(task)}\n`);
        else child.stdin.end();
      };
      child.stdout.on('data', (chunk) => {
        buffered += chunk;
        let newline;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, newline);
          buffered = buffered.slice(newline + 1);
          if (!line.trim()) continue;
          done++;
          onProgress?.(done, total, (performance.now() - started) / 1000);
          next();
        }
      });
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`multi_objective.py exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`)),
      );
      next();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, total)) }, worker));
  return (performance.now() - started) / 1000;
}

/** Optuna's side of the check: the objective vector at each point ({ problem, params }). */
export function evaluateInPython(optuna, points) {
  const result = spawnSync(optuna.python, [SCRIPT, 'check'], { input: JSON.stringify({ points }), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`multi_objective.py check failed: ${result.stderr}`);
  return JSON.parse(result.stdout).answers;
}
