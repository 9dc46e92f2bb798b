import { describe, expect, it } from 'vitest';
import { confirmationVerdict, type ConfirmationVerdict } from './confirmation-verdict.js';

/** Every number anywhere in the verdict is finite (NaN or Infinity would break the JSON output). */
function allFinite(verdict: ConfirmationVerdict): boolean {
  const numbers: number[] = [];
  JSON.stringify(verdict, (_key, value: unknown) => {
    if (typeof value === 'number') numbers.push(value);
    return value;
  });
  return numbers.every(Number.isFinite);
}

const adam = { label: 'adam', values: [0.91, 0.92, 0.905, 0.915, 0.918] };
const sgd = { label: 'sgd', values: [0.85, 0.86, 0.84, 0.855, 0.845] };
const rmsprop = { label: 'rmsprop', values: [0.87, 0.872, 0.865, 0.875, 0.868] };

describe('confirmationVerdict', () => {
  it('names a winner when the leader beats every other value, and says what was compared', () => {
    const verdict = confirmationVerdict([sgd, adam, rmsprop], { direction: 'maximize', seed: 1, subject: 'optimizer' });
    expect(verdict.decision).toBe('winner');
    expect(verdict.winner).toBe('adam');
    expect(verdict.leader).toBe('adam');
    expect(verdict.estimator).toBe('mean');
    expect(verdict.groups.map((g) => g.label)).toEqual(['adam', 'rmsprop', 'sgd']);
    expect(verdict.groups[0]?.estimate).toBeCloseTo(0.9136, 10);
    expect(verdict.groups[0]?.p_best).toBe(1);
    expect(verdict.comparisons.map((c) => c.label)).toEqual(['rmsprop', 'sgd']);
    // Complete separation of 5 vs 5: one-sided exact p = 1/252, doubled, Holm ×2 for the smaller.
    expect(verdict.comparisons.every((c) => c.separable && c.p_improvement === 1)).toBe(true);
    expect(verdict.comparisons[0]?.p_value).toBeCloseTo(2 / 252, 12);
    expect(verdict.comparisons[0]?.p_adjusted).toBeCloseTo(4 / 252, 12);
    expect(verdict.comparisons[0]?.margin).toBeCloseTo(0.9136 - 0.87, 10);
    expect(verdict.tied_with_leader).toEqual([]);
    expect(verdict.statement).toContain('Compared 3 values of optimizer (sgd: 5 replicates, adam: 5 replicates, rmsprop: 5 replicates) by the mean');
    expect(verdict.statement).toMatch(
      /optimizer=adam wins at 95% confidence with mean 0\.9136 \(95% CI \[0\.9\d+, 0\.9\d+\]\); it is better than every other value \(.*; largest adjusted p = 0\.016\)\.$/,
    );
  });

  it('says "no clear winner" and lists the values the leader cannot be separated from', () => {
    const close = { label: 'momentum', values: [0.905, 0.92, 0.9, 0.925, 0.91] };
    const verdict = confirmationVerdict([sgd, adam, close], { direction: 'maximize', seed: 1 });
    expect(verdict.decision).toBe('no_clear_winner');
    expect(verdict.winner).toBeUndefined();
    expect(verdict.leader).toBe('adam');
    expect(verdict.tied_with_leader).toEqual(['momentum']);
    expect(verdict.comparisons.find((c) => c.label === 'sgd')?.separable).toBe(true);
    expect(verdict.statement).toMatch(
      /no clear winner at 95% confidence\. adam leads with mean 0\.9136 \(95% CI \[.*\]\) but cannot be separated from momentum \(adjusted p = 0\.\d{3}, P\(adam > momentum\) = 0\.\d\d\); it is better than sgd \(exact permutation tests, .*, Holm-adjusted over 2 comparisons\)\.$/,
    );
    expect(verdict.statement).not.toMatch(/wins/);
  });

  it('gives the same verdict for the same data and seed', () => {
    const groups = [adam, rmsprop, { label: 'x', values: [0.9, 0.88, 0.93, 0.86, 0.91] }];
    const a = confirmationVerdict(groups, { direction: 'maximize', seed: 42 });
    expect(confirmationVerdict(groups, { direction: 'maximize', seed: 42 })).toEqual(a);
    expect(confirmationVerdict(groups, { direction: 'maximize', seed: 43 }).decision).toBe(a.decision);
  });

  it('reads lower as better when minimizing', () => {
    const low = { label: 'low', values: [0.3, 0.31, 0.29, 0.305, 0.295] };
    const high = { label: 'high', values: [0.4, 0.41, 0.39, 0.405, 0.395] };
    const verdict = confirmationVerdict([high, low], { direction: 'minimize', seed: 1 });
    expect(verdict.decision).toBe('winner');
    expect(verdict.winner).toBe('low');
    expect(verdict.comparisons[0]).toMatchObject({ label: 'high', p_improvement: 1 });
    expect(verdict.comparisons[0]?.margin).toBeCloseTo(0.1, 10);
    expect(confirmationVerdict([high, low], { direction: 'maximize', seed: 1 }).winner).toBe('high');
  });

  it('reports insufficient data when a value has fewer replicates than required, or stands alone', () => {
    const verdict = confirmationVerdict([adam, { label: 'sgd', values: [0.8] }, { label: 'rmsprop', values: [] }], { direction: 'maximize', seed: 1 });
    expect(verdict.decision).toBe('insufficient_data');
    expect(verdict.winner).toBeUndefined();
    expect(verdict.leader).toBeUndefined();
    expect(verdict.groups.map((g) => [g.label, g.n, g.estimate === null])).toEqual([
      ['adam', 5, false],
      ['sgd', 1, true],
      ['rmsprop', 0, true],
    ]);
    expect(verdict.statement).toMatch(/: insufficient data — sgd has 1, rmsprop has 0; at least 2 replicates per value are needed\.$/);
    expect(confirmationVerdict([adam, rmsprop], { direction: 'maximize', seed: 1, minReplicates: 6 }).decision).toBe('insufficient_data');
    expect(confirmationVerdict([adam], { direction: 'maximize', seed: 1 }).statement).toContain('one value alone cannot be compared');
  });

  it('handles ties and constant groups without NaN', () => {
    const flat = ['a', 'b', 'c'].map((label) => ({ label, values: [0.5, 0.5, 0.5, 0.5, 0.5] }));
    const tie = confirmationVerdict(flat, { direction: 'maximize', seed: 1 });
    expect(allFinite(tie)).toBe(true);
    expect(tie.decision).toBe('no_clear_winner');
    expect(tie.leader).toBe('a');
    expect(tie.groups.map((g) => g.p_best)).toEqual([1 / 3, 1 / 3, 1 / 3].map((p) => expect.closeTo(p, 12)));
    expect(tie.comparisons.map((c) => [c.p_value, c.p_improvement, c.margin])).toEqual([
      [1, 0.5, 0],
      [1, 0.5, 0],
    ]);
    const steps = confirmationVerdict(
      [
        { label: 'low', values: [0, 0, 0, 0, 0] },
        { label: 'high', values: [1, 1, 1, 1, 1] },
      ],
      { direction: 'maximize', seed: 1 },
    );
    expect(allFinite(steps)).toBe(true);
    expect(steps.winner).toBe('high');
    expect(steps.groups[0]?.ci).toEqual([1, 1]);
  });

  it('says when the replicate counts make any winner impossible', () => {
    const three = (label: string, base: number) => ({ label, values: [base, base + 0.01, base + 0.02] });
    const verdict = confirmationVerdict([three('a', 0.9), three('b', 0.5)], { direction: 'maximize', seed: 1 });
    expect(verdict.decision).toBe('no_clear_winner');
    // 3 vs 3: smallest one-sided p is 1/20, doubled 0.1 > 0.05.
    expect(verdict.comparisons[0]?.p_value).toBeCloseTo(0.1, 12);
    expect(verdict.statement).toContain('With these replicate counts no difference can reach 95% confidence; run more seeds.');
  });

  it('switches to the IQM when every group has 8 replicates, unless told', () => {
    const eight = (label: string, base: number) => ({ label, values: [0, 1, 2, 3, 4, 5, 6, 100].map((v) => base + v / 1000) });
    const groups = [eight('a', 0.9), eight('b', 0.8)];
    expect(confirmationVerdict(groups, { direction: 'maximize', seed: 1 }).estimator).toBe('iqm');
    expect(confirmationVerdict(groups, { direction: 'maximize', seed: 1 }).groups[0]?.estimate).toBeCloseTo(0.9035, 10);
    expect(confirmationVerdict(groups, { direction: 'maximize', seed: 1, estimator: 'mean' }).estimator).toBe('mean');
  });

  it('refuses bad input with exact messages', () => {
    const opts = { direction: 'maximize' as const, seed: 1 };
    expect(() => confirmationVerdict([], opts)).toThrow(new RangeError('groups must not be empty'));
    expect(() => confirmationVerdict([adam, adam], opts)).toThrow(new RangeError('groups[1].label must be unique, "adam" appears more than once'));
    expect(() => confirmationVerdict([adam, { label: 'x', values: [1, Number.POSITIVE_INFINITY] }], opts)).toThrow(
      new RangeError('groups[1].values[1] must be a finite number, got Infinity'),
    );
    expect(() => confirmationVerdict([adam, sgd], { ...opts, confidence: 0 })).toThrow(new RangeError('confidence must be a number in (0, 1), got 0'));
    expect(() => confirmationVerdict([adam, sgd], { ...opts, confidence: Number.NaN })).toThrow(
      new RangeError('confidence must be a number in (0, 1), got NaN'),
    );
    expect(() => confirmationVerdict([adam, sgd], { ...opts, resamples: 99 })).toThrow(new RangeError('resamples must be an integer >= 100, got 99'));
    expect(() => confirmationVerdict([adam, sgd], { ...opts, seed: Number.NaN })).toThrow(new RangeError('seed must be an integer, got NaN'));
    expect(() => confirmationVerdict([adam, sgd], { ...opts, minReplicates: 1 })).toThrow(new RangeError('minReplicates must be an integer >= 2, got 1'));
  });
});
