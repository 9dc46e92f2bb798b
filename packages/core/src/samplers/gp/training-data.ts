import type { SearchSpace } from '../../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import { encodeValue, gpDimension, inactiveCoordinate, type GpDimension } from './gp-dimension.js';
import type { Inputs } from './kernel-params.js';
import { warpValues } from './output-warp.js';
import { spaceLayout, type SpaceLayout } from './space-walk.js';

/** What the GP is conditioned on, in its own coordinates. */
export interface TrainingData {
  /** The params the GP models (every param with more than one value), in space order. */
  readonly dimensions: readonly GpDimension[];
  /** Where the dimensions sit in the space (conditions), for proposing legal points. */
  readonly layout: SpaceLayout;
  /** Observed trials' rows first, then the pending trials' (the constant liar's) rows. */
  readonly inputs: Inputs;
  /** n × dims, 1 where the row's trial has the param (active), 0 where its coordinate is imputed. */
  readonly active: Uint8Array;
  /** Warped values (see warpValues), larger is better whatever the direction; lies included. */
  readonly y: Float64Array;
  /** Rows [0, observed) are real observations. */
  readonly observed: number;
  /** The best warped observed value: EI's incumbent. */
  readonly best: number;
}

/** A trial whose value the GP can learn from: COMPLETE with a finite value. */
export function isObservation(trial: FrozenTrial): boolean {
  return trial.state === 'COMPLETE' && trial.value !== undefined && Number.isFinite(trial.value);
}

function isPending(trial: FrozenTrial): boolean {
  return trial.state === 'QUEUED' || trial.state === 'RUNNING';
}

/**
 * The row of `trial` in `dimensions`' coordinates, a param the trial does not have (inactive) at its
 * imputed coordinate; undefined when a value is unplaceable (a number param holding a string).
 */
function encodeTrial(dimensions: readonly GpDimension[], trial: FrozenTrial): number[] | undefined {
  const row: number[] = [];
  for (const dimension of dimensions) {
    if (!(dimension.name in trial.params)) {
      row.push(inactiveCoordinate(dimension));
      continue;
    }
    const u = encodeValue(dimension, trial.params[dimension.name]);
    if (u === undefined) return undefined;
    row.push(u);
  }
  return row;
}

/**
 * The GP's training data from a history:
 * - observations: COMPLETE trials with a finite value. PRUNED trials are left out (their value is
 *   an intermediate one, not the objective) and FAILED ones have none;
 * - dimensions: every param with something to model. A conditional param in a trial where it is
 *   inactive (absent from the trial's params) gets a fixed imputed coordinate (inactiveCoordinate),
 *   so the kernel sees "inactive" the same way everywhere; the categorical parent's same/different
 *   term already keeps the branches apart;
 * - values: negated when minimizing, then standardized, warped and shifted (warpValues: a long tail
 *   of bad values compressed, a pessimistic prior mean), so one set of priors fits every
 *   objective's scale;
 * - pending (QUEUED/RUNNING) trials, the constant liar: each gets the worst observed value, so the
 *   posterior mean drops and the variance collapses around a point already being tried, and a
 *   parallel ask looks elsewhere.
 * Returns undefined when nothing can be modelled (no observation, or no dimension).
 */
export function buildTrainingData(space: SearchSpace, trials: readonly FrozenTrial[], direction: Direction): TrainingData | undefined {
  const observations = trials.filter(isObservation);
  const dimensions: GpDimension[] = [];
  for (const definition of space.params) {
    const dimension = gpDimension(definition);
    if (dimension !== undefined) dimensions.push(dimension);
  }
  if (dimensions.length === 0) return undefined;

  const rows: number[][] = [];
  const trialsOfRows: FrozenTrial[] = [];
  const raw: number[] = [];
  const sign = direction === 'maximize' ? 1 : -1;
  for (const trial of observations) {
    const row = encodeTrial(dimensions, trial);
    if (row === undefined) continue;
    rows.push(row);
    trialsOfRows.push(trial);
    raw.push(sign * (trial.value as number));
  }
  const observed = rows.length;
  if (observed === 0) return undefined;
  const standardized = warpValues(raw);
  // Loops, not Math.max(...values): a spread of a long history can overflow the call stack.
  let best = -Infinity;
  let worst = Infinity;
  for (const v of standardized) {
    best = Math.max(best, v);
    worst = Math.min(worst, v);
  }

  for (const trial of trials) {
    if (!isPending(trial)) continue;
    const row = encodeTrial(dimensions, trial);
    if (row === undefined) continue;
    rows.push(row);
    trialsOfRows.push(trial);
    standardized.push(worst);
  }

  const dims = dimensions.length;
  const x = new Float64Array(rows.length * dims);
  rows.forEach((row, i) => x.set(row, i * dims));
  const active = new Uint8Array(rows.length * dims);
  trialsOfRows.forEach((trial, i) => dimensions.forEach((dimension, d) => (active[i * dims + d] = dimension.name in trial.params ? 1 : 0)));
  const categorical = Uint8Array.from(dimensions, (d) => (d.kind === 'categorical' ? 1 : 0));
  const layout = spaceLayout(space, dimensions);
  return { dimensions, layout, inputs: { x, n: rows.length, dims, categorical }, active, y: Float64Array.from(standardized), observed, best };
}
