/**
 * The response types of every route of the dashboard's HTTP API (API.md). The server builds them;
 * the web app imports them with `import type`. This file holds types only, so importing it costs
 * the browser bundle nothing.
 *
 * JSON has no NaN: a metric value stored as NaN (a diverged epoch) arrives as `null`. The types
 * below say so wherever a metric value can be NaN.
 */
import type { Direction, ParamValue, Params, PrunerConfig, SamplerConfig, StrategyGroup, StrategyVerdict, TrialState } from '@loopsweep/core';
import type { ChangeCursor, MetricPoint, SweepChanges, SweepEvent, SweepSummary, TrialDetail, TrialRow } from '@loopsweep/store';

export type { ChangeCursor, Direction, ParamValue, SweepEvent, SweepSummary, TrialRow, TrialState };

/** Every error response: 400 bad input, 401 no or wrong token, 404 unknown sweep/trial/route, 500/503. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    /** What went wrong, naming the input (`query.limit must be …`). */
    readonly message: string;
    /** How to fix it, when there is something to say (`its categorical params: optimizer, cell`). */
    readonly hint?: string;
  };
}
export type ApiErrorCode = 'bad_request' | 'unauthorized' | 'not_found' | 'unavailable' | 'internal';

/** GET /api/health */
export interface HealthResponse {
  readonly ok: true;
  /** The dashboard package's version. */
  readonly version: string;
  /** The database's file name only (never its directory). */
  readonly database: string;
  readonly readOnly: true;
}

/** One sweep of GET /api/sweeps and of the `sweeps` stream event. */
export interface SweepListItem extends SweepSummary {
  /** When the sweep started (its creation, epoch ms). */
  readonly startedAt?: number;
  /** When it finished (epoch ms); absent while it runs or after an interrupt. */
  readonly finishedAt?: number;
}

/** GET /api/sweeps, and the data of the `sweeps` event of GET /api/stream. */
export interface SweepsResponse {
  readonly sweeps: readonly SweepListItem[];
}

/** A parameter of the sweep's spec, as the charts need it. */
export interface ParamInfo {
  readonly name: string;
  /** 'categorical' for `values:` and `value:`; 'numeric' for ranges. */
  readonly kind: 'categorical' | 'numeric';
  /** The choices of a categorical param, in spec order. */
  readonly values?: readonly ParamValue[];
  /** A log-scaled numeric range (log_uniform, int_log_uniform). */
  readonly log?: boolean;
  /** [low, high] of a numeric range (amendment 1). */
  readonly range?: readonly [number, number];
  /** Whether the param is inactive in some trials (`when:` in the spec). */
  readonly conditional: boolean;
}

/** GET /api/sweeps/:name */
export interface SweepOverview {
  readonly summary: SweepSummary;
  readonly objective: string;
  readonly sampler: SamplerConfig;
  readonly pruner: PrunerConfig;
  readonly budget: { readonly trials?: number; readonly parallel?: number; readonly maxEpochs?: number };
  /** In spec order. */
  readonly parameters: readonly ParamInfo[];
  /** Every metric any trial reported, sorted. */
  readonly metricNames: readonly string[];
  readonly bestTrial?: TrialRow;
  /** Finished trials per hour of elapsed time; absent before any trial finished. */
  readonly throughputPerHour?: number;
  /** From the first trial's start to the last finish (or now, while the sweep runs). */
  readonly elapsedMs?: number;
  /** Time left at the current throughput for budget.trials; absent when unknown or finished. */
  readonly etaMs?: number;
  /** Where GET …/stream?cursor= should start to get only what comes after this overview. */
  readonly cursor: ChangeCursor;
  /**
   * Present for a multi-objective or constrained sweep (`metrics:` or `constraints:` in its spec,
   * issue 17): its objectives and constraints. GET …/front answers only for such a sweep.
   */
  readonly multiObjective?: { readonly objectives: readonly ObjectiveInfo[]; readonly constraints: readonly ConstraintInfo[] };
}

/** One objective of a multi-objective sweep, in spec order. */
export interface ObjectiveInfo {
  readonly name: string;
  readonly goal: Direction;
  /** The hypervolume's reference value the spec gives for it; absent: derived from the trials. */
  readonly reference?: number;
}

