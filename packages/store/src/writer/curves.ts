import { metricValue } from '../codec/nullable.js';
import type { StatementCache } from '../sqlite/statement-cache.js';

interface CurvePoint {
  readonly number: number;
  readonly step: number;
  readonly value: number | null;
}

// CROSS JOIN keeps trials as the outer loop: the sweep's trials by (sweep_id, number), then each
// one's points by the (trial_id, name, step) index, already in order — never a scan of every
// metric in the file, whatever the planner's statistics say.

/**
 * The tracked metric's learning curve of every trial of a sweep (or of the trials numbered in
 * `numbers`), keyed by trial number, each a Map in step order: FrozenTrial's `intermediate`.
 */
export function trackedCurves(statements: StatementCache, sweepId: number, metric: string, numbers?: readonly number[]): Map<number, Map<number, number>> {
  const points =
    numbers === undefined
      ? (statements
          .get(
            'SELECT t.number, m.step, m.value FROM trials t CROSS JOIN metrics m ON m.trial_id = t.id WHERE t.sweep_id = ? AND m.name = ? ORDER BY t.number, m.step',
          )
          .all(sweepId, metric) as CurvePoint[])
      : numbers.flatMap(
          (number) =>
            statements
              .get(
                'SELECT t.number, m.step, m.value FROM trials t CROSS JOIN metrics m ON m.trial_id = t.id WHERE t.sweep_id = ? AND t.number = ? AND m.name = ? ORDER BY m.step',
              )
              .all(sweepId, number, metric) as CurvePoint[],
        );
  const curves = new Map<number, Map<number, number>>();
  for (const point of points) {
    let curve = curves.get(point.number);
    if (curve === undefined) curves.set(point.number, (curve = new Map<number, number>()));
    curve.set(point.step, metricValue(point.value));
  }
  return curves;
}
