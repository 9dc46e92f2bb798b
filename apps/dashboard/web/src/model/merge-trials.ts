/**
 * Applies a stream's `changes` to the trials the page holds: changed rows replace older ones (by
 * change stamp, so a row fetched after the stream's cursor is never replaced by a stale one), new
 * metric points raise a trial's last step. Returns the same array when nothing changed, so React
 * skips the re-render.
 */
import type { StreamMetricPoint, TrialRow } from '../api/types';

export function mergeTrials(trials: readonly TrialRow[], changed: readonly TrialRow[], metrics: readonly StreamMetricPoint[] = []): readonly TrialRow[] {
  if (changed.length === 0 && metrics.length === 0) return trials;
  const byNumber = new Map<number, TrialRow>();
  for (const trial of trials) byNumber.set(trial.number, trial);
  let touched = false;
  for (const row of changed) {
    const old = byNumber.get(row.number);
    if (old !== undefined && old.updatedAt > row.updatedAt) continue;
    // A row's lastStep may lag a metric point the page already applied; keep the higher one.
    const lastStep = Math.max(row.lastStep ?? -Infinity, old?.lastStep ?? -Infinity);
    byNumber.set(row.number, Number.isFinite(lastStep) ? { ...row, lastStep } : row);
    touched = true;
  }
  for (const point of metrics) {
    const old = byNumber.get(point.trialNumber);
    if (old === undefined || (old.lastStep !== undefined && old.lastStep >= point.step)) continue;
    byNumber.set(point.trialNumber, { ...old, lastStep: point.step });
    touched = true;
  }
  if (!touched) return trials;
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