/** One entry of the spec's `constraints:`: a trial whose final value of `metric` lies outside [min, max] is infeasible. */
export interface ConstraintInfo {
  readonly metric: string;
  readonly min?: number;
  readonly max?: number;
}

/**
 * GET /api/sweeps/:name/trials. Each TrialRow carries `seed` (the one the trial ran with; for a
 * trial recorded before seeds were stored, the one derived from the sweep's seed), `stage`
 * ('search' for the sampler's trials, or a later stage such as 'rerun', 'confirm') and, for a
 * trial that re-runs another's configuration with another seed, `origin` (that trial's number).
 * The same fields come with every TrialRow: trial detail, `bestTrial`, the stream's `changes`.
 */
export interface TrialsResponse {
  /** Trials matching the filters, before limit/offset. */
  readonly total: number;
  readonly trials: readonly TrialRow[];
}

/** A metric value as JSON carries it: NaN (a diverged epoch) becomes null. */
export type JsonMetric = number | null;

/** GET /api/sweeps/:name/trials/:number */
export interface TrialDetailResponse extends Omit<TrialDetail, 'metrics'> {
  readonly metrics: readonly { readonly step: number; readonly values: Readonly<Record<string, JsonMetric>> }[];
}

/** One curve of GET /api/sweeps/:name/curves. */
export interface TrialCurve {
  readonly trial: number;
  readonly state: TrialState;
  /** [step, value] in step order. */
  readonly points: readonly (readonly [step: number, value: JsonMetric])[];
}

/** GET /api/sweeps/:name/curves */
export interface CurvesResponse {
  readonly metric: string;
  /** In trial-number order; a trial without a point of the metric is absent. */
  readonly curves: readonly TrialCurve[];
  /** Set when more trials matched than the server sends (the first MAX_CURVES by number). */
  readonly truncated?: true;
}

/** GET /api/sweeps/:name/importance */
export interface ImportanceResponse {
  /** The method that computed it, in words (e.g. 'PED-ANOVA (γ = 0.1)'). */
  readonly method: string;
  readonly metric: string;
  /** Highest first; each in 0..1, together summing to 1 (all 0 when nothing can be said). */
  readonly importances: readonly { readonly param: string; readonly importance: number }[];
  /** COMPLETE trials with a finite value that went into it. */
  readonly trialsUsed: number;
}

/** The per-step median learning curve of a group, with its interquartile band. */
export interface MedianCurvePoint {
  readonly step: number;
  readonly median: number;
  readonly q1: number;
  readonly q3: number;
  /** How many trials reported this step (the band thins as pruned trials drop out). */
  readonly trials: number;
}

/** One value of the compared param in the search: core's describeStrategies group plus what the descriptive charts draw. */
export interface StrategyGroupView extends StrategyGroup {
  /** Final metric of each COMPLETE search trial (box/violin), in trial-number order. */
  readonly values: readonly number[];
  /** [trial number, best value so far within this group], at each trial that improved it. */
  readonly bestSoFar: readonly (readonly [trial: number, best: number])[];
  readonly medianCurve: readonly MedianCurvePoint[];
}

/**
 * GET /api/sweeps/:name/compare — core's judgeStrategies verdict, field for field what
 * `sweep compare --json` prints (decision, winner, statement, groups with estimate/ci/p_best,
 * expected-best curves and replicates), plus the descriptive chart data of the search.
 */
export interface StrategyComparisonResponse extends StrategyVerdict {
  /** The metric of the median curves (the sweep's unless `metric=` said otherwise); the verdict is always of the sweep's metric. */
  readonly metric: string;
  /** One per entry of `groups`, in the same order: that value's search trials, described. */
  readonly views: readonly StrategyGroupView[];
}

/** A finished trial of GET /api/sweeps/:name/front. */
export interface FrontTrial {
  readonly number: number;
  /** COMPLETE or PRUNED (a pruned trial's values are from the epoch it stopped at; it is never on the front). */
  readonly state: TrialState;
  /** Final value of each objective and constrained metric (NaN as null; a metric never reported is absent). */
  readonly values: Readonly<Record<string, JsonMetric>>;
  /** Every constraint met (a missing or NaN constrained value violates it); true without constraints. */
  readonly feasible: boolean;
  /** On the Pareto front (COMPLETE, feasible and non-dominated). */
  readonly onFront: boolean;
}

