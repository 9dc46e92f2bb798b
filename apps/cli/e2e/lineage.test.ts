/** `sweep lineage` on real stores: a hand-made PBT sweep with a known lineage, a plain sweep, bad input. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepReader, type TrialRow } from '@loopsweep/store';
import { REPO_ROOT, sweep, workspace } from './helpers.js';
import { PBT_NAME, PLAIN_NAME, writePbtSweeps } from './pbt-fixtures.js';

const ws = workspace('sweep-lineage-');
beforeAll(() => writePbtSweeps(ws.db));
afterAll(() => ws.cleanup());

describe('sweep lineage', () => {
  it('shows the best member’s chain and the schedule it trained with', () => {
    const result = sweep(['lineage', PBT_NAME, '--db', ws.db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'trial 4 of pbt-hand (COMPLETE), loss=0.08 at epoch 6: 3 trials in its chain',
        '',
        'trial  epochs  loss  params',
        '─────  ──────  ────  ────────────────',
        '   #1     1–2   0.6  lr=0.2 units=8',
        '   #3     3–4   0.3  lr=0.05 units=8',
        '   #4     5–6  0.08  lr=0.025 units=8',
        '',
        'schedule',
        '  lr: 0.2 (epochs 1–2) → 0.05 (3–4) → 0.025 (5–6)',
        '  unchanged: units=8',
        '',
      ].join('\n'),
    );
  });

  it('gives the chain and schedule as JSON', () => {
    const result = sweep(['lineage', PBT_NAME, '3', '--json', '--db', ws.db]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      sweep: PBT_NAME,
      trial: 3,
      pbt: true,
      chain: [
        { number: 1, from_step: 1, to_step: 2, params: { lr: 0.2, units: 8 }, value: 0.6 },
        { number: 3, from_step: 3, to_step: 6, params: { lr: 0.05, units: 8 }, value: 0.1 },
      ],
      schedule: {
        lr: [
          { from: 1, to: 2, value: 0.2 },
          { from: 3, to: 6, value: 0.05 },
        ],
        units: [{ from: 1, to: 6, value: 8 }],
      },
    });
  });

  it('says a first-generation member has a constant schedule (exit 0)', () => {
    const result = sweep(['lineage', PBT_NAME, '2', '--db', ws.db]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'trial 2 of pbt-hand (PRUNED), loss=0.62 at epoch 4: no lineage',
      'it is a first-generation member: it trained with the same params throughout (its schedule is constant)',
    ]);
    expect(result.stdout).toContain('  constant: lr=0.1 units=8');
  });

  it('says a sweep that is not PBT has no lineage', () => {
    const result = sweep(['lineage', PLAIN_NAME, '--db', ws.db]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'trial 1 of plain-hand (COMPLETE), loss=0.2 at epoch 2: no lineage',
      'plain-hand is not a population-based training sweep (sampler.type pbt): every trial trains with constant params',
    ]);
  });

  it('refuses a trial number the sweep does not have, with the range (exit 2)', () => {
    const result = sweep(['lineage', PBT_NAME, '7', '--db', ws.db]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe("error: sweep 'pbt-hand' has no trial 7\n  hint: its trials are numbered 0–4\n");
    expect(sweep(['lineage', PBT_NAME, '1.5', '--db', ws.db]).code).toBe(2);
  });
});

describe('sweep lineage after a real PBT sweep (the noisy quadratic objective)', () => {
  it('names the command in the run summary, and gives the schedule the stored lineage gives', () => {
    const objective = `${REPO_ROOT}/packages/runner/src/objectives/fixtures/noisy-quadratic.mjs`;
    const spec = ws.file(
      'pbt.yaml',
      `name: pbt-real\nobjective: ${objective}\nmetric: { name: loss, goal: minimize }\nbudget: { max_epochs: 8, parallel: 4 }\n` +
        'sampler: { type: pbt, seed: 2, population: 4, interval: 2 }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0] }\n',
    );
    const db = `${ws.dir}/real.db`;
    const run = sweep(['run', spec, '--db', db, '--devices', 'wasm:4']);
    expect(run.code).toBe(0);
    const reader = SweepReader.open(db);
    let rows: TrialRow[];
    let best: TrialRow;
    try {
      rows = reader.trials('pbt-real');
      best = reader.best('pbt-real', 1)[0] as TrialRow;
    } finally {
      reader.close();
    }
    expect(run.stdout).toContain(
      `schedule: \`sweep lineage pbt-real --db ${db}\` shows the trials behind #${best.number} and the params it trained with per epoch`,
    );
    // lr per epoch from the stored lineage alone: the parent's schedule up to the step, then its own.
    const lrOf = (member: TrialRow): number[] => {
      const own = Array.from({ length: 8 }, () => member.params['lr'] as number);
      if (member.lineage === undefined) return own;
      const step = member.lineage.step;
      return [...lrOf(rows.find((row) => row.number === member.lineage?.parent) as TrialRow).slice(0, step), ...own.slice(step)];
    };
    const result = sweep(['lineage', 'pbt-real', '--json', '--db', db]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      trial: number;
      chain: { from_step: number; to_step: number }[];
      schedule: { lr: { from: number; to: number; value: number }[] };
    };
    expect(json.trial).toBe(best.number);
    const perEpoch = json.schedule.lr.flatMap((run) => Array.from({ length: run.to - run.from + 1 }, () => run.value));
    expect(perEpoch).toEqual(lrOf(best));
    // The chain covers epochs 1–8 once, in order.
    expect(json.chain.map((link) => [link.from_step, link.to_step]).flat()).toEqual(
      json.chain.flatMap((link, i) => [i === 0 ? 1 : (json.chain[i - 1] as { to_step: number }).to_step + 1, i === json.chain.length - 1 ? 8 : link.to_step]),
    );
    expect(rows.some((row) => row.lineage !== undefined)).toBe(true);
  });
});
