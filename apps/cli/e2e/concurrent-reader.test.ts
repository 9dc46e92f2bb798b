import { afterAll, describe, expect, it } from 'vitest';
import { SweepReader } from '@loopsweep/store';
import { countStates, noopSpec, startSweep, waitFor, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

describe('reading while a sweep writes', () => {
  it('never meets SQLITE_BUSY: `sweep status --json` in a loop, --watch, and a SweepReader polling', async () => {
    const name = 'busy';
    const spec = ws.file('sweep.yaml', noopSpec({ name, trials: 20, parallel: 2, maxEpochs: 4, sleepMs: 50 }));
    const run = startSweep(['run', spec, '--db', ws.db]);
    await waitFor(() => countStates(ws.db, name)['RUNNING'] !== undefined);
    const watch = startSweep(['status', name, '--watch', '--json', '--interval', '0.1', '--db', ws.db]);

    const reader = SweepReader.open(ws.db);
    const errors: string[] = [];
    let polls = 0;
    const poller = setInterval(() => {
      try {
        reader.snapshot(() => {
          reader.summary(name);
          reader.trials(name, { states: ['RUNNING'] });
          reader.learningCurves(name, 'value');
        });
        polls += 1;
      } catch (error) {
        errors.push(String(error));
      }
    }, 5);

    let statuses = 0;
    let readWhileRunning = 0;
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!exited) {
      // Async, so the in-process poller keeps polling meanwhile.
      const status = await startSweep(['status', name, '--json', '--db', ws.db]).done;
      if (status.code !== 0) errors.push(status.stderr);
      else {
        const read = JSON.parse(status.stdout) as { sweep: string; status: string };
        expect(read.sweep).toBe(name);
        if (read.status === 'running') readWhileRunning += 1;
      }
      statuses += 1;
    }
    clearInterval(poller);
    reader.close();

    const result = await run.done;
    expect(result.code).toBe(0);
    expect(errors).toEqual([]);
    // At least one `sweep status` process read the database while the sweep was writing it (how many
    // fit depends on the machine's load, so the test asks for one, not a count).
    expect(statuses).toBeGreaterThanOrEqual(1);
    expect(readWhileRunning).toBeGreaterThanOrEqual(1);
    expect(polls).toBeGreaterThan(10);

    const watched = await watch.done;
    expect(watched.code).toBe(0);
    const lines = watched.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ sweep: name, status: 'finished', counts: { COMPLETE: 20 } });
    expect(`${watched.stderr}${result.stderr}`).not.toMatch(/SQLITE_BUSY|database is locked/);
  });
});
