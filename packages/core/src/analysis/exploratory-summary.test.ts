import { describe, expect, it } from 'vitest';
import { expectedBestSorted } from './expected-max.js';
import { exploratorySummary } from './exploratory-summary.js';

const adam = { label: 'adam', values: [0.8, 0.91, 0.85, 0.7, 0.88, 0.9, 0.86, 0.83] };
const sgd = { label: 'sgd', values: [0.6, 0.75, 0.82, 0.7] };
const rmsprop = { label: 'rmsprop', values: [0.84] };

describe('exploratorySummary', () => {
  it('compares values at an equal budget, flags thin ones, and never names a winner', () => {
    const summary = exploratorySummary([sgd, rmsprop, adam], { direction: 'maximize', seed: 1, subject: 'optimizer' });
    expect(summary.decision).toBe('exploratory');
    expect(summary.common_n).toBe(4);
    expect(summary.groups.map((g) => [g.label, g.n, g.status])).toEqual([
      ['adam', 8, 'ok'],
      ['sgd', 4, 'ok'],
      ['rmsprop', 1, 'insufficient_data'],
    ]);
    const [first, second, thin] = summary.groups;
    expect(first?.best).toBe(0.91);
    expect(first?.estimate).toBeCloseTo(expectedBestSorted(Float64Array.from(adam.values).sort(), 4, 'maximize'), 12);
    expect(first?.ci?.[0]).toBeLessThanOrEqual(first?.estimate as number);
    expect((first?.p_best as number) + (second?.p_best as number)).toBeCloseTo(1, 12);
    expect(thin).toEqual({ label: 'rmsprop', n: 1, status: 'insufficient_data', best: 0.84, estimate: null, ci: null, p_best: null });
    expect(summary.statement).toContain('Exploratory summary of 3 values of optimizer (maximize): the sweep sampled them adaptively');
    expect(summary.statement).toContain('this ranking is exploratory — it names no winner');
    expect(summary.statement).toMatch(/Expected best after 4 trials each .* optimizer=adam 0\.\d+ \[/);
    expect(summary.statement).toContain('Too few completed trials (fewer than 3) to estimate: optimizer=rmsprop (1).');
    expect(summary.statement).not.toMatch(/\bwins\b/);
    expect(exploratorySummary([sgd, rmsprop, adam], { direction: 'maximize', seed: 1, subject: 'optimizer' })).toEqual(summary);
  });

  it('reads lower as better when minimizing', () => {
    const summary = exploratorySummary([adam, sgd], { direction: 'minimize', seed: 1 });
    expect(summary.groups.map((g) => [g.label, g.best])).toEqual([
      ['sgd', 0.6],
      ['adam', 0.7],
    ]);
  });

  it('reports insufficient data when fewer than two values have enough trials', () => {
    const summary = exploratorySummary([adam, rmsprop], { direction: 'maximize', seed: 1 });
    expect(summary.decision).toBe('insufficient_data');
    expect(summary.common_n).toBeNull();
    expect(summary.groups.map((g) => g.status)).toEqual(['ok', 'insufficient_data']);
    expect(summary.statement).toBe(
      'Exploratory summary of 2 values: insufficient data — fewer than two values have 3 completed trials. Too few completed trials (fewer than 3) to estimate: rmsprop (1).',
    );
    expect(exploratorySummary([adam, { label: 'none', values: [] }], { direction: 'maximize', seed: 1 }).groups[1]?.best).toBeNull();
  });

  it('handles constant groups without NaN', () => {
    const summary = exploratorySummary(
      [
        { label: 'a', values: [1, 1, 1] },
        { label: 'b', values: [1, 1, 1, 1] },
      ],
      { direction: 'maximize', seed: 1 },
    );
    expect(summary.groups.map((g) => [g.estimate, g.ci, g.p_best])).toEqual([
      [1, [1, 1], 0.5],
      [1, [1, 1], 0.5],
    ]);
  });

  it('refuses bad input with exact messages', () => {
    const opts = { direction: 'maximize' as const, seed: 1 };
    expect(() => exploratorySummary([], opts)).toThrow(new RangeError('groups must not be empty'));
    expect(() => exploratorySummary([adam, sgd], { ...opts, minTrials: 0 })).toThrow(new RangeError('minTrials must be an integer >= 1, got 0'));
    expect(() => exploratorySummary([adam, sgd], { ...opts, confidence: -0.5 })).toThrow(new RangeError('confidence must be a number in (0, 1), got -0.5'));
    expect(() => exploratorySummary([{ label: 'x', values: [Number.NaN] }], opts)).toThrow(
      new RangeError('groups[0].values[0] must be a finite number, got NaN'),
    );
  });
});
