/**
 * A study: one sweep's trials and the sampler and pruner that steer them. It holds state in
 * memory only; the runner persists every change (DESIGN.md: the store is the truth) and rebuilds a
 * Study from the stored records on resume, after which it proposes exactly what it would have.
 */
import { IllegalTransitionError } from '../errors/illegal-transition-error.js';
import { SweepError } from '../errors/sweep-error.js';
import { boundViolation } from '../multi-objective/constraint-violation.js';
import type { Pruner, VectorObjectives } from '../pruners/pruner.js';
import type { Sampler, SamplingContext } from '../samplers/sampler.js';
import type { Params } from '../search-space/distributions.js';
import type { SearchSpace } from '../search-space/search-space.js';
import { SEARCH_STAGE, isBetter, lastStep, type Direction, type FrozenTrial } from '../trial/frozen-trial.js';
import { canTransition, type TrialState } from '../trial/trial-state.js';
import { checkRecords } from './check-records.js';

export interface StudyOptions {
  readonly space: SearchSpace;
  readonly direction: Direction;
  /** The metric the sweep optimizes; `report` reads it from each step's metrics. */
  readonly metric: string;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  /**
   * A multi-objective or constrained sweep's objectives and constraints: `report` then records
   * every tracked metric per step (intermediateValues), `tell` takes the final values, and the
   * pruner judges vectors. `metric` and `direction` are the first objective's.
   */
  readonly vector?: VectorObjectives;
  /** Records to rebuild from (resume): trials 0..n−1 in number order. */
  readonly trials?: readonly FrozenTrial[];
  /**
   * The trials `trial` competes with when the pruner judges it, or undefined when it is never
   * pruned. Default: a search-stage trial competes with every trial; a trial of another stage (a
   * re-run, a confirmation) runs its whole budget, since its value must compare with its peers'.
   */
  readonly pruneAmong?: (trial: FrozenTrial, trials: readonly FrozenTrial[]) => readonly FrozenTrial[] | undefined;
}

/** Study's default pruneAmong. */
export function searchTrialsArePruned(trial: FrozenTrial, trials: readonly FrozenTrial[]): readonly FrozenTrial[] | undefined {
  return (trial.stage ?? SEARCH_STAGE) === SEARCH_STAGE ? trials : undefined;
}

export interface PruneDecision {
  /** The metric's value at this step, as recorded. */
  readonly value: number;
  /** True: stop the trial now (the runner aborts it and tells PRUNED). */
  readonly prune: boolean;
}

/** What a new trial's creator says about it besides its params. */
export type TrialFields = Partial<Pick<FrozenTrial, 'seed' | 'stage' | 'origin' | 'lineage' | 'restoreStep' | 'maxEpochs'>>;

export type FinalState = Extract<TrialState, 'COMPLETE' | 'PRUNED' | 'FAILED'>;

export class Study {
  readonly space: SearchSpace;
  readonly direction: Direction;
  readonly metric: string;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  readonly vector: VectorObjectives | undefined;
  /** The metrics a vector study records per step and at the end: objectives, then constrained metrics. */
  readonly trackedMetrics: readonly string[];
  readonly #pruneAmong: NonNullable<StudyOptions['pruneAmong']>;
  #trials: FrozenTrial[];

