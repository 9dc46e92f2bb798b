import type { ObjectiveVector } from './objective-vector.js';

/**
 * NSGA-II's crowding distance of each point of one front (Deb et al. 2002): for each objective,
 * the gap between the point's two neighbours in that objective divided by the objective's range,
 * summed; the extreme points of every objective get Infinity so the front's ends are always kept.
 * Larger means less crowded. Directions do not matter (gaps are symmetric). An objective with a
 * zero or infinite range adds nothing to the interior points. O(m·n log n).
 */
export function crowdingDistance(front: readonly ObjectiveVector[]): number[] {
  const n = front.length;
  const distances = new Array<number>(n).fill(0);
  if (n <= 2) return distances.fill(Infinity);
  const objectives = (front[0] as ObjectiveVector).length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < objectives; k++) {
    const value = (i: number): number => (front[i] as ObjectiveVector)[k] as number;
    // Compared, not subtracted, so infinite values sort too; ties by index, so the result does not depend on the sort's stability.
    order.sort((a, b) => (value(a) < value(b) ? -1 : value(a) > value(b) ? 1 : a - b));
    const first = order[0] as number;
    const last = order[n - 1] as number;
    distances[first] = Infinity;
    distances[last] = Infinity;
    const range = value(last) - value(first);
    if (!(range > 0) || !Number.isFinite(range)) continue;
    for (let j = 1; j < n - 1; j++) {
      const i = order[j] as number;
      distances[i] = (distances[i] as number) + (value(order[j + 1] as number) - value(order[j - 1] as number)) / range;
    }
  }
  return distances;
}
