/**
 * `sweep compare` on a sweep that ran a comparison protocol: the verdict is computed on the
 * confirmation replicates (stage 'confirm'), and --json carries the contract. The
 * database is written directly through the store, as the runner's confirmation stage writes it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeStrategies, type FrozenTrial } from '@loopsweep/core';
import { comparableTrials, SqliteTrialStore } from '@loopsweep/store';
import { json, sweep, withReader, workspace } from './helpers.js';

const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'] as const;
/** Seed-to-seed noise of one configuration (sd ≈ 0.015), the same pattern for every optimizer. */
const NOISE = [0.012, -0.018, 0.004, 0.021, -0.009, -0.014, 0.017, -0.002, 0.008, -0.019];

function writeProtocolSweep(db: string, name: string, offsets: Record<string, number>, seeds: number): void {
  const store = SqliteTrialStore.open(db);
  try {
    const spec = {
      name,
      objective: 'noop',
      metric: { name: 'accuracy', goal: 'maximize' },
      parameters: { optimizer: { values: [...OPTIMIZERS] }, lr: { log_uniform: [1e-4, 0.1] } },
      compare: { by: 'optimizer', trials_per_value: 4, confirm: { seeds }, confidence: 0.95 },
    };
    const { id } = store.createSweep({ name, spec, specHash: name, metric: 'accuracy', direction: 'maximize', objective: 'noop', seed: 5 });
    let number = 0;
    const trial = (fields: Omit<FrozenTrial, 'number' | 'intermediate' | 'attempt'>): void =>
      store.createTrial(id, { number: number++, intermediate: new Map(), attempt: 1, ...fields });
    const origins = new Map<string, number>();
    for (const optimizer of OPTIMIZERS) {
      for (let i = 0; i < 4; i++) {
        if (i === 0) origins.set(optimizer, number);
        trial({
          state: i === 3 ? 'PRUNED' : 'COMPLETE',
          params: { optimizer, lr: 0.01 / (i + 1) },
          value: 0.85 - 0.01 * i,
          seed: 100 + number,
          stage: 'search',
        });
      }
    }
    for (const optimizer of OPTIMIZERS) {
      for (let s = 0; s < seeds; s++) {
        const value = 0.9 + (offsets[optimizer] ?? 0) + (NOISE[(s + OPTIMIZERS.indexOf(optimizer) * 3) % NOISE.length] as number);
        trial({ state: 'COMPLETE', params: { optimizer, lr: 0.01 }, value, seed: 1000 + s, stage: 'confirm', origin: origins.get(optimizer)! });
      }
    }
  } finally {
    store.close();
  }
}

describe('sweep compare on a comparison protocol', () => {
  const ws = workspace();
  beforeAll(() => {
    writeProtocolSweep(ws.db, 'planted', { adam: 0.06 }, 10);
    writeProtocolSweep(ws.db, 'noise', {}, 5);
  });
  afterAll(() => ws.cleanup());

  it('--json carries decision, winner and groups [label, n, estimate, ci, p_best], the same as core judgeStrategies', () => {
    const result = json(sweep(['compare', 'planted', '--by', 'optimizer', '--json', '--db', ws.db]));
    expect(result.decision).toBe('winner');
    expect(result.winner).toBe('adam');
    expect(result.mode).toBe('protocol');
    expect(result.compared).toBe('the best configuration of each of 3 optimizer values after 4 search trials each, re-run with 10 seeds each');
    expect(result.groups.map((g: any) => g.label)).toEqual(['adam', 'sgd', 'rmsprop']);
    for (const group of result.groups) {
      expect(group.n).toBe(10);
      expect(typeof group.estimate).toBe('number');
      expect(group.ci).toHaveLength(2);
      expect(group.ci[0]).toBeLessThanOrEqual(group.estimate);
      expect(group.ci[1]).toBeGreaterThanOrEqual(group.estimate);
      expect(group.p_best).toBeGreaterThanOrEqual(0);
      expect(group.replicates).toHaveLength(10);
    }
    const direct = withReader(ws.db, (reader) =>
      judgeStrategies(comparableTrials(reader.trials('planted'), new Map()), {
        by: 'optimizer',
        direction: 'maximize',
        seed: 5,
        protocol: { by: 'optimizer', trialsPerValue: 4, seeds: 10, confidence: 0.95 },
      }),
    );
    expect(result).toEqual({ sweep: 'planted', metric: 'accuracy', ...JSON.parse(JSON.stringify(direct)) });
  });

  it('names no winner on noise, in JSON and in the table', () => {
    const result = json(sweep(['compare', 'noise', '--by', 'optimizer', '--json', '--db', ws.db]));
    expect(result.decision).toBe('no_clear_winner');
    expect(result.winner).toBeUndefined();
    expect(result.tied_with_leader.length).toBeGreaterThan(0);
    const text = sweep(['compare', 'noise', '--by', 'optimizer', '--db', ws.db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^optimizer\s+n\s+mean\s+95% CI\s+P\(best\)\s+best\s+trials\s+pruned\s+failed$/m);
    expect(text.stdout).toContain('decision: no_clear_winner — compared the best configuration of each of 3 optimizer values');
    expect(text.stdout).toContain(result.statement);
    expect(text.stdout).not.toMatch(/\bwins\b/);
    expect(text.stdout).not.toContain('compare:\n');
  });
});
