// The benchmark's statistics against values worked out by hand (vitest, part of npm test).
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { mannWhitneyU, normalUpperTail, quantile, quartiles, winRate } from './stats.mjs';

const close = (actual, expected, tolerance, label) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} is not ${expected} ± ${tolerance}`);

test('quartiles interpolate between order statistics (type 7)', () => {
  // [1, 2, 3, 4]: positions 0.75, 1.5 and 2.25 of the sorted list.
  assert.deepEqual(quartiles([4, 1, 3, 2]), { median: 2.5, q1: 1.75, q3: 3.25 });
  assert.equal(quantile([7], 0.25), 7);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
  assert.ok(Number.isNaN(quantile([], 0.5)));
});

test('win rate: paired, lower wins, ties count ½', () => {
  assert.equal(winRate([1, 2, 3], [2, 2, 1]), 0.5);
  assert.equal(winRate([0, 0], [1, 1]), 1);
  assert.throws(() => winRate([1], [1, 2]));
});

test('Mann-Whitney U, exact: m = n = 3', () => {
  // The 20 orderings of 3 + 3 values give U = 0..9 with counts 1 1 2 3 3 3 3 2 1 1.
  // Complete separation: U = 0, P(U ≤ 0) = 1/20, two-sided p = 2/20.
  assert.deepEqual(mannWhitneyU([1, 2, 3], [4, 5, 6]), { u: 0, p: 0.1, method: 'exact' });
  assert.deepEqual(mannWhitneyU([4, 5, 6], [1, 2, 3]), { u: 9, p: 0.1, method: 'exact' });
  // Interleaved: ranks of a are 1, 3, 5 → R = 9, U = 9 − 6 = 3; P(U ≤ 3) = 7/20, p = 14/20.
  const interleaved = mannWhitneyU([1, 3, 5], [2, 4, 6]);
  assert.equal(interleaved.u, 3);
  close(interleaved.p, 0.7, 1e-12, 'p');
});

test('Mann-Whitney U, exact: m = n = 5, complete separation', () => {
  // Only 1 of the C(10, 5) = 252 orderings has U = 0: p = 2/252.
  const result = mannWhitneyU([0.1, 0.2, 0.3, 0.4, 0.5], [1, 2, 3, 4, 5]);
  assert.equal(result.u, 0);
  close(result.p, 2 / 252, 1e-15, 'p');
});

test('Mann-Whitney U, normal approximation with ties', () => {
  // a = 1 2 2 3, b = 2 3 4 5. Mid-ranks: 1 → 1, the three 2s → 3, the two 3s → 5.5, 4 → 7, 5 → 8.
  // R_a = 1 + 3 + 3 + 5.5 = 12.5, U = 12.5 − 4·5/2 = 2.5, mean m·n/2 = 8.
  // Tie term Σ(t³ − t) = 24 + 6 = 30; var = m·n/12 · (N + 1 − 30/(N(N − 1))) = 16/12 · (9 − 30/56) = 11.2857…
  // z = (|2.5 − 8| − ½)/√var = 1.48835…; p = erfc(z/√2) = 0.136658 (Python's math.erfc).
  const result = mannWhitneyU([1, 2, 2, 3], [2, 3, 4, 5]);
  assert.equal(result.u, 2.5);
  assert.equal(result.method, 'normal');
  close(result.p, 0.13665824773814753, 1e-6, 'p');
});

test('Mann-Whitney U: identical samples give p = 1', () => {
  assert.equal(mannWhitneyU([1, 1, 1], [1, 1, 1]).p, 1);
});

test('normal upper tail', () => {
  close(normalUpperTail(0), 0.5, 1e-7, 'P(Z > 0)');
  close(normalUpperTail(1.959963984540054), 0.025, 1e-7, 'P(Z > 1.96)');
  close(normalUpperTail(-1), 0.8413447460685429, 1e-7, 'P(Z > −1)');
});
