import type { MetricRow, TrialStore } from '@loopsweep/core';

/**
 * Collects per-epoch metric rows and writes them in one transaction per flush.
 *
 * Why: with many trials reporting every epoch, one transaction per report would cost one fsync
 * each; a flush per orchestrator tick (and before any state change of a trial, so a trial's
 * curve is always stored before its final state) keeps writes few and ordered.
 */
export class MetricsBatcher {
  #rows: MetricRow[] = [];

  constructor(
    private readonly store: TrialStore,
    private readonly sweepId: number,
  ) {}

  add(row: MetricRow): void {
    this.#rows.push(row);
  }

  flush(): void {
    if (this.#rows.length === 0) return;
    const rows = this.#rows;
    this.#rows = [];
    this.store.appendMetrics(this.sweepId, rows);
  }
}
