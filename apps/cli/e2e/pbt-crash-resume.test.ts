/**
 * kill -9 in the middle of a population-based training sweep, then `sweep resume` (issue 18): the
 * sweep finishes with the same population, and no member that had a checkpoint starts over.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, countStates, startSweep, sweep, waitFor, withReader, workspace } from './helpers.js';

const NAME = 'pbt-crash';
const ws = workspace();
afterAll(() => ws.cleanup());
const OBJECTIVE = `${REPO_ROOT}/packages/runner/src/objectives/fixtures/noisy-quadratic.mjs`;
const EPOCHS = 12;

const spec = `name: ${NAME}
objective: ${OBJECTIVE}
metric: { name: loss, goal: minimize }
budget: { max_epochs: ${EPOCHS}, parallel: 4 }
sampler: { type: pbt, seed: 3, population: 4, interval: 2, quantile: 0.25 }
parameters:
  lr: { log_uniform: [1.0e-3, 1.0] }
  sleep_ms: { value: 60 }
`;

describe('kill -9 during a PBT sweep, then `sweep resume`', () => {
  it('finishes with the same population, and every interrupted member continues from its last checkpoint', async () => {
    const file = ws.file('pbt.yaml', spec);
    const run = startSweep(['run', file, '--db', ws.db, '--devices', 'wasm:4']);
    // Past the first exploit step (epoch 2), with members mid-way.
    await waitFor(
      () => (countStates(ws.db, NAME)['PRUNED'] ?? 0) >= 1 && withReader(ws.db, (reader) => reader.trials(NAME).some((t) => (t.lastStep ?? 0) >= 5)),
    );
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');

    const interrupted = withReader(ws.db, (reader) => reader.trials(NAME, { states: ['RUNNING'] }));
    expect(interrupted.length).toBeGreaterThan(0);
    // What each interrupted member had: its last checkpoint step (a multiple of the interval it reported).
    const db = new Database(ws.db, { readonly: true });
    const checkpointed = new Map(
      (
        db
          .prepare('SELECT t.number, MAX(c.step) AS step FROM checkpoints c JOIN trials t ON t.id = c.trial_id WHERE t.state = ? GROUP BY t.number')
          .all('RUNNING') as { number: number; step: number }[]
      ).map((row) => [row.number, row.step]),
    );
    db.close();
    expect(checkpointed.size).toBeGreaterThan(0);

    const resumed = sweep(['resume', NAME, '--db', ws.db, '--devices', 'wasm:4']);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    for (const [number, step] of checkpointed) {
      expect(resumed.stdout).toMatch(new RegExp(`^trial ${number} re-queued as attempt 2: interrupted`, 'm'));
      const events = withReader(ws.db, (reader) => reader.events(NAME).filter((event) => event.trialNumber === number && event.kind === 'trial_retried'));
      expect(events.map((event) => event.message)).toEqual([expect.stringContaining(`re-queued as attempt 2, continuing from its checkpoint at step ${step}`)]);
    }

    withReader(ws.db, (reader) => {
      const trials = reader.trials(NAME);
      expect(reader.summary(NAME)?.status).toBe('finished');
      // The same population: every member's chain (follow `replaces`) ends in one COMPLETE trial at the last epoch.
      const complete = trials.filter((t) => t.state === 'COMPLETE');
      expect(complete).toHaveLength(4);
      for (const trial of complete) expect(trial.lastStep).toBe(EPOCHS);
      // A resumed member kept its curve up to the checkpoint and reported only the epochs after it.
      for (const [number, step] of checkpointed) {
        const detail = reader.trial(NAME, number);
        expect(detail?.attempt).toBe(2);
        const steps = detail?.metrics.map((m) => m.step) ?? [];
        // From the step after where it started (its lineage's, for an exploit trial) to where it ended, each once.
        const first = (detail?.lineage?.step ?? 0) + 1;
        expect(steps).toEqual(Array.from({ length: (steps.at(-1) ?? 0) - first + 1 }, (_, i) => first + i));
        // Its checkpoint is one it reported, or the start checkpoint it was created with.
        expect(step === first - 1 || steps.includes(step)).toBe(true);
      }
      // Nothing left behind: a finished population keeps no checkpoint.
    });
    const after = new Database(ws.db, { readonly: true });
    for (const [number, step] of checkpointed) {
      expect(after.prepare('SELECT restore_step FROM trials WHERE number = ?').get(number)).toEqual({ restore_step: step });
    }
    expect((after.prepare('SELECT COUNT(*) AS n FROM checkpoints').get() as { n: number }).n).toBe(0);
    expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
    after.close();
  }, 120_000);
});