/**
 * GET /api/sweeps/:name/front — the Pareto front of a multi-objective or constrained sweep, as
 * core's summarizeFront computes it over the COMPLETE trials' final values.
 */
export interface FrontResponse {
  readonly objectives: readonly ObjectiveInfo[];
  readonly constraints: readonly ConstraintInfo[];
  /** Every COMPLETE or PRUNED trial with final values, by number. */
  readonly trials: readonly FrontTrial[];
  /** The front, ranked by the hypervolume each member alone adds (largest first). */
  readonly front: readonly { readonly number: number; readonly values: readonly number[]; readonly contribution: number }[];
  /** COMPLETE trials with a number for every objective (the ones the front was chosen from). */
  readonly considered: number;
  /** Numbers of the considered trials that violate a constraint. */
  readonly infeasible: readonly number[];
  /** The front's hypervolume under `reference` (0 without a feasible trial). */
  readonly hypervolume: number;
  /** The reference point, in the objectives' order; absent while no trial is feasible. */
  readonly reference?: readonly number[];
  /** 'spec' when the spec gives every objective's reference, 'derived' otherwise (worst feasible value plus 10% of the range). */
  readonly referenceSource: 'spec' | 'derived';
  /** The hypervolume after each COMPLETE trial, in trial-number order, under `reference`. */
  readonly hypervolumeHistory: readonly { readonly number: number; readonly hypervolume: number }[];
}

/** One member of a population-based training sweep (GET /api/sweeps/:name/population). */
export interface PopulationMember {
  readonly number: number;
  readonly state: TrialState;
  readonly stage: string;
  /** Its population slot (0…population−1): a first-generation member starts one, an exploit trial takes the slot of the member it replaces. */
  readonly slot: number;
  readonly params: Params;
  /** Its final value (COMPLETE), absent otherwise. */
  readonly value?: number;
  /** The member whose checkpoint it continued at `step`, in place of `replaces`; absent for a first-generation member. */
  readonly lineage?: { readonly parent: number; readonly step: number; readonly replaces: number };
  /** Its tracked metric per epoch it trained (an exploit trial's start after `lineage.step`). */
  readonly points: readonly (readonly [step: number, value: JsonMetric])[];
}

/** A param's run of equal value over epochs `from`…`to` (inclusive). */
export interface ScheduleRunInfo {
  readonly from: number;
  readonly to: number;
  readonly value: ParamValue;
}

/**
 * GET /api/sweeps/:name/population — a population-based training sweep (sampler pbt): every
 * member with its lineage and curve, and the best COMPLETE member's chain and schedule (what
 * `sweep lineage --json` prints for it).
 */
export interface PopulationResponse {
  readonly metric: string;
  readonly direction: Direction;
  readonly population: number;
  readonly interval: number;
  readonly maxEpochs?: number;
  readonly members: readonly PopulationMember[];
  /** Absent while no member is COMPLETE. */
  readonly best?: {
    readonly trial: number;
    /** Oldest first; each trial's epochs `fromStep`…`toStep` and its metric at `toStep`. */
    readonly chain: readonly {
      readonly number: number;
      readonly fromStep: number;
      readonly toStep: number;
      readonly params: Params;
      readonly value?: number;
    }[];
    readonly schedule: Readonly<Record<string, readonly ScheduleRunInfo[]>>;
  };
}

/** GET /api/sweeps/:name/events */
export interface EventsResponse {
  readonly events: readonly SweepEvent[];
}

/** A metric point of the stream (store's MetricPoint, NaN as null). */
export type StreamMetricPoint = Omit<MetricPoint, 'value'> & { readonly value: JsonMetric };

/** The data of a `changes` event of GET /api/sweeps/:name/stream (store's SweepChanges as JSON). */
export type ChangesMessage = Omit<SweepChanges, 'metrics'> & { readonly metrics: readonly StreamMetricPoint[] };

/**
 * The data of a `reset` event of the sweep stream: the client resumed too far behind (more than
 * the server's catch-up limit of metric values); it should reload the sweep (overview, trials) and
 * goes on receiving changes from `cursor` (amendment 3).
 */
export interface ResetMessage {
  readonly reason: string;
  readonly cursor: ChangeCursor;
}

/** The SSE event names the streams send. */
export type SweepStreamEvent = 'changes' | 'summary' | 'reset';
export type SweepsStreamEvent = 'sweeps';
