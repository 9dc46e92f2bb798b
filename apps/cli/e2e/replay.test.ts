/**
 * `sweep replay` on a finished population-based training sweep (the noisy quadratic model): the
 * best member's schedule re-trained with fresh seeds, its summary, a second run that has nothing
 * left to do, and a bad --trial refused before anything is written.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sweep, withReader, workspace } from './helpers.js';

const ws = workspace('sweep-e2e-replay-');
afterAll(() => ws.cleanup());

const objective = path.join(REPO_ROOT, 'packages/runner/src/objectives/fixtures/noisy-quadratic.mjs');
const spec = ws.file(
  'pbt.yaml',
  `name: nq\nobjective: ${objective}\nmetric: { name: loss, goal: minimize }\nbudget: { max_epochs: 20, parallel: 8 }\n` +
    `sampler: { type: pbt, seed: 3, population: 8, interval: 2 }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0] }\n`,
);

describe('sweep replay', () => {
  it("re-trains the best member's schedule with 3 seeds and reports their mean and 95% interval next to the member's value", () => {
    expect(sweep(['run', spec, '--db', ws.db]).code).toBe(0);
    const population = withReader(ws.db, (reader) => reader.trials('nq'));
    const best = population.filter((t) => t.state === 'COMPLETE').sort((a, b) => (a.value as number) - (b.value as number))[0]!;

    const replay = sweep(['replay', 'nq', '--db', ws.db]);
    expect(replay.stderr).not.toMatch(/error/);
    expect(replay.code).toBe(0);
    expect(replay.stdout).toContain(`replaying trial #${best.number}'s schedule of sweep nq with 3 fresh seeds (20 epochs each)`);
    expect(replay.stdout).toMatch(new RegExp(`^schedule of trial #${best.number} \\(\\d+ segments\\):$`, 'm'));
    expect(replay.stdout).toMatch(/^ {2}epochs 1–\d+: lr=/m);
    expect(replay.stdout).toMatch(/–20: lr=/);
    expect(replay.stdout.match(/^ {2}seed \d \(\d+\): loss=\d/gm)).toHaveLength(3);
    expect(replay.stdout).toContain(`original trial #${best.number}: loss=`);
    expect(replay.stdout).toMatch(
      /^replay: loss mean [\d.]+, 95% interval \[[\d.-]+, [\d.]+\] \(t, 3 seeds\); the original's value is (below|inside|above) it$/m,
    );

    const trials = withReader(ws.db, (reader) => reader.trials('nq'));
    const replays = trials.filter((t) => t.stage === 'replay');
    expect(replays.every((t) => t.origin === best.number && t.state === 'COMPLETE')).toBe(true);
    expect(new Set(replays.map((t) => t.seed)).size).toBe(3);

    // Run again: every replay has run, so nothing runs and the same summary comes back.
    const again = sweep(['replay', 'nq', '--db', ws.db]);
    expect(again.code).toBe(0);
    expect(withReader(ws.db, (reader) => reader.trials('nq'))).toHaveLength(trials.length);
    expect(again.stdout.split('\n').filter((l) => l.startsWith('replay:'))).toEqual(replay.stdout.split('\n').filter((l) => l.startsWith('replay:')));
  }, 120_000);

  it('refuses a bad --trial with exit 2 and a clear message, writing nothing', () => {
    const before = withReader(ws.db, (reader) => reader.trials('nq')).length;
    const missing = sweep(['replay', 'nq', '--db', ws.db, '--trial', '999']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: sweep 'nq' has no trial 999 (its trials are #0–#${before - 1})`);
    const pruned = withReader(ws.db, (reader) => reader.trials('nq')).find((t) => t.state === 'PRUNED')!;
    const notComplete = sweep(['replay', 'nq', '--db', ws.db, '--trial', String(pruned.number)]);
    expect(notComplete.code).toBe(2);
    expect(notComplete.stderr).toContain(`error: trial ${pruned.number} of sweep 'nq' is PRUNED, not COMPLETE`);
    const fractional = sweep(['replay', 'nq', '--db', ws.db, '--trial', '1.5']);
    expect(fractional.code).toBe(2);
    expect(fractional.stderr).toContain('--trial must be a trial number');
    expect(withReader(ws.db, (reader) => reader.trials('nq'))).toHaveLength(before);
  });
});
