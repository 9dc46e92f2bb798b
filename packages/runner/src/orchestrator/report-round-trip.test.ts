/**
 * Reports are a round trip (issue 12): pruning depends on the reported values, never on how fast a
 * thread runs, and the stored learning curve is exactly what was reported.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSweepSpec, type FrozenTrial } from '@loopsweep/core';
import { readDatabase } from '../test-support/read-database.js';
import { sweepWorkspaces } from '../test-support/sweep-workspace.js';
import { runSweep } from './run-sweep.js';

const objective = fileURLToPath(new URL('../objectives/fixtures/paced-curve.mjs', import.meta.url));
const workspace = sweepWorkspaces('roundtrip');

async function sweep(body: string, devices = 'wasm:2') {
  const { dbPath, store, executor } = workspace(devices);
  const spec = parseSweepSpec(`name: rt\nobjective: ${objective}\nmetric: { name: score, goal: maximize }\n${body}`);
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
  return { outcome, dbPath };
}

const curve = (trial: FrozenTrial, steps: number, upTo: number) =>
  Array.from({ length: upTo }, (_, i) => [i + 1, ((trial.params['level'] as number) * (i + 1)) / steps]);

describe('the report round trip', () => {
  it('prunes trials whose steps take ~1 ms, and stores every step exactly as reported', async () => {
    const { outcome, dbPath } = await sweep(
      'budget: { trials: 45, max_epochs: 9 }\nsampler: { type: random, seed: 5 }\npruner: { type: asha, min_epochs: 1, reduction_factor: 3 }\nparameters:\n  level: { uniform: [0, 1] }\n  step_ms: { value: 1 }',
    );
    const pruned = outcome.trials.filter((t) => t.state === 'PRUNED');
    const complete = outcome.trials.filter((t) => t.state === 'COMPLETE');
    expect(pruned.length + complete.length).toBe(45);
    console.log(`1 ms steps, ASHA: ${pruned.length} of 45 trials pruned, ${complete.length} complete`);
    // ASHA with η = 3 stops about two trials in three at the first rungs; far from none.
    expect(pruned.length).toBeGreaterThanOrEqual(20);
    readDatabase(dbPath, (reader) => {
      const scores = reader.learningCurves('rt', 'score');
      const finals = reader.learningCurves('rt', 'final_only');
      for (const trial of outcome.trials) {
        const stored = scores.get(trial.number) ?? [];
        if (trial.state === 'PRUNED') {
          // Stopped at the step the pruner named: the curve up to it, the value it had there.
          const step = stored.length;
          expect(stored).toEqual(curve(trial, 9, step));
          expect(trial.value).toBe(stored.at(-1)?.[1]);
          expect(reader.events('rt').some((e) => e.trialNumber === trial.number && e.message.startsWith(`pruner stops it at step ${step}:`))).toBe(true);
        } else {
          // The final result is the trial's value; it never rewrites the last step's score.
          expect(stored).toEqual(curve(trial, 9, 9));
          expect(trial.value).toBeCloseTo((trial.params['level'] as number) + 0.5, 12);
          expect(finals.get(trial.number)).toEqual([[9, 1]]);
        }
      }
    });
  });

  it('prunes the same trials whether a step takes 0 ms or 20 ms', async () => {
    // Trials 0 and 1 (started together) tie at every step, so either one reporting first leaves
    // both going on; every later trial is worse than every earlier one at the first rung, so it is
    // stopped there whatever else has been reported. Threads' timing cannot change a decision.
    const grid = (ms: number) =>
      `budget: { max_epochs: 9 }\nsampler: { type: grid }\npruner: { type: asha, min_epochs: 1, reduction_factor: 3 }\nparameters:\n  rank: { values: [0, 1, 2, 3, 4, 5, 6, 7] }\n  step_ms: { value: ${ms} }`;
    const fast = await sweep(grid(0));
    const slow = await sweep(grid(20));
    const states = (trials: readonly FrozenTrial[]) => trials.map((t) => `${t.number}:${t.state}@${t.intermediate.size}`);
    expect(states(fast.outcome.trials)).toEqual(['0:COMPLETE@9', '1:COMPLETE@9', ...[2, 3, 4, 5, 6, 7].map((n) => `${n}:PRUNED@1`)]);
    expect(states(slow.outcome.trials)).toEqual(states(fast.outcome.trials));
  });

  it('holds in process slots too', async () => {
    const { outcome } = await sweep(
      `budget: { max_epochs: 3 }\nsampler: { type: grid }\npruner: { type: asha, min_epochs: 1, reduction_factor: 3 }\nparameters:\n  rank: { values: [0, 1, 2, 3] }\n  step_ms: { value: 0 }`,
      'process:wasm:2',
    );
    expect(outcome.trials.map((t) => `${t.state}@${t.intermediate.size}`)).toEqual(['COMPLETE@3', 'COMPLETE@3', 'PRUNED@1', 'PRUNED@1']);
  });
});
