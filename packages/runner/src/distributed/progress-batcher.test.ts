import { describe, expect, it } from 'vitest';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TrialProgress } from './job-data.js';
import { ProgressBatcher } from './progress-batcher.js';

describe('ProgressBatcher', () => {
  it('sends what one turn of the event loop gathered as one message; the first says who runs the trial', async () => {
    const sent: TrialProgress[] = [];
    const batcher = new ProgressBatcher('a#1', { name: 'a', host: 'box' }, async (progress) => sent.push(progress));
    batcher.log('backend wasm');
    batcher.report(1, { value: 0.1 });
    batcher.report(2, { value: 0.2 });
    await nextTurn();
    batcher.report(3, { value: 0.3 });
    await nextTurn();
    expect(sent).toEqual([
      {
        run: 'a#1',
        agent: { name: 'a', host: 'box' },
        i: 0,
        logs: ['backend wasm'],
        reports: [
          { step: 1, metrics: { value: 0.1 } },
          { step: 2, metrics: { value: 0.2 } },
        ],
      },
      { run: 'a#1', i: 2, logs: [], reports: [{ step: 3, metrics: { value: 0.3 } }] },
    ]);
  });

  it('hands what is still unsent to the result instead of sending it, with every report', async () => {
    const sent: TrialProgress[] = [];
    const batcher = new ProgressBatcher('a#1', { name: 'a', host: 'box' }, async (progress) => sent.push(progress));
    batcher.report(1, { value: 0.1 });
    await nextTurn();
    batcher.report(2, { value: 0.2 });
    batcher.log('done');
    const { reports, logs } = await batcher.finish();
    await nextTurn();
    expect(sent).toHaveLength(1);
    expect(reports.map((r) => r.step)).toEqual([1, 2]);
    expect(logs).toEqual(['done']);
  });

  it('finishes only once the messages already sent are written', async () => {
    let release = () => undefined as void;
    const written = new Promise<void>((resolve) => (release = resolve));
    let finished = false;
    const batcher = new ProgressBatcher('a#1', { name: 'a', host: 'box' }, () => written);
    batcher.report(1, { value: 0.1 });
    await nextTurn();
    const finishing = batcher.finish().then(() => (finished = true));
    await nextTurn();
    expect(finished).toBe(false);
    release();
    await finishing;
    expect(finished).toBe(true);
  });
});
