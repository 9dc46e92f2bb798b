import { afterAll, describe, expect, it } from 'vitest';
import { json, noopSpec, sweep, withReader, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

describe('trials that fail', () => {
  it('end FAILED with their reason, and the sweep still finishes (exit 0)', () => {
    const spec = ws.file(
      'fail.yaml',
      noopSpec({ name: 'failing', maxEpochs: 2, sampler: '{ type: grid, seed: 0 }', parameters: '  noop_fail: { values: [throw, diverge, crash, none] }' }),
    );
    const run = sweep(['run', spec, '--db', ws.db]);
    expect(run.code).toBe(0);
    const byFail = withReader(ws.db, (reader) => Object.fromEntries(reader.trials('failing').map((t) => [String(t.params['noop_fail']), t])));
    expect(byFail['throw']).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^error: /) });
    expect(byFail['diverge']).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^diverged: /) });
    expect(byFail['crash']).toMatchObject({ state: 'FAILED', failureReason: expect.stringMatching(/^crashed: /) });
    expect(byFail['none']).toMatchObject({ state: 'COMPLETE' });
    expect(run.stdout).toMatch(/^trial \d+ FAILED diverged: /m);
    expect(run.stdout).toMatch(/^finished: 4 trials \(1 complete, 0 pruned, 3 failed\)/m);

    const compared = json(sweep(['compare', 'failing', '--by', 'noop_fail', '--json', '--db', ws.db]));
    const diverge = compared.groups.find((g: { label: string }) => g.label === 'diverge');
    expect(diverge).toMatchObject({ failed: 1, diverged: 1 });
    const shown = sweep(['show', 'failing', String(byFail['diverge']!.number), '--db', ws.db]);
    expect(shown.stdout).toMatch(/^reason: diverged: /m);
  });

  it('stop the sweep with exit 1 and one message when the first trials all fail the same way', () => {
    const spec = ws.file(
      'broken.yaml',
      noopSpec({ name: 'broken', maxEpochs: 2, trials: 30, parameters: '  x: { uniform: [0, 1] }\n  noop_fail: { value: throw }' }),
    );
    const run = sweep(['run', spec, '--db', ws.db, '--parallel', '1']);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(errors).toEqual([
      'error: sweep broken stopped: the first 3 trials (#0, #1, #2) all failed the same way: error: Error: noop failed on purpose after step 1',
    ]);
    expect(run.stderr).toMatch(/^ {2}see one: sweep show broken 0 --db /m);
    expect(run.stderr).toMatch(/^ {2}hint: fix the cause, then continue with `sweep resume broken --db /m);
    const trials = withReader(ws.db, (reader) => reader.trials('broken'));
    expect(trials.map((t) => t.state)).toEqual(['FAILED', 'FAILED', 'FAILED']);
    expect(withReader(ws.db, (reader) => reader.getSweep('broken')?.status)).toBe('failed');
  });
});
