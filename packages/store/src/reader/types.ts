import type { Direction, EventKind, ParamValue, Params, SweepStatus, TrialState } from '@loopsweep/core';

/** One line of a sweep's overview (`sweep ls`, the dashboard's list). */
export interface SweepSummary {
  readonly name: string;
  readonly objective: string;
  readonly status: SweepStatus;
  readonly metric: string;
  readonly direction: Direction;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly finishedAt?: number;
  /** Trials per state; every state is present, 0 when none. */
  readonly counts: Record<TrialState, number>;
  readonly total: number;
  /** The best COMPLETE trial in the sweep's direction (the lowest number among ties). */
  readonly best?: { readonly number: number; readonly value: number };
  /** The last change of a trial or event (epoch ms, the store's change stamp); absent for an empty sweep. */
  readonly lastUpdatedAt?: number;
}

/** A trial as the read API shows it. Absent fields are NULL in the store. */
export interface TrialRow {
  readonly number: number;
  readonly state: TrialState;
  readonly params: Params;
  readonly value?: number;
  readonly failureReason?: string;
  readonly attempt: number;
  /** Epoch ms. */
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** The trial's change stamp (epoch ms, strictly increasing within a sweep). */
  readonly updatedAt: number;
  /** The highest step any metric of the trial was reported at. */
  readonly lastStep?: number;
  /**
   * The seed the objective ran with: the stored one, or for a trial recorded before seeds were
   * stored, the one it was derived from (core's trialSeed). SweepReader always sets it; optional
   * so that rows built without it (an older server's, a test's) still type-check.
   */
  readonly seed?: number;
  /** Which stage asked for the trial: 'search' (the sampler) or a later one ('rerun', 'confirm'). SweepReader always sets it; absent means 'search'. */
  readonly stage?: string;
  /** For a trial that re-runs another trial's configuration (with another seed): that trial's number. */
  readonly origin?: number;
  /** Population-based training: the member whose checkpoint it continued from, at which step, in place of which member. */
  readonly lineage?: { readonly parent: number; readonly step: number; readonly replaces: number };
}

export type TrialSort = 'number' | 'value' | 'started' | 'duration';
export type SortOrder = 'asc' | 'desc';

export interface TrialQuery {
  /** Only trials in one of these states. */
  readonly states?: readonly TrialState[];
  /** Only trials of one of these stages ('search' for the sampler's, which includes every trial recorded before stages were). */
  readonly stages?: readonly string[];
  /** Only trials whose parameter equals the value, or one of the values of a list (an inactive parameter never matches). */
  readonly params?: Readonly<Record<string, ParamValue | readonly ParamValue[]>>;
  /** Default 'number'. 'value', 'started' and 'duration' put trials without one last in either order. */
  readonly sort?: TrialSort;
  /** Default 'asc'. Ties are broken by number, ascending. */
  readonly order?: SortOrder;
  readonly limit?: number;
  readonly offset?: number;
}

/** When a sweep's trials ran (`SweepReader.trialTimes`). */
export interface TrialTimes {
  /** The earliest start of any trial (epoch ms). */
  readonly firstStartedAt?: number;
  /** The latest finish of any trial (epoch ms). */
  readonly lastFinishedAt?: number;
}

/** The filtering part of a TrialQuery (what `SweepReader.countTrials` counts). */
export type TrialFilter = Pick<TrialQuery, 'states' | 'stages' | 'params'>;

/** One line of a sweep's log. */
export interface SweepEvent {
  /** Increasing in the order events were written. */
  readonly id: number;
  /** Absent for an event of the sweep itself. */
  readonly trialNumber?: number;
  /** Epoch ms. */
  readonly at: number;
  readonly kind: EventKind;
  readonly message: string;
}

export interface EventQuery {
  /** Only events with a larger id (the last id a caller has seen). */
  readonly afterId?: number;
  readonly limit?: number;
}

/** A trial with all it reported. */
export interface TrialDetail extends TrialRow {
  /** Every step with a report, in step order; each with every metric reported at that step (NaN where NaN was reported). */
  readonly metrics: readonly { readonly step: number; readonly values: Readonly<Record<string, number>> }[];
  readonly events: readonly SweepEvent[];
  /** Multi-objective and constrained sweeps: the trial's final values (each objective and constrained metric), once it has them. */
  readonly finalValues?: Readonly<Record<string, number>>;
}

/** One stored metric value, as changesSince hands it out. */
export interface MetricPoint {
  /** Increasing in the order values were written; a value reported again gets a new id. */
  readonly id: number;
  readonly trialNumber: number;
  readonly step: number;
  readonly name: string;
  readonly value: number;
}

/**
 * Where a poller is: the last trial change stamp, metric id and event id it has seen. Start from
 * START_CURSOR (everything) or from `SweepReader.cursor(name)` (only what comes next).
 */
export interface ChangeCursor {
  readonly trialUpdatedAt: number;
  readonly metricId: number;
  readonly eventId: number;
}

/** What changed in a sweep after a cursor, and the cursor to poll with next. */
export interface SweepChanges {
  /** Trials created or changed (not heartbeats, not new metrics), in change order, each as it is now. */
  readonly trials: readonly TrialRow[];
  /** New metric values in write order; a trial's new lastStep arrives this way. */
  readonly metrics: readonly MetricPoint[];
  readonly events: readonly SweepEvent[];
  readonly cursor: ChangeCursor;
}
