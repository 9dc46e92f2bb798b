/** `sweep status`'s view of a sweep, read from the database (read-only) while it may be running. */
import type { SweepRecord } from '@loopsweep/core';
import type { SweepReader, SweepSummary } from '@loopsweep/store';
import type { ProgressView } from './progress/progress-view.js';
import { finishedCount } from './progress/progress-view.js';
import { budgetTrials } from './reader.js';
import { UsageError } from './errors.js';
import { bestFeasible, frontStatus, readFront, type FrontStatus } from './front.js';

export interface StatusSnapshot extends ProgressView {
  readonly status: string;
  readonly objective: string;
  readonly total: number;
  readonly createdAt: number;
  readonly finishedAt?: number;
  readonly running: readonly {
    readonly number: number;
    readonly step?: number;
    readonly value?: number;
    readonly params: Readonly<Record<string, unknown>>;
    readonly startedAt?: number;
  }[];
  /** A multi-objective or constrained sweep's Pareto front so far (its best is then the best feasible trial). */
  readonly front?: FrontStatus;
}

/** One consistent read (one snapshot) of the sweep's counts, running trials and best. */
export function readStatus(reader: SweepReader, sweep: SweepRecord, now = Date.now()): StatusSnapshot {
  return reader.snapshot(() => readStatusNow(reader, sweep, now));
}

function readStatusNow(reader: SweepReader, sweep: SweepRecord, now: number): StatusSnapshot {
  const summary: SweepSummary | undefined = reader.summary(sweep.name);
  if (!summary) throw new UsageError(`sweep '${sweep.name}' is gone from the database`);
  const runningRows = reader.trials(sweep.name, { states: ['RUNNING'] });
  const curves =
    runningRows.length > 0
      ? reader.learningCurves(
          sweep.name,
          sweep.metric,
          runningRows.map((r) => r.number),
        )
      : new Map<number, [number, number][]>();
  const running = runningRows.map((row) => {
    const last = curves.get(row.number)?.at(-1);
    return {
      number: row.number,
      ...(last ? { step: last[0], value: last[1] } : {}),
      params: row.params,
      ...(row.startedAt !== undefined ? { startedAt: row.startedAt } : {}),
    };
  });
  const front = readFront(reader, sweep);
  const [best] = front !== undefined ? bestFeasible(front, sweep.direction, 1) : summary.best ? reader.best(sweep.name, 1) : [];
  const finished = finishedCount(summary.counts);
  const end = summary.status === 'running' ? now : (summary.finishedAt ?? summary.lastUpdatedAt ?? now);
  const elapsedSeconds = Math.max(0, (end - summary.createdAt) / 1000);
  const trialsPerMinute = elapsedSeconds > 0 ? (finished * 60) / elapsedSeconds : 0;
  const budget = budgetTrials(sweep);
  const remaining = budget !== undefined ? Math.max(0, budget - finished) : undefined;
  return {
    sweep: sweep.name,
    status: summary.status,
    objective: summary.objective,
    metric: summary.metric,
    direction: summary.direction,
    counts: summary.counts,
    total: summary.total,
    ...(budget !== undefined ? { budgetTrials: budget } : {}),
    running,
    ...(best && best.value !== undefined ? { best: { number: best.number, value: best.value, params: best.params } } : {}),
    createdAt: summary.createdAt,
    ...(summary.finishedAt !== undefined ? { finishedAt: summary.finishedAt } : {}),
    elapsedSeconds,
    trialsPerMinute,
    ...(summary.status === 'finished'
      ? { etaSeconds: 0 }
      : summary.status === 'running' && remaining !== undefined && trialsPerMinute > 0
        ? { etaSeconds: (remaining / trialsPerMinute) * 60 }
        : {}),
    ...(front === undefined ? {} : { front: frontStatus(front) }),
  };
}
