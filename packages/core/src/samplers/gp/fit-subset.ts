/**
 * Which training points the hyperparameters are fitted on. Each likelihood evaluation costs O(m³)
 * (Cholesky plus the inverse for the gradient), and a fit takes a few dozen: with m = 200 that alone
 * would blow the per-ask budget, while length scales estimated from 64 well-spread points are
 * nearly as good. The posterior itself still conditions on every point.
 *
 * The subset is deterministic (a function of the values and their order only): the best half of
 * the limit, which is where the acquisition will look and the local shape matters most, plus the
 * rest spread evenly over the others in trial order, so that the whole space and the history's
 * early random phase stay represented.
 * @returns indices into `y` (larger is better), ascending; every index when y.length ≤ limit.
 */
export function selectFitSubset(y: Float64Array, limit: number): number[] {
  const n = y.length;
  if (n <= limit) return Array.from({ length: n }, (_, i) => i);
  const byValue = Array.from({ length: n }, (_, i) => i).sort((a, b) => (y[b] as number) - (y[a] as number) || a - b);
  const chosen = new Set(byValue.slice(0, Math.floor(limit / 2)));
  const others = Array.from({ length: n }, (_, i) => i).filter((i) => !chosen.has(i));
  const room = limit - chosen.size;
  for (let k = 0; k < room; k++) chosen.add(others[Math.floor(((k + 0.5) * others.length) / room)] as number);
  return [...chosen].sort((a, b) => a - b);
}
