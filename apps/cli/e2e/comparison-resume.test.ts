/** kill -9 during a comparison (issue 13), in either stage, then `sweep resume`: nothing finished runs twice. */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { noopSpec, startSweep, sweep, waitFor, withReader, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

const spec = (name: string) =>
  noopSpec({
    name,
    maxEpochs: 3,
    sleepMs: 60,
    extra: 'compare: { by: opt, trials_per_value: 6, confirm: { seeds: 4 } }',
    parameters: '  x: { uniform: [0, 1] }\n  opt: { values: [a, b] }',
  });

function rows(db: string, name: string) {
  return withReader(db, (reader) => reader.trials(name, { sort: 'number' }));
}

async function killWhen(name: string, db: string, ready: (trials: ReturnType<typeof rows>) => boolean) {
  const run = startSweep(['run', ws.file(`${name}.yaml`, spec(name)), '--db', db]);
  // The database and the sweep appear once the run has checked its input and started.
  const readyNow = () => {
    try {
      return existsSync(db) && ready(rows(db, name));
    } catch {
      return false;
    }
  };
  await waitFor(readyNow, 60_000);
  run.child.kill('SIGKILL');
  expect((await run.done).signal).toBe('SIGKILL');
  return rows(db, name).filter((t) => t.state === 'COMPLETE');
}

function expectWholeComparison(db: string, name: string, finishedBefore: ReturnType<typeof rows>) {
  const all = rows(db, name);
  // 2 values × 6 search trials + 2 × 4 confirmations: one more trial would be something run twice.
  expect(all).toHaveLength(20);
  expect(all.every((t) => t.state === 'COMPLETE')).toBe(true);
  const after = new Map(all.map((t) => [t.number, t]));
  for (const trial of finishedBefore)
    expect(after.get(trial.number)).toMatchObject({ value: trial.value, seed: trial.seed, stage: trial.stage, attempt: trial.attempt });
  for (const opt of ['a', 'b']) {
    const search = all.filter((t) => t.stage === 'search' && t.params['opt'] === opt);
    const confirm = all.filter((t) => t.stage === 'confirm' && t.params['opt'] === opt);
    expect(search).toHaveLength(6);
    expect(confirm).toHaveLength(4);
    const best = search.reduce((x, y) => ((y.value as number) > (x.value as number) ? y : x));
    expect(new Set(confirm.map((t) => t.origin))).toEqual(new Set([best.number]));
    expect(new Set(confirm.map((t) => t.seed)).size).toBe(4);
  }
  expect(withReader(db, (reader) => reader.summary(name)?.status)).toBe('finished');
}

describe('kill -9 during a comparison, then `sweep resume`', () => {
  it('in the search stage: the search and the confirmations finish, each trial once', async () => {
    const db = ws.file('search.db');
    const before = await killWhen('cmp-search', db, (trials) => trials.filter((t) => t.state === 'COMPLETE').length >= 3);
    expect(before.every((t) => t.stage === 'search')).toBe(true);
    const resumed = sweep(['resume', 'cmp-search', '--db', db]);
    expect(resumed.code).toBe(0);
    expectWholeComparison(db, 'cmp-search', before);
  });

  it('in the confirmation stage: only the missing confirmations run', async () => {
    const db = ws.file('confirm.db');
    const before = await killWhen('cmp-confirm', db, (trials) => trials.some((t) => t.stage === 'confirm' && t.state === 'COMPLETE'));
    expect(before.some((t) => t.stage === 'confirm')).toBe(true);
    const resumed = sweep(['resume', 'cmp-confirm', '--db', db]);
    expect(resumed.code).toBe(0);
    expectWholeComparison(db, 'cmp-confirm', before);
  });
});
