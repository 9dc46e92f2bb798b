/**
 * Holm's step-down adjustment (Holm 1979): controls the family-wise error rate — the chance of any
 * false rejection among the family — under any dependence between the tests, and is uniformly
 * more powerful than Bonferroni.
 */

/**
 * Holm-adjusted p-values, in the order given: sort ascending, multiply the r-th smallest (r from
 * 0) by m − r, carry the running maximum so adjusted values keep the raw order, cap at 1. Reject
 * hypothesis i at level α when the result's i-th value is ≤ α.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
