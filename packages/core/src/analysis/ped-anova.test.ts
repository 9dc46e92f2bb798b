import { describe, expect, it } from 'vitest';
import { createRandom, type RandomSource } from '../random.js';
import type { Params } from '../search-space/distributions.js';
import { MIN_IMPORTANCE_TRIALS, pedAnovaImportance, type ImportanceParam, type ImportanceTrial } from './ped-anova.js';

const PARAMS: readonly ImportanceParam[] = [
  { name: 'noise', kind: 'numeric' },
  { name: 'optimizer', kind: 'categorical' },
  { name: 'lr', kind: 'numeric', log: true },
  { name: 'units', kind: 'numeric' },
];
const OPTIMIZERS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;

/** A sweep where lr decides the value (a peak at 10^-2.5), the optimizer shifts it, units less, noise not at all. */
function sweep(count: number, random: RandomSource): ImportanceTrial[] {
  return Array.from({ length: count }, () => {
    const lr = 10 ** (-5 + 4 * random());
    const optimizer = OPTIMIZERS[Math.floor(random() * OPTIMIZERS.length)] as string;
    const units = 16 + Math.floor(random() * 240);
    const params: Params = { noise: random(), optimizer, lr, units };
    const value = 1 - Math.abs(Math.log10(lr) + 2.5) / 2.5 + (optimizer === 'adam' ? 0.1 : 0) + (0.05 * units) / 256 + 0.01 * random();
    return { params, value };
  });
}

const ranking = (result: ReturnType<typeof pedAnovaImportance>) => result.importances.map((entry) => entry.param);

describe('pedAnovaImportance', () => {
  it('ranks the param that determines the value first and pure noise last', () => {
    const result = pedAnovaImportance(sweep(2000, createRandom(1)), PARAMS, 'maximize');
    expect(ranking(result)).toEqual(['lr', 'optimizer', 'units', 'noise']);
    expect(result.trialsUsed).toBe(2000);
    expect(result.topTrials).toBe(200);
    const lr = result.importances[0]?.importance ?? 0;
    expect(lr).toBeGreaterThan(0.5);
    expect(result.importances.at(-1)?.importance).toBeLessThan(0.05);
  });

  it('gives importances in 0..1 that sum to 1', () => {
    const result = pedAnovaImportance(sweep(300, createRandom(2)), PARAMS, 'maximize');
    for (const { importance } of result.importances) {
      expect(importance).toBeGreaterThanOrEqual(0);
      expect(importance).toBeLessThanOrEqual(1);
    }
    expect(result.importances.reduce((sum, entry) => sum + entry.importance, 0)).toBeCloseTo(1, 12);
  });

  it('looks at the best trials in the sweep direction', () => {
    // Minimizing 1 - units/256 rewards large units; noise is noise either way.
    const random = createRandom(3);
    const trials = Array.from({ length: 1000 }, () => {
      const units = 16 + Math.floor(random() * 240);
      return { params: { units, noise: random() }, value: 1 - units / 256 };
    });
    const params: ImportanceParam[] = [
      { name: 'noise', kind: 'numeric' },
      { name: 'units', kind: 'numeric' },
    ];
    expect(ranking(pedAnovaImportance(trials, params, 'minimize'))).toEqual(['units', 'noise']);
    expect(ranking(pedAnovaImportance(trials, params, 'maximize'))).toEqual(['units', 'noise']);
  });

  it('counts an inactive conditional param as a value of its own', () => {
    // Only momentum trials are good, so whether `momentum` is active at all separates good from bad.
    const random = createRandom(4);
    const trials = Array.from({ length: 1000 }, () => {
      const optimizer = random() < 0.3 ? 'momentum' : 'sgd';
      const params: Params = optimizer === 'momentum' ? { optimizer, momentum: 0.5 + 0.49 * random(), noise: random() } : { optimizer, noise: random() };
      return { params, value: (optimizer === 'momentum' ? 1 : 0) + 0.1 * random() };
    });
    const result = pedAnovaImportance(
      trials,
      [
        { name: 'noise', kind: 'numeric' },
        { name: 'momentum', kind: 'numeric' },
      ],
      'maximize',
    );
    expect(ranking(result)).toEqual(['momentum', 'noise']);
  });

  it('skips trials without a finite value and says nothing below the minimum', () => {
    const trials: ImportanceTrial[] = [
      { params: { lr: 0.1 }, value: 1 },
      { params: { lr: 0.2 }, value: Number.NaN },
      { params: { lr: 0.3 }, value: 2 },
      { params: { lr: 0.4 }, value: Number.POSITIVE_INFINITY },
      { params: { lr: 0.5 }, value: 3 },
    ];
    const result = pedAnovaImportance(trials, [{ name: 'lr', kind: 'numeric' }], 'maximize');
    expect(result.trialsUsed).toBe(MIN_IMPORTANCE_TRIALS - 1);
    expect(result.importances).toEqual([{ param: 'lr', importance: 0 }]);
  });

  it('gives all zeros when no param varies', () => {
    const trials = Array.from({ length: 50 }, (_, i) => ({ params: { units: 32, cell: 'lstm' }, value: i }));
    const result = pedAnovaImportance(
      trials,
      [
        { name: 'units', kind: 'numeric' },
        { name: 'cell', kind: 'categorical' },
      ],
      'maximize',
    );
    expect(result.importances.map((entry) => entry.importance)).toEqual([0, 0]);
  });

  it('refuses a bad quantile or bin count with an exact message', () => {
    expect(() => pedAnovaImportance([], PARAMS, 'maximize', { quantile: 1 })).toThrow(new RangeError('options.quantile must be in (0, 1) (got 1)'));
    expect(() => pedAnovaImportance([], PARAMS, 'maximize', { bins: 1.5 })).toThrow(new RangeError('options.bins must be an integer ≥ 2 (got 1.5)'));
  });

  it('ranks the deciding param first at 10,000 trials, using every trial and the top 10%', () => {
    // How fast this is at that size is a figure of `npm run bench:dashboard` (importance route),
    // not an assertion here: timings follow the machine's load.
    const trials = sweep(10_000, createRandom(5));
    const result = pedAnovaImportance(trials, PARAMS, 'maximize');
    expect(ranking(result)[0]).toBe('lr');
    expect(result).toMatchObject({ trialsUsed: 10_000, topTrials: 1_000 });
  });
});
