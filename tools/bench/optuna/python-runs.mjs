// What the quality benchmarks' Optuna sides share: finding the Python that has Optuna, a cache of
// runs (a run is fixed by its sampler, problem, seed, trials, Optuna version and the definitions'
// version, so it is computed once), and a pool of niced Python processes fed tasks over stdin.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The runner for one benchmark script (tools/bench/optuna/<name>.py, answering `version`, `run`
 * and `check` on its command line) and its cache folder.
 */
export function optunaRuns(scriptUrl, cacheUrl) {
  const script = fileURLToPath(scriptUrl);
  const cacheRoot = fileURLToPath(cacheUrl);
  const cacheDir = (optuna) => join(cacheRoot, `optuna-${optuna.optuna}-${optuna.definitions}`);
  return {
    cacheDir,

    /**
     * The Python that has Optuna: /usr/bin/python3 first (Debian's python3-optuna, which a pyenv or
     * venv python3 on PATH hides), then python3. { python, optuna, definitions, … } or { missing: reason }.
     */
    findOptuna() {
      let reason = '';
      for (const python of ['/usr/bin/python3', 'python3']) {
        const probe = spawnSync(python, [script, 'version'], { encoding: 'utf8' });
        if (probe.status === 0) return { python, ...JSON.parse(probe.stdout) };
        reason ||= (probe.stderr || probe.error?.message || '').trim().split('\n').pop();
      }
      return { missing: reason };
    },

    /** The file a run of `trials` trials is cached in, for a stem such as `branin.tpe.seed3.trials`. */
    cacheFile: (optuna, stem, trials) => join(cacheDir(optuna), `${stem}${trials}.json`),

    /**
     * The cached run under `stem` with the fewest trials ≥ `trials` (its first trials are a run of
     * `trials`), parsed, or undefined.
     */
    readCached(optuna, stem, trials) {
      let names;
      try {
        names = readdirSync(cacheDir(optuna));
      } catch {
        return undefined;
      }
      const best = names
        .filter((name) => name.startsWith(stem) && name.endsWith('.json'))
        .map((name) => ({ name, trials: Number(name.slice(stem.length, -'.json'.length)) }))
        .filter((entry) => entry.trials >= trials)
        .sort((a, b) => a.trials - b.trials)[0];
      return best && JSON.parse(readFileSync(join(cacheDir(optuna), best.name), 'utf8'));
    },

    /**
     * Runs the tasks (each written to the script as one JSON line; it writes its result to
     * `task.out` and answers one line), heaviest first by `weight`, `jobs` niced processes at a
     * time, calling onProgress(done, total, seconds, answer) after each. Resolves to the wall-clock seconds.
     */
    async run(optuna, tasks, { jobs, weight, onProgress }) {
      mkdirSync(cacheDir(optuna), { recursive: true });
      // The slowest first, so no worker is left alone with one at the end.
      const queue = [...tasks].sort((a, b) => weight(b) - weight(a));
      const started = performance.now();
      const total = queue.length;
      let done = 0;
      const worker = () =>
        new Promise((resolve, reject) => {
          const child = spawn('nice', ['-n', '10', optuna.python, script, 'run'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
              onProgress?.(done, total, (performance.now() - started) / 1000, JSON.parse(line));
              next();
            }
          });
          child.stderr.on('data', (chunk) => (stderr += chunk));
          child.on('error', reject);
          child.on('close', (code) =>
            code === 0 ? resolve() : reject(new Error(`${basename(script)} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}`)),
          );
          next();
        });
      await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, total)) }, worker));
      return (performance.now() - started) / 1000;
    },

    /** The script's answers for a definitions check (`check` reads { points } on stdin). */
    check(optuna, points) {
      const result = spawnSync(optuna.python, [script, 'check'], { input: JSON.stringify({ points }), encoding: 'utf8', maxBuffer: 1 << 28 });
      if (result.status !== 0) throw new Error(`${basename(script)} check failed: ${result.stderr}`);
      return JSON.parse(result.stdout).answers;
    },
  };
}
