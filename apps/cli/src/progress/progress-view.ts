/**
 * The numbers a live progress display shows, from either source: the orchestrator's
 * SweepProgress during `sweep run`, or a read of the database for `sweep status`.
 */
import type { Direction, Params, TrialState } from '@loopsweep/core';
import { formatDuration, formatEta, formatRate } from '../format/duration.js';
import { formatNumber, formatParams } from '../format/value.js';

export interface ProgressView {
  readonly sweep: string;
  readonly metric: string;
  readonly direction: Direction;
  /** 'running', 'finished', 'interrupted'…, when known. */
  readonly status?: string;
  readonly counts: Readonly<Record<TrialState, number>>;
  readonly budgetTrials?: number;
  readonly running: readonly { readonly number: number; readonly step?: number; readonly value?: number }[];
  readonly best?: { readonly number: number; readonly value: number; readonly params?: Params };
  /** Multi-objective and constrained sweeps: the feasible Pareto front's size (then `best` is the first objective's best feasible trial). */
  readonly frontSize?: number;
  /** Population-based training: epochs trained so far and in all (its budget). */
  readonly epochs?: { readonly done: number; readonly total: number };
  readonly elapsedSeconds: number;
  readonly trialsPerMinute: number;
  readonly etaSeconds?: number;
  readonly stopping?: boolean;
}

export function finishedCount(counts: Readonly<Record<TrialState, number>>): number {
  return counts.COMPLETE + counts.PRUNED + counts.FAILED;
}

/** "12 done, 2 running, best 0.95 #7" (several objectives: "…, front 4, best val_accuracy 0.95 #7") — the tail of a plain progress line. */
export function formatTally(view: ProgressView): string {
  const front = view.frontSize === undefined ? '' : `, front ${view.frontSize}`;
  const best = view.best
    ? `${front}, best ${view.frontSize === undefined ? '' : `${view.metric} `}${formatNumber(view.best.value)} #${view.best.number}`
    : front;
  const epochs = view.epochs ? `, epochs ${view.epochs.done}/${view.epochs.total}` : '';
  return `${finishedCount(view.counts)}${view.budgetTrials !== undefined ? `/${view.budgetTrials}` : ''} done, ${view.running.length} running${epochs}${best}`;
}

/** The lines of the live block: counts, best with its params, pace, and one line per running trial. */
export function progressLines(view: ProgressView, paramOrder?: readonly string[]): string[] {
  const { counts } = view;
  const done = finishedCount(counts);
  const of = view.budgetTrials !== undefined ? ` of ${view.budgetTrials}` : '';
  const status = view.stopping ? ' — stopping (Ctrl-C again to abort running trials)' : view.status ? ` — ${view.status}` : '';
  const lines = [
    `sweep ${view.sweep}${status}`,
    `  trials   ${done}${of} done (${counts.COMPLETE} complete, ${counts.PRUNED} pruned, ${counts.FAILED} failed), ${view.running.length} running${counts.QUEUED > 0 ? `, ${counts.QUEUED} queued` : ''}`,
    ...(view.frontSize === undefined
      ? []
      : [`  front    ${view.frontSize} feasible trial${view.frontSize === 1 ? '' : 's'} on the Pareto front (\`sweep best ${view.sweep}\` lists them)`]),
    `  best     ${view.best ? `${view.metric}=${formatNumber(view.best.value)} #${view.best.number}${view.best.params ? `  ${formatParams(view.best.params, paramOrder)}` : ''}` : '— (no completed trial yet)'}`,
    `  pace     ${formatRate(view.trialsPerMinute)}, elapsed ${formatDuration(view.elapsedSeconds)}, ${formatEta(view.etaSeconds)}`,
  ];
  for (const trial of [...view.running].sort((a, b) => a.number - b.number)) {
    lines.push(`  #${trial.number}`.padEnd(11) + (trial.step === undefined ? 'starting' : `step ${trial.step}  ${view.metric}=${formatNumber(trial.value)}`));
  }
  return lines;
}