  /** @throws {SweepError} code 'STORE' when `trials` are not a consistent history (gaps, bad values). */
  constructor(options: StudyOptions) {
    this.space = options.space;
    this.direction = options.direction;
    this.metric = options.metric;
    this.sampler = options.sampler;
    this.pruner = options.pruner;
    this.vector = options.vector;
    this.trackedMetrics = options.vector ? trackedNames(options.vector) : [];
    this.#pruneAmong = options.pruneAmong ?? searchTrialsArePruned;
    this.#trials = [...(options.trials ?? [])];
    checkRecords(this.#trials);
  }

  /** Every trial, in number order. */
  get trials(): readonly FrozenTrial[] {
    return this.#trials;
  }

  /** Whether the sampler has nothing left to propose (a finished grid). */
  isExhausted(): boolean {
    return this.sampler.isExhausted?.(this.#samplingContext()) ?? false;
  }

  /**
   * Proposes a new trial and records it QUEUED. Pending trials are visible to the next ask, so a
   * parallel-aware sampler hands the next worker a different point.
   * @throws {SweepError} code 'SAMPLER' when the sampler is exhausted.
   */
  ask(fields: TrialFields = {}): FrozenTrial {
    const params = this.sampler.sample(this.#samplingContext());
    return this.#add(params, fields);
  }

  /**
   * Records a trial that the sampler did not propose, QUEUED: another stage's trial, such as a
   * re-run of an earlier configuration with another seed. Its params are taken as they are.
   * @throws {SweepError} code 'UNKNOWN_TRIAL' when `fields.origin` names no trial of this study.
   */
  enqueue(params: Params, fields: TrialFields = {}): FrozenTrial {
    if (fields.origin !== undefined) this.#get(fields.origin);
    return this.#add(params, fields);
  }

  #add(params: Params, fields: TrialFields): FrozenTrial {
    const trial: FrozenTrial = { number: this.#trials.length, state: 'QUEUED', params, intermediate: new Map(), attempt: 1, ...fields };
    this.#trials.push(trial);
    return trial;
  }

  /** QUEUED → RUNNING. @throws {IllegalTransitionError} @throws {SweepError} code 'UNKNOWN_TRIAL' */
  start(number: number): FrozenTrial {
    return this.#move(number, 'RUNNING');
  }

  /**
   * Records the tracked metric of a RUNNING trial at `step` and asks the pruner.
   * A step reported twice keeps the later value (a retried epoch).
   * @throws {SweepError} code 'SPEC' when `metrics` lacks the tracked metric (names the ones given).
   * @throws {IllegalTransitionError} when the trial is not RUNNING.
   */
  report(number: number, step: number, metrics: Readonly<Record<string, number>>): PruneDecision {
    const trial = this.#get(number);
    if (trial.state !== 'RUNNING') throw new IllegalTransitionError(number, trial.state, `a report at step ${step}`);
    const value = metrics[this.metric];
    if (typeof value !== 'number') {
      throw new SweepError(
        'SPEC',
        `metric '${this.metric}' was not reported at step ${step}; the objective reported: ${Object.keys(metrics).join(', ') || 'nothing'} (set metric.name to one of them)`,
      );
    }
    const intermediate = new Map(trial.intermediate);
    intermediate.set(step, value);
    let updated: FrozenTrial = { ...trial, intermediate: new Map([...intermediate].sort((a, b) => a[0] - b[0])) };
    if (this.vector) {
      const tracked: Record<string, number> = {};
      for (const name of this.trackedMetrics) if (typeof metrics[name] === 'number') tracked[name] = metrics[name];
      const steps = new Map(trial.intermediateValues ?? []);
      steps.set(step, tracked);
      updated = { ...updated, intermediateValues: new Map([...steps].sort((a, b) => a[0] - b[0])) };
    }
    this.#trials[number] = updated;
    const peers = this.#pruneAmong(updated, this.#trials);
    const context = { direction: this.direction, trials: peers ?? [], ...(this.vector ? { vector: this.vector } : {}) };
    return { value, prune: peers !== undefined && this.pruner.prune(context, updated) };
  }

  /**
   * Asks the pruner again about a RUNNING trial at its last reported step: for a decision the
   * caller put off until its peers had reported that step too (population-based training).
   * @throws {SweepError} code 'UNKNOWN_TRIAL'
   */
  judge(number: number): boolean {
    const trial = this.#get(number);
    const peers = this.#pruneAmong(trial, this.#trials);
    if (peers === undefined) return false;
    return this.pruner.prune({ direction: this.direction, trials: peers, ...(this.vector ? { vector: this.vector } : {}) }, trial);
  }

  /**
   * Finishes a RUNNING trial. COMPLETE needs a finite value — a NaN or infinite result is recorded
   * as FAILED (an objective that returns NaN has failed, as in Optuna). PRUNED keeps the last
   * intermediate value as its value. FAILED may also cancel a QUEUED trial.
   * In a vector study, `values` are the tracked metrics' final values (COMPLETE); a PRUNED trial
   * keeps the ones of its last reported step. Only tracked metrics are kept.
   * @throws {IllegalTransitionError} @throws {SweepError} code 'UNKNOWN_TRIAL'
   */
  tell(number: number, state: FinalState, value?: number, values?: Readonly<Record<string, number>>): FrozenTrial {
    const trial = this.#get(number);
    if (state === 'COMPLETE' && !(typeof value === 'number' && Number.isFinite(value))) state = 'FAILED';
    const moved = this.#move(number, state);
    let recorded: number | undefined;
    if (state === 'COMPLETE') recorded = value;
    if (state === 'PRUNED') {
      const step = lastStep(trial);
      recorded = step === undefined ? undefined : trial.intermediate.get(step);
    }
    let finished: FrozenTrial = recorded === undefined ? moved : { ...moved, value: recorded };
    const vector = this.vector ? this.#finalValues(trial, state, values) : undefined;
    if (vector !== undefined) finished = { ...finished, values: vector };
    this.#trials[number] = finished;
    return finished;
  }

  /**
   * RUNNING → QUEUED for a retry after an interruption (worker death, crash); the attempt counts
   * up and the partial learning curve is dropped (the retry reports its own). With `restoreStep`
   * (the step of a checkpoint of this trial that is kept), the retry continues from there instead:
   * the curve up to that step stays.
   */
  requeue(number: number, restoreStep?: number): FrozenTrial {
    const moved = this.#move(number, 'QUEUED');
    const { intermediateValues: _dropped, restoreStep: _restore, ...rest } = moved;
    const kept = <T>(curve: ReadonlyMap<number, T> | undefined) =>
      new Map(restoreStep === undefined ? [] : [...(curve ?? [])].filter(([step]) => step <= restoreStep));
    const requeued: FrozenTrial = {
      ...rest,
      attempt: moved.attempt + 1,
      intermediate: kept(moved.intermediate),
      ...(this.vector ? { intermediateValues: kept(moved.intermediateValues) } : {}),
      ...(restoreStep === undefined ? {} : { restoreStep }),
    };
    this.#trials[number] = requeued;
    return requeued;
  }

  /**
   * The best COMPLETE trial by `metric` (ties: the earlier), or undefined. In a constrained sweep
   * only feasible trials count; in a multi-objective one this is the best of the first objective,
   * one end of the front. A trial that stopped at its own epoch limit (`maxEpochs`: a segment of a
   * replayed schedule) does not count: its value was taken mid-training.
   */
  best(): FrozenTrial | undefined {
    let best: FrozenTrial | undefined;
    for (const trial of this.#trials) {
      if (trial.state !== 'COMPLETE' || trial.value === undefined || trial.maxEpochs !== undefined || !this.isFeasible(trial)) continue;
      if (!best || isBetter(trial.value, best.value as number, this.direction)) best = trial;
    }
    return best;
  }

  /** Whether `trial`'s final values meet every constraint (true in an unconstrained study). */
  isFeasible(trial: FrozenTrial): boolean {
    for (const constraint of this.vector?.constraints ?? []) if (boundViolation(trial.values?.[constraint.metric], constraint) > 0) return false;
    return true;
  }

  #finalValues(trial: FrozenTrial, state: FinalState, values: Readonly<Record<string, number>> | undefined): Readonly<Record<string, number>> | undefined {
    if (state === 'PRUNED') {
      const step = lastStep(trial);
      return step === undefined ? undefined : trial.intermediateValues?.get(step);
    }
    if (state !== 'COMPLETE' || values === undefined) return undefined;
    const kept: Record<string, number> = {};
    for (const name of this.trackedMetrics) if (typeof values[name] === 'number') kept[name] = values[name];
    return kept;
  }

  #samplingContext(): SamplingContext {
    return { space: this.space, trials: this.#trials, number: this.#trials.length, direction: this.direction };
  }

  #get(number: number): FrozenTrial {
    const trial = this.#trials[number];
    if (!trial) throw new SweepError('UNKNOWN_TRIAL', `no trial ${number} in this study (it has ${this.#trials.length})`);
    return trial;
  }

  #move(number: number, to: TrialState): FrozenTrial {
    const trial = this.#get(number);
    if (!canTransition(trial.state, to)) throw new IllegalTransitionError(number, trial.state, to);
    const moved: FrozenTrial = { ...trial, state: to };
    this.#trials[number] = moved;
    return moved;
  }
}

function trackedNames(vector: VectorObjectives): string[] {
  const names = vector.objectives.map((objective) => objective.name);
  for (const constraint of vector.constraints) if (!names.includes(constraint.metric)) names.push(constraint.metric);
  return names;
}
