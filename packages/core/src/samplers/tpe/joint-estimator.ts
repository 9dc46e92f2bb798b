import type { RandomSource } from '../../random.js';
import { contains, type ParamValue } from '../../search-space/distributions.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import type { NumericDistribution } from '../step-grid.js';
import { buildCategoricalEstimator, type CategoricalEstimator } from './categorical-estimator.js';
import { defaultWeights } from './default-weights.js';
import type { NumericDomain } from './numeric-domain.js';
import { pick } from './parzen-estimator.js';
import { logMass, sampleTruncatedStandard } from './truncated-normal.js';

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Optuna's multivariate bandwidth factor: σ = 0.2·n^(−1/(d + 4))·range (a Scott-like rule, as in BOHB). */
const SIGMA0_MAGNITUDE = 0.2;

/** One param of a jointly modelled group. */
export type JointParam =
  | { readonly kind: 'numeric'; readonly name: string; readonly distribution: NumericDistribution; readonly domain: NumericDomain }
  | { readonly kind: 'categorical'; readonly name: string; readonly choices: readonly ParamValue[] };

/** A numeric dimension's kernels (one per observation, the prior last), in observation order. */
export interface JointNumericDimension {
  readonly kind: 'numeric';
  readonly param: Extract<JointParam, { kind: 'numeric' }>;
  readonly mus: Float64Array;
  readonly sigmas: Float64Array;
  /** log of each kernel's mass inside [low, high]. */
  readonly logMasses: Float64Array;
}

export interface JointCategoricalDimension {
  readonly kind: 'categorical';
  readonly param: Extract<JointParam, { kind: 'categorical' }>;
  readonly estimator: CategoricalEstimator;
}

export type JointDimension = JointNumericDimension | JointCategoricalDimension;

/**
 * Multivariate TPE's estimator of a group of params: one kernel per observation (a trial where the
 * group was active), each a product over the params of a truncated normal (numeric) or of the
 * observation's categorical distribution, plus a prior kernel (σ = range, uniform choices). All
 * numeric kernels of an observation share Optuna's bandwidth 0.2·n^(−1/(d + 4))·range, clipped like
 * the univariate ones, so a kernel stays where its observation's params were *together*.
 */
export interface JointEstimator {
  readonly dimensions: readonly JointDimension[];
  /** Kernel weights, observations first, the prior last, summing to 1. */
  readonly weights: Float64Array;
  readonly cumulativeWeights: Float64Array;
}

/** A group's observed values per param: numeric ones as internal positions, categorical ones as choice indices. */
export function jointObservations(params: readonly JointParam[], trials: readonly FrozenTrial[]): Float64Array[] {
  const columns: number[][] = params.map(() => []);
  for (const trial of trials) {
    let d = 0;
    for (; d < params.length; d++) {
      const param = params[d] as JointParam;
      const value = trial.params[param.name];
      const position = value === undefined ? undefined : positionOf(param, value);
      // A trial counts only with every param of the group active and legal now.
      if (position === undefined) break;
      (columns[d] as number[]).push(position);
    }
    if (d < params.length) for (let undo = 0; undo < d; undo++) (columns[undo] as number[]).pop();
  }
  // The constructor copies an array in one pass; Float64Array.from goes through its iterator.
  return columns.map((column) => new Float64Array(column));
}

function positionOf(param: JointParam, value: ParamValue): number | undefined {
  if (param.kind === 'categorical') {
    const index = param.choices.indexOf(value);
    return index < 0 ? undefined : index;
  }
  return contains(param.distribution, value) ? param.domain.toInternal(value as number) : undefined;
}

