/**
 * Learning-rate schedules: the learning rate of every training step, from the base rate of the
 * optimizer config and the length of training.
 */
import { ConfigError } from '../errors.js';
import { SCHEDULE_TYPES } from './strategy.js';
import type { ScheduleConfig } from './strategy.js';

/** The learning rate over training. */
export interface LearningRateSchedule {
  /**
   * The learning rate of a step.
   * @param step the global batch index, from 0 (epoch · stepsPerEpoch + batch)
   * @throws RangeError when step is not a non-negative integer
   */
  lrAt(step: number): number;
  /**
   * Reports an epoch's validation loss, once per epoch in order; only reduce_on_plateau reacts, and
   * only to the sequence of losses (`epoch` is informational, 0- or 1-based alike).
   */
  onEpochEnd(epoch: number, valLoss: number): void;
  /**
   * What the schedule has learnt from the losses so far (reduce_on_plateau; undefined for the
   * others, whose rate depends on the step alone), for a checkpoint.
   */
  state(): ScheduleState | undefined;
  /**
   * Continues from a {@link LearningRateSchedule.state} of the same schedule type, possibly with a
   * different base lr, factor or floor: reduce_on_plateau replays its `reductions` from this
   * schedule's own base lr (bit-identical to the original when the settings are the same).
   * @throws ConfigError when the state is of another schedule type
   */
  restore(state: ScheduleState | undefined): void;
}

/** reduce_on_plateau's memory: the best loss, the bad epochs since, and how often it reduced. */
export interface ScheduleState {
  readonly type: 'reduce_on_plateau';
  readonly best: number;
  readonly badEpochs: number;
  readonly reductions: number;
}

/** How long training runs. */
export interface SchedulePlan {
  readonly epochs: number;
  readonly stepsPerEpoch: number;
}

/** reduce_on_plateau: a loss counts as better only below best·(1 − 1e-4) (PyTorch's default). */
const PLATEAU_THRESHOLD = 1e-4;

function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function fail(key: string, rule: string, value: unknown): never {
  throw new ConfigError(`schedule.${key} must be ${rule}, got ${show(value)}`);
}

function checkStep(step: number): void {
  if (!Number.isInteger(step) || step < 0) {
    throw new RangeError(`step must be a non-negative integer, got ${show(step)}`);
  }
}

/** minLr in [0, baseLr): a floor at or above the base rate would make the schedule a no-op or rise. */
function checkMinLr(minLr: unknown, baseLr: number): number {
  if (!isNumber(minLr) || minLr < 0 || minLr >= baseLr) fail('minLr', `in [0, ${baseLr}) (below the base lr)`, minLr);
  return minLr;
}

/** Half a cosine from `from` down to `to` as `t` goes 0 → 1. */
function cosineBetween(from: number, to: number, t: number): number {
  return to + ((from - to) * (1 + Math.cos(Math.PI * Math.min(1, t)))) / 2;
}

/** A schedule whose rate depends only on the step. */
function stepwise(lr: (step: number) => number): LearningRateSchedule {
  return {
    lrAt(step) {
      checkStep(step);
      return lr(step);
    },
    onEpochEnd() {},
    state: () => undefined,
    restore(state) {
      if (state !== undefined) throw new ConfigError(`schedule state of ${show(state.type)} cannot be restored into a step-wise schedule`);
    },
  };
}

function plateau(baseLr: number, factor: number, patience: number, minLr: number): LearningRateSchedule {
  let lr = baseLr;
  let best = Infinity;
  let badEpochs = 0;
  let reductions = 0;
  const reduce = () => {
    lr = Math.max(minLr, lr * factor);
    reductions += 1;
  };
  return {
    lrAt(step) {
      checkStep(step);
      return lr;
    },
    onEpochEnd(_epoch, valLoss) {
      // best starts at Infinity, so the first finite loss improves; NaN never compares below.
      if (valLoss < best * (1 - PLATEAU_THRESHOLD)) {
        best = valLoss;
        badEpochs = 0;
        return;
      }
      badEpochs++;
      if (badEpochs >= patience) {
        reduce();
        badEpochs = 0;
      }
    },
    state: () => ({ type: 'reduce_on_plateau', best, badEpochs, reductions }),
    restore(state) {
      if (state?.type !== 'reduce_on_plateau') throw new ConfigError(`reduce_on_plateau cannot continue from schedule state ${show(state?.type)}`);
      lr = baseLr;
      reductions = 0;
      for (let i = 0; i < state.reductions; i++) reduce();
      best = state.best;
      badEpochs = state.badEpochs;
    },
  };
}

