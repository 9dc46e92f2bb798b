import type { ObjectiveRef } from '../objective/command-objective.js';
import type { PrunerConfig } from '../pruners/pruner-config.js';
import type { SamplerConfig } from '../samplers/sampler-config.js';
import type { ParamValue } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';

/** The keys that say what kind of values a parameter takes; a parameter has exactly one. */
export const PARAM_KINDS = ['values', 'uniform', 'log_uniform', 'int', 'int_log_uniform', 'value'] as const;
export type ParamKind = (typeof PARAM_KINDS)[number];

/**
 * One entry of `parameters:` as the user wrote it, e.g. `{ log_uniform: [1.0e-4, 1.0e-1] }` or
 * `{ uniform: [0.5, 0.99], when: { optimizer: momentum } }`. A validated ParamSpec has exactly one
 * of the kind keys (PARAM_KINDS).
 */
export interface ParamSpec {
  /** One of these (non-empty, unique). */
  readonly values?: readonly ParamValue[];
  /** A real number in [low, high]. */
  readonly uniform?: readonly [number, number];
  /** A real number in [low, high], uniform in log space (low > 0). */
  readonly log_uniform?: readonly [number, number];
  /** An integer in [low, high]. */
  readonly int?: readonly [number, number];
  /** An integer in [low, high], uniform in log space (low ≥ 1). */
  readonly int_log_uniform?: readonly [number, number];
  /** Always this value. */
  readonly value?: ParamValue;
  /** The grid spacing of a uniform, int or int_log_uniform range. */
  readonly step?: number;
  /** The parameter exists only when every named parent has one of the listed values. */
  readonly when?: Readonly<Record<string, ParamValue | readonly ParamValue[]>>;
}

/** `metric:`: what the objective reports that the sweep optimizes. */
export interface MetricSpec {
  readonly name: string;
  readonly goal: 'maximize' | 'minimize';
  /** `metrics:` entries only: the hypervolume's reference value for this objective (default: derived). */
  readonly reference?: number;
}

/** One entry of `constraints:`: a bound on a metric the objective reports; a trial outside it is infeasible. */
export interface ConstraintSpec {
  readonly metric: string;
  /** The smallest feasible value (inclusive). */
  readonly min?: number;
  /** The largest feasible value (inclusive). */
  readonly max?: number;
}

/** `budget:`: when the sweep stops and how much runs at once. */
export interface BudgetSpec {
  /** Trials to run in all. */
  readonly trials?: number;
  /** Trials running at the same time. */
  readonly parallel?: number;
  /** Epochs per trial (the objective's and the pruner's full budget). */
  readonly max_epochs?: number;
  /** Wall-clock limit of the sweep in seconds (a spec may write '90s', '30m', '2h', '1h30m'). */
  readonly timeout?: number;
  /** How many times a failed or interrupted trial is run again. Default 0. */
  readonly retries: number;
  /** Stop the sweep once this many trials have FAILED. Default: no limit beyond `fail_fast`. */
  readonly max_failures?: number;
  /** Stop the sweep when its first N finished trials all FAILED the same way. Default 3 (DEFAULT_FAIL_FAST); 0: never. */
  readonly fail_fast?: number;
}

/** How many first trials failing the same way stop a sweep, unless `budget.fail_fast` says otherwise. */
export const DEFAULT_FAIL_FAST = 3;

/** `compare:`: the comparison protocol (search each value with the same budget, then confirm over seeds). */
export interface CompareSpec {
  /** The categorical parameter whose values are compared. */
  readonly by: string;
  /** Search trials per value. */
  readonly trials_per_value: number;
  /** Confirmation replicates: each value's best configuration re-run with this many fresh seeds. */
  readonly confirm: { readonly seeds: number };
  /** Default 0.95. */
  readonly confidence?: number;
}

/**
 * A validated sweep spec: what `parseSweepSpec` / `validateSweepSpec` return. Keys are snake_case,
 * as users write them; defaults are filled in; `space` is derived from `parameters`.
 */
export interface SweepSpec {
  /** Letters, digits, '.', '_' and '-' only: it is used as a key and a directory name. */
  readonly name: string;
  /** A built-in objective ('rnn-text', 'noop', …), a module path ('./my-objective.js') or a program to run (`{ command: […] }`, cwd relative to the spec). */
  readonly objective: ObjectiveRef;
  /** Checked against the schema its objective declares (validation's `objectiveBlocks`), then passed to it as written; absent when the spec has none. */
  readonly dataset?: Readonly<Record<string, unknown>>;
  /**
   * The metric the sweep optimizes; in a multi-objective sweep, the first of `metrics` (the trial's
   * `value` is its final value there, so that views of one number still have one).
   */
  readonly metric: MetricSpec;
  /** Two or more objectives, each in its own direction: a multi-objective sweep. Absent for one objective. */
  readonly metrics?: readonly MetricSpec[];
  /** Bounds on reported metrics; absent when the spec has none. */
  readonly constraints?: readonly ConstraintSpec[];
  readonly budget: BudgetSpec;
  /** Default `{ type: 'tpe', seed: 0 }`. */
  readonly sampler: SamplerConfig;
  /** Default `{ type: 'none' }`. */
  readonly pruner: PrunerConfig;
  /** The comparison protocol, if the sweep is one. */
  readonly compare?: CompareSpec;
  /** As written, in the spec's order. */
  readonly parameters: Readonly<Record<string, ParamSpec>>;
  /** `parameters` as distributions, parents before the parameters that depend on them. */
  readonly space: SearchSpace;
}