/** Builds the estimator of `params` from the trials where the group was active. */
export function buildJointEstimator(params: readonly JointParam[], trials: readonly FrozenTrial[], priorWeight: number): JointEstimator {
  const columns = jointObservations(params, trials);
  const n = columns[0]?.length ?? 0;
  const m = n + 1;
  const observationWeights = defaultWeights(n);
  let total = priorWeight;
  for (let i = 0; i < n; i++) total += observationWeights[i] as number;
  const weights = new Float64Array(m);
  const cumulativeWeights = new Float64Array(m);
  let running = 0;
  for (let k = 0; k < m; k++) {
    weights[k] = (k < n ? (observationWeights[k] as number) : priorWeight) / total;
    running += weights[k] as number;
    cumulativeWeights[k] = running;
  }
  const sigma0 = SIGMA0_MAGNITUDE * Math.max(n, 1) ** (-1 / (params.length + 4));
  const dimensions = params.map((param, d): JointDimension => {
    const observed = columns[d] as Float64Array;
    if (param.kind === 'categorical') {
      return {
        kind: 'categorical',
        param,
        estimator: buildCategoricalEstimator(param.choices.length, Int32Array.from(observed), observationWeights, priorWeight),
      };
    }
    const { low, high } = param.domain;
    const range = high - low;
    const sigma = Math.min(Math.max(sigma0 * range, range / Math.min(100, 1 + m)), range);
    const mus = new Float64Array(m);
    mus.set(observed);
    mus[n] = (low + high) / 2;
    const sigmas = new Float64Array(m).fill(sigma);
    sigmas[n] = range;
    const logMasses = new Float64Array(m);
    // Observation kernels share σ, so an int's equal centres share a mass.
    const massAt = param.distribution.kind === 'int' ? new Map<number, number>() : undefined;
    for (let k = 0; k < n; k++) {
      const mu = mus[k] as number;
      let mass = massAt?.get(mu);
      if (mass === undefined) {
        mass = logMass((low - mu) / sigma, (high - mu) / sigma);
        massAt?.set(mu, mass);
      }
      logMasses[k] = mass;
    }
    logMasses[n] = logMass(-0.5, 0.5);
    return { kind: 'numeric', param, mus, sigmas, logMasses };
  });
  return { dimensions, weights, cumulativeWeights };
}

/**
 * `count` joint draws: a kernel by weight per draw, then each param from that kernel. Returns per
 * param the legal values and their positions (internal position of the rounded value, or choice
 * index), the positions being what the draws are scored at.
 */
export function sampleJoint(estimator: JointEstimator, count: number, random: RandomSource): { values: ParamValue[][]; positions: Float64Array[] } {
  const kernels = new Int32Array(count);
  for (let i = 0; i < count; i++) kernels[i] = pick(estimator.cumulativeWeights, random());
  const values: ParamValue[][] = [];
  const positions: Float64Array[] = [];
  for (const dimension of estimator.dimensions) {
    const column: ParamValue[] = [];
    const at = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const k = kernels[i] as number;
      if (dimension.kind === 'categorical') {
        const c = sampleKernelChoice(dimension.estimator, k, random());
        column.push(dimension.param.choices[c] as ParamValue);
        at[i] = c;
      } else {
        const { low, high } = dimension.param.domain;
        const mu = dimension.mus[k] as number;
        const sigma = dimension.sigmas[k] as number;
        const z = sampleTruncatedStandard((low - mu) / sigma, (high - mu) / sigma, dimension.logMasses[k] as number, random());
        const value = dimension.param.domain.toValue(Math.min(Math.max(mu + sigma * z, low), high));
        column.push(value);
        at[i] = dimension.param.domain.toInternal(value);
      }
    }
    values.push(column);
    positions.push(at);
  }
  return { values, positions };
}

function sampleKernelChoice(estimator: CategoricalEstimator, kernel: number, u: number): number {
  const k = estimator.choiceCount;
  if (kernel === estimator.observed.length) return Math.min(Math.floor(u * k), k - 1);
  const observed = estimator.observed[kernel] as number;
  // Walk the kernel's cumulative distribution: floor on every choice, plus peak on the observed one.
  let running = 0;
  for (let c = 0; c < k; c++) {
    running += estimator.floor + (c === observed ? estimator.peak : 0);
    if (u < running) return c;
  }
  return k - 1;
}

/**
 * The joint log likelihood of each candidate (positions per param, as sampleJoint returns them),
 * written to `out`: log Σ_k w_k·Π_d kernel_k,d(x_d), with a param on a linear grid scored by its
 * cell's mass and a continuous one by Optuna 3.1's σ-free kernel score, as in the univariate model.
 */
