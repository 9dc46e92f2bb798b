import type { Params, TrialState } from '@loopsweep/core';

/** A snapshot of a running sweep, for live progress displays. Cheap to build; plain data. */
export interface SweepProgress {
  readonly sweep: string;
  readonly metric: string;
  readonly direction: 'minimize' | 'maximize';
  readonly counts: Readonly<Record<TrialState, number>>;
  /** Trials that count against budget.trials (every trial asked for). */
  readonly asked: number;
  readonly budgetTrials?: number;
  readonly running: readonly { readonly number: number; readonly step?: number; readonly value?: number }[];
  readonly best?: { readonly number: number; readonly value: number; readonly params: Params };
  /** Multi-objective and constrained sweeps: how many feasible complete trials are on the Pareto front. */
  readonly frontSize?: number;
  /** Population-based training: epochs trained so far and in all (population × max_epochs), its budget. */
  readonly epochs?: { readonly done: number; readonly total: number };
  /** Seconds since this run started. */
  readonly elapsedSeconds: number;
  /** Finished trials per minute in this run. */
  readonly trialsPerMinute: number;
  /** Seconds until budget.trials at the current rate, when both are known. */
  readonly etaSeconds?: number;
  readonly stopping: boolean;
}

/** What the orchestrator tells its caller as it goes. */
export type RunnerEvent =
  { readonly type: 'progress'; readonly progress: SweepProgress } | { readonly type: 'log'; readonly trialNumber?: number; readonly message: string };
