import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { countStates, noopSpec, startSweep, sweep, waitFor, withReader, workspace } from './helpers.js';

const NAME = 'crashy';
const ws = workspace();
afterAll(() => ws.cleanup());

/** Every COMPLETE trial with its value and all its metric rows. */
function completed(db: string) {
  return withReader(db, (reader) =>
    reader
      .trials(NAME, { states: ['COMPLETE'] })
      .map((t) => ({ number: t.number, value: t.value, params: t.params, metrics: reader.trial(NAME, t.number)?.metrics })),
  );
}

describe('kill -9 during `sweep run`, then `sweep resume`', () => {
  it('loses no completed trial or metric row, re-runs the interrupted trials and reaches the budget', async () => {
    // 3 steps of ~70 ms: trials of ~200 ms, two at a time.
    const spec = ws.file('sweep.yaml', noopSpec({ name: NAME, trials: 20, parallel: 2, maxEpochs: 3, sleepMs: 70 }));
    const run = startSweep(['run', spec, '--db', ws.db]);
    await waitFor(() => (countStates(ws.db, NAME)['COMPLETE'] ?? 0) >= 4);
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');

    const before = completed(ws.db);
    const states = countStates(ws.db, NAME);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.length).toBeLessThan(20);
    const interrupted = withReader(ws.db, (reader) => reader.trials(NAME, { states: ['RUNNING'] }).map((t) => t.number));
    expect(interrupted.length).toBe(states['RUNNING']);

    const resumed = sweep(['resume', NAME, '--db', ws.db]);
    expect(resumed.stderr).toBe('');
    expect(resumed.code).toBe(0);
    for (const number of interrupted) expect(resumed.stdout).toMatch(new RegExp(`^trial ${number} re-queued as attempt 2: interrupted`, 'm'));

    const after = completed(ws.db);
    const afterByNumber = new Map(after.map((t) => [t.number, t]));
    for (const trial of before) expect(afterByNumber.get(trial.number)).toEqual(trial);
    const all = withReader(ws.db, (reader) => reader.trials(NAME));
    expect(all).toHaveLength(20);
    expect(all.every((t) => t.state === 'COMPLETE')).toBe(true);
    for (const number of interrupted) expect(all[number]?.attempt).toBe(2);
    expect(withReader(ws.db, (reader) => reader.summary(NAME)?.status)).toBe('finished');

    const db = new Database(ws.db, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
