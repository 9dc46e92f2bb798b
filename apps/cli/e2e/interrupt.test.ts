import { afterAll, describe, expect, it } from 'vitest';
import { countStates, noopSpec, startSweep, sweep, waitFor, withReader, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

describe('Ctrl-C during `sweep run`', () => {
  it('once: finishes the running trials, exits 130 with the sweep interrupted; resume completes it', async () => {
    const name = 'ctrl-c';
    const spec = ws.file('once.yaml', noopSpec({ name, trials: 12, parallel: 2, maxEpochs: 3, sleepMs: 150 }));
    const run = startSweep(['run', spec, '--db', ws.db]);
    await waitFor(() => (countStates(ws.db, name)['COMPLETE'] ?? 0) >= 2 && (countStates(ws.db, name)['RUNNING'] ?? 0) >= 1);
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.stdout).toMatch(/^stopping: waiting for [12] running trials? \(Ctrl-C again to abort them\)$/m);
    expect(result.stdout).toMatch(/^interrupted: .*continue with `sweep resume ctrl-c/m);
    expect(result.code).toBe(130);

    const summary = withReader(ws.db, (reader) => reader.summary(name));
    expect(summary?.status).toBe('interrupted');
    expect(summary?.counts.RUNNING).toBe(0);
    expect(summary?.counts.QUEUED).toBe(0);
    // The trials that were running finished instead of being cut off.
    expect(summary?.counts.COMPLETE).toBe(summary?.total);
    expect(summary?.total).toBeLessThan(12);

    const resumed = sweep(['resume', name, '--db', ws.db]);
    expect(resumed.code).toBe(0);
    const after = withReader(ws.db, (reader) => reader.summary(name));
    expect(after).toMatchObject({ status: 'finished', total: 12, counts: { COMPLETE: 12 } });
  });

  it('twice: aborts the running trials, which run again on resume', async () => {
    const name = 'ctrl-c-twice';
    const spec = ws.file('twice.yaml', noopSpec({ name, trials: 8, parallel: 2, maxEpochs: 3, sleepMs: 400 }));
    const run = startSweep(['run', spec, '--db', ws.db]);
    await waitFor(() => (countStates(ws.db, name)['COMPLETE'] ?? 0) >= 1 && (countStates(ws.db, name)['RUNNING'] ?? 0) === 2);
    run.child.kill('SIGINT');
    await waitFor(() => run.output().stdout.includes('stopping:'));
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.stdout).toMatch(/^aborting [12] running trials?; (it|they) will run again on `sweep resume`/m);
    expect(result.code).toBe(130);
    const queued = withReader(ws.db, (reader) => reader.trials(name, { states: ['QUEUED'] }));
    expect(queued.length).toBeGreaterThanOrEqual(1);
    expect(withReader(ws.db, (reader) => reader.summary(name)?.counts.RUNNING)).toBe(0);

    const resumed = sweep(['resume', name, '--db', ws.db]);
    expect(resumed.code).toBe(0);
    expect(withReader(ws.db, (reader) => reader.summary(name))).toMatchObject({ status: 'finished', total: 8, counts: { COMPLETE: 8 } });
  });
});
