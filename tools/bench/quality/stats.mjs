// The statistics of the search-quality benchmark: quartiles, the paired win rate and the
// two-sided Mann-Whitney U test. Tested in stats.test.mjs against hand-computed values.

/** The q-quantile of numbers by linear interpolation between order statistics (numpy's default, R's type 7). */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
}

/** Median and quartiles: { median, q1, q3 }. */
export function quartiles(values) {
  return { median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75) };
}

/** The fraction of pairs (a[i], b[i]) where a is lower (better), ties counting ½. */
export function winRate(a, b) {
  if (a.length !== b.length || a.length === 0) throw new Error(`winRate needs two paired, non-empty lists (${a.length} and ${b.length})`);
  let wins = 0;
  for (let i = 0; i < a.length; i++) wins += a[i] < b[i] ? 1 : a[i] === b[i] ? 0.5 : 0;
  return wins / a.length;
}

/** Mid-ranks (1-based) of values, ties sharing the mean of their ranks. */
function ranks(values) {
  const order = values.map((v, i) => [v, i]).sort((p, q) => p[0] - q[0]);
  const result = new Array(values.length);
  const tieSizes = [];
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1][0] === order[start][0]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k][1]] = rank;
    if (end > start) tieSizes.push(end - start + 1);
    start = end + 1;
  }
  return { ranks: result, tieSizes };
}

/** Counts of each U = 0..m·n over all C(m+n, m) orderings without ties (exact null distribution). */
function exactCounts(m, n) {
  // counts[j][u]: arrangements of i values of a and j of b with U = u, built up over i.
  let previous = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i++) {
    const current = [];
    for (let j = 0; j <= n; j++) {
      const size = i * j + 1;
      const row = new Array(size).fill(0);
      // The largest of the i + j values is from a (it beats all j of b) or from b.
      const fromA = previous[j];
      for (let u = 0; u < fromA.length; u++) row[u + j] += fromA[u];
      if (j > 0) {
        const fromB = current[j - 1];
        for (let u = 0; u < fromB.length; u++) row[u] += fromB[u];
      }
      current.push(row);
    }
    previous = current;
  }
  return previous[n];
}

/**
 * Two-sided Mann-Whitney U test of a against b. U counts pairs where a is greater, ties ½
 * (U_a = R_a − m(m+1)/2). Exact null distribution when there are no ties and m, n ≤ 50;
 * otherwise the normal approximation with tie correction and a continuity correction of ½.
 * Returns { u, p, method: 'exact' | 'normal' }.
 */
export function mannWhitneyU(a, b) {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { u: NaN, p: NaN, method: 'none' };
  const { ranks: r, tieSizes } = ranks([...a, ...b]);
  let rankSumA = 0;
  for (let i = 0; i < m; i++) rankSumA += r[i];
  const u = rankSumA - (m * (m + 1)) / 2;
  const mean = (m * n) / 2;
  if (tieSizes.length === 0 && m <= 50 && n <= 50) {
    const counts = exactCounts(m, n);
    const total = counts.reduce((s, c) => s + c, 0);
    let below = 0;
    let above = 0;
    for (let k = 0; k < counts.length; k++) {
      if (k <= u) below += counts[k];
      if (k >= u) above += counts[k];
    }
    return { u, p: Math.min(1, (2 * Math.min(below, above)) / total), method: 'exact' };
  }
  const N = m + n;
  const tieTerm = tieSizes.reduce((s, t) => s + t ** 3 - t, 0);
  const variance = ((m * n) / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  if (variance === 0) return { u, p: 1, method: 'normal' };
  const z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, 2 * normalUpperTail(z)), method: 'normal' };
}

/** P(Z > z) for a standard normal Z: erfc by Numerical Recipes' Chebyshev fit (|error| < 1.2e-7). */
export function normalUpperTail(z) {
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return (x >= 0 ? erfc : 2 - erfc) / 2;
}