export function jointLogLikelihoods(estimator: JointEstimator, positions: readonly Float64Array[], out: Float64Array): void {
  const m = estimator.weights.length;
  // Loops, not TypedArray.prototype.map, here and below: its callback per element costs 5–7×.
  const logWeights = new Float64Array(m);
  for (let k = 0; k < m; k++) logWeights[k] = Math.log(estimator.weights[k] as number);
  const scorers = estimator.dimensions.map((dimension) => dimensionScorer(dimension, m));
  // Candidate by candidate, one row of m kernel terms that stays in cache while every dimension adds to it.
  const row = new Float64Array(m);
  for (let i = 0; i < out.length; i++) {
    row.set(logWeights);
    scorers.forEach((score, d) => score((positions[d] as Float64Array)[i] as number, row));
    let max = -Infinity;
    for (let k = 0; k < m; k++) if ((row[k] as number) > max) max = row[k] as number;
    let sum = 0;
    for (let k = 0; k < m; k++) {
      const delta = (row[k] as number) - max;
      // As in logDensities: terms e^40 below the largest cannot change the sum.
      if (delta > -40) sum += Math.exp(delta);
    }
    out[i] = max + Math.log(sum);
  }
}

/** A function adding each kernel's log score of a value in this dimension to a row of m terms. */
function dimensionScorer(dimension: JointDimension, m: number): (x: number, row: Float64Array) => void {
  if (dimension.kind === 'categorical') {
    const { estimator } = dimension;
    const logFloor = Math.log(estimator.floor);
    const logHit = Math.log(estimator.floor + estimator.peak);
    const logUniform = -Math.log(estimator.choiceCount);
    const observed = estimator.observed;
    // Each kernel's log probability of a choice, one row per choice, built when a candidate first
    // takes it: adding a row is branch-free, where comparing each kernel's choice to the
    // candidate's mispredicted about as often as the choices are mixed.
    const rows: (Float64Array | undefined)[] = [];
    return (c, row) => {
      let terms = rows[c];
      if (terms === undefined) {
        terms = new Float64Array(m);
        for (let k = 0; k < m - 1; k++) terms[k] = observed[k] === c ? logHit : logFloor;
        terms[m - 1] = logUniform;
        rows[c] = terms;
      }
      for (let k = 0; k < m; k++) row[k] = (row[k] as number) + (terms[k] as number);
    };
  }
  const { mus, sigmas, logMasses } = dimension;
  const { low, high, halfCell } = dimension.param.domain;
  if (halfCell === undefined) {
    // Without −log σ, as Optuna 3.1 and the univariate model (see logDensities).
    const offsets = new Float64Array(m);
    for (let k = 0; k < m; k++) offsets[k] = -(logMasses[k] as number) - LOG_SQRT_2PI;
    // The observation kernels share one σ (buildJointEstimator), so its inverse is a scalar; the
    // prior, last, has its own.
    const n = m - 1;
    const inverseSigma = n > 0 ? 1 / (sigmas[0] as number) : 0;
    const inversePriorSigma = 1 / (sigmas[n] as number);
    const priorMu = mus[n] as number;
    return (x, row) => {
      for (let k = 0; k < n; k++) {
        const z = (x - (mus[k] as number)) * inverseSigma;
        row[k] = (row[k] as number) + (offsets[k] as number) - 0.5 * z * z;
      }
      const z = (x - priorMu) * inversePriorSigma;
      row[n] = (row[n] as number) + (offsets[n] as number) - 0.5 * z * z;
    };
  }
  // A grid value's cell mass needs two erfc per kernel: computed once per distinct value.
  const cells = new Map<number, Float64Array>();
  return (x, row) => {
    let cell = cells.get(x);
    if (cell === undefined) {
      cell = new Float64Array(m);
      for (let k = 0; k < m; k++) {
        const mu = mus[k] as number;
        const sigma = sigmas[k] as number;
        cell[k] = logMass((Math.max(x - halfCell, low) - mu) / sigma, (Math.min(x + halfCell, high) - mu) / sigma) - (logMasses[k] as number);
      }
      cells.set(x, cell);
    }
    for (let k = 0; k < m; k++) row[k] = (row[k] as number) + (cell[k] as number);
  };
}