/**
 * Builds the schedule of a training run. With E = plan.epochs, S = plan.stepsPerEpoch,
 * T = E·S total steps, `step` the global batch index and epoch = floor(step / S):
 *
 * - `constant`: baseLr.
 * - `step`: baseLr · gamma^floor(epoch / stepEpochs); stepEpochs a positive integer, default
 *   max(1, round(E / 3)); gamma in (0, 1], default 0.1.
 * - `exponential`: baseLr · gamma^(step / S), a smooth decay by gamma per epoch; gamma in (0, 1],
 *   default 0.9.
 * - `cosine`: minLr + (baseLr − minLr) · (1 + cos(π · step / T)) / 2, minLr from step T on;
 *   minLr in [0, baseLr), default 0.
 * - `warmup_cosine`: W = round(warmupEpochs · S) warmup steps rising linearly,
 *   lr = baseLr · (step + 1) / W for step < W (so the first step already trains and step W − 1
 *   reaches baseLr), then the cosine above over the remaining T − W steps with step − W.
 *   warmupEpochs ≥ 0 with W < T, fractional allowed, default min(1, E / 10): a tenth of a short
 *   run, one epoch of a long one. W = 0 is a plain cosine.
 * - `reduce_on_plateau`: baseLr · factor^k, floored at minLr, where k counts reductions. At each
 *   onEpochEnd a loss below best · (1 − 1e-4) (the first one always) becomes the best and resets
 *   the count of bad epochs; any other loss (NaN included) is a bad epoch, and when `patience` bad
 *   epochs have followed the last improvement or reduction, the rate is reduced and the count
 *   restarts (patience 0 and 1 both reduce at every bad epoch). factor in (0, 1), default 0.5;
 *   patience an integer ≥ 0, default 2; minLr in [0, baseLr), default 1e-6 (or 0 when baseLr is not
 *   above 1e-6).
 *
 * @throws ConfigError when baseLr, the plan or a schedule parameter is invalid, e.g.
 *   `schedule.gamma must be in (0, 1], got 0`
 */
export function createSchedule(config: ScheduleConfig, baseLr: number, plan: SchedulePlan): LearningRateSchedule {
  if (!isNumber(baseLr) || baseLr <= 0) fail('baseLr', 'a positive finite number', baseLr);
  const { epochs, stepsPerEpoch } = plan;
  if (!Number.isInteger(epochs) || epochs < 1) fail('epochs', 'a positive integer', epochs);
  if (!Number.isInteger(stepsPerEpoch) || stepsPerEpoch < 1) fail('stepsPerEpoch', 'a positive integer', stepsPerEpoch);
  const totalSteps = epochs * stepsPerEpoch;

  switch (config.type) {
    case 'constant':
      return stepwise(() => baseLr);
    case 'step': {
      const stepEpochs = config.stepEpochs ?? Math.max(1, Math.round(epochs / 3));
      const gamma = config.gamma ?? 0.1;
      if (!Number.isInteger(stepEpochs) || stepEpochs < 1) fail('stepEpochs', 'a positive integer', stepEpochs);
      if (!isNumber(gamma) || gamma <= 0 || gamma > 1) fail('gamma', 'in (0, 1]', gamma);
      return stepwise((step) => baseLr * gamma ** Math.floor(Math.floor(step / stepsPerEpoch) / stepEpochs));
    }
    case 'exponential': {
      const gamma = config.gamma ?? 0.9;
      if (!isNumber(gamma) || gamma <= 0 || gamma > 1) fail('gamma', 'in (0, 1]', gamma);
      return stepwise((step) => baseLr * gamma ** (step / stepsPerEpoch));
    }
    case 'cosine': {
      const minLr = checkMinLr(config.minLr ?? 0, baseLr);
      return stepwise((step) => cosineBetween(baseLr, minLr, step / totalSteps));
    }
    case 'warmup_cosine': {
      const minLr = checkMinLr(config.minLr ?? 0, baseLr);
      const warmupEpochs = config.warmupEpochs ?? Math.min(1, epochs / 10);
      // Rounding may eat the last steps, so the check is on steps: the cosine needs at least one.
      const warmupSteps = Math.round(warmupEpochs * stepsPerEpoch);
      if (!isNumber(warmupEpochs) || warmupEpochs < 0 || !(warmupSteps < totalSteps)) {
        fail('warmupEpochs', `≥ 0 and leave at least one of the ${totalSteps} steps after warmup`, warmupEpochs);
      }
      const decaySteps = totalSteps - warmupSteps;
      return stepwise((step) => (step < warmupSteps ? (baseLr * (step + 1)) / warmupSteps : cosineBetween(baseLr, minLr, (step - warmupSteps) / decaySteps)));
    }
    case 'reduce_on_plateau': {
      const factor = config.factor ?? 0.5;
      const patience = config.patience ?? 2;
      if (!isNumber(factor) || factor <= 0 || factor >= 1) fail('factor', 'in (0, 1)', factor);
      if (!Number.isInteger(patience) || patience < 0) fail('patience', 'an integer ≥ 0', patience);
      const minLr = checkMinLr(config.minLr ?? (baseLr > 1e-6 ? 1e-6 : 0), baseLr);
      return plateau(baseLr, factor, patience, minLr);
    }
    default:
      throw new ConfigError(`schedule.type must be one of ${SCHEDULE_TYPES.join(', ')}, got ${show((config as { type: unknown }).type)}`);
  }
}
