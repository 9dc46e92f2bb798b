/**
 * What `sweep report` and `GET /api/sweeps/:name/report` put in a report (issue 14): one object
 * built from the store's reads (src/report/report-data.ts), drawn by the report's chart module and
 * written as HTML or Markdown. Embedded as JSON in every HTML report, so it is also the report's
 * machine-readable form. Types only; the web app's chart module imports them with `import type`.
 */
import type { PrunerConfig, SamplerConfig, SweepStatus, TrialState } from '@loopsweep/core';
import type { TrialRow } from '@loopsweep/store';
import type { ImportanceResponse, ParamInfo, StrategyComparisonResponse } from './types.js';

/** Where and with what the report was written (not necessarily where the sweep ran: see `ReportSetup.ranOn`). */
export interface ReportEnvironment {
  readonly loopsweep: string;
  readonly node: string;
  /** @tensorflow/tfjs-core's version where it resolves, else null. */
  readonly tfjs: string | null;
  readonly platform: string;
  readonly arch: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
}

export interface ReportSetup {
  readonly objective: string;
  readonly dataset: unknown;
  readonly budget: { readonly trials?: number; readonly parallel?: number; readonly maxEpochs?: number };
  readonly sampler: SamplerConfig;
  readonly pruner: PrunerConfig;
  readonly compare: unknown;
  readonly parameters: readonly ParamInfo[];
  /** The `backend …` / `agent …` lines the trials logged, with how many trials logged each. */
  readonly ranOn: readonly { readonly line: string; readonly trials: number }[];
  readonly firstStartedAt?: number;
  readonly lastFinishedAt?: number;
  /** From the first start to the last finish (to the report's time while running). */
  readonly wallMs?: number;
  /** The sum of every trial's run time, in hours. */
  readonly trialHours: number;
  readonly seed: number;
  readonly specHash: string;
  /** The spec document as stored (what `sweep run` validated). */
  readonly spec: unknown;
  /** The command that runs it again, once the spec is saved as `specFile`. */
  readonly specFile: string;
  readonly command: string;
}

/** A value's best configuration over steps: the mean of its replicates with their min–max (a single trial's curve when it has no replicates). */
export interface BestConfigCurve {
  readonly label: string;
  /** The trial whose configuration it is. */
  readonly trial: number;
  /** The trials averaged (the replicates, or the best trial alone). */
  readonly trials: readonly number[];
  readonly points: readonly { readonly step: number; readonly mean: number; readonly low: number; readonly high: number; readonly n: number }[];
}

export interface ReportComparison {
  readonly by: string;
  /** Exactly what `GET …/compare?by=` answers: core's judgeStrategies verdict, called as `sweep compare` calls it, with its views. */
  readonly comparison: StrategyComparisonResponse;
  readonly curves: readonly BestConfigCurve[];
}

export interface FailureGroup {
  readonly kind: 'diverged' | 'failed';
  /** The failure reason with numbers (epochs, trial numbers) replaced by `N`, so that alike reasons group. */
  readonly reason: string;
  readonly count: number;
  /** Up to 10 trial numbers, lowest first. */
  readonly trials: readonly number[];
  /** One full reason as stored. */
  readonly example: string;
}

export interface ReportFailures {
  readonly failed: number;
  readonly diverged: number;
  readonly groups: readonly FailureGroup[];
  readonly pruned: number;
  readonly finished: number;
  /** Pruned trials by the last step they reported (where the pruner stopped them). */
  readonly prunedAtStep: readonly { readonly step: number; readonly trials: number }[];
}

/** The trials a slice plot draws: every COMPLETE trial, or an even sample of them plus the best. */
export interface ReportSlices {
  readonly params: readonly ParamInfo[];
  readonly trials: readonly Pick<TrialRow, 'number' | 'state' | 'params' | 'value'>[];
  readonly complete: number;
}

export interface ReportData {
  readonly version: 1;
  readonly generatedAt: number;
  readonly sweep: {
    readonly name: string;
    readonly status: SweepStatus;
    readonly metric: string;
    readonly direction: 'minimize' | 'maximize';
    readonly createdAt: number;
    readonly finishedAt?: number;
    readonly counts: Readonly<Record<TrialState, number>>;
    readonly total: number;
  };
  readonly environment: ReportEnvironment;
  readonly setup: ReportSetup;
  readonly comparisons: readonly ReportComparison[];
  readonly importance?: ImportanceResponse;
  readonly slices?: ReportSlices;
  /** The best COMPLETE trials, best first (at most 10). */
  readonly best: readonly TrialRow[];
  readonly failures: ReportFailures;
  /** A multi-objective sweep's Pareto front (issue 17); absent for a one-objective sweep. */
  readonly tradeoffs?: ReportTradeoffs;
}

/** A multi-objective sweep's trade-offs: its feasible COMPLETE Pareto front, ranked, and its hypervolume. */
export interface ReportTradeoffs {
  readonly objectives: readonly { readonly name: string; readonly goal: 'minimize' | 'maximize' }[];
  readonly constraints: readonly { readonly metric: string; readonly min?: number; readonly max?: number }[];
  /** Ranked by hypervolume contribution (largest first); values: each objective and constrained metric. */
  readonly front: readonly {
    readonly number: number;
    readonly values: Readonly<Record<string, number>>;
    readonly contribution: number;
    readonly params: TrialRow['params'];
  }[];
  /** COMPLETE trials with every objective a number. */
  readonly considered: number;
  /** The numbers of the considered trials that break a constraint. */
  readonly infeasible: readonly number[];
  readonly hypervolume: number;
  /** By objective; null when no trial is feasible. */
  readonly reference: Readonly<Record<string, number>> | null;
  readonly referenceSource: 'spec' | 'derived';
  /** Per objective, the front member best in it (ties by rank). */
  readonly extremes: readonly { readonly metric: string; readonly goal: 'minimize' | 'maximize'; readonly number: number; readonly value: number }[];
}

/** One chart of a report, drawn as SVG by the report's chart module. */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly svg: string;
}
