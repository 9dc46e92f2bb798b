import { normal, type RandomSource } from '../../random.js';
import { gridCoordinate, gridIndexAt, randomCoordinate, valueCount, type GpDimension } from './gp-dimension.js';
import { predictMany, predictWithGradient, type Posterior } from './gp-posterior.js';
import { logH, logHSlope } from './log-ei.js';
import { settle, type SpaceLayout } from './space-walk.js';
import type { TrainingData } from './training-data.js';

export interface AcquisitionSearchOptions {
  /** Uniform random candidates in the pool. */
  readonly candidates: number;
  /** Best pool points refined by local search. */
  readonly localSearches: number;
}

/** The best observed points, each perturbed this many times into the pool: exploitation near what works. */
const ANCHORS = 5;
const PERTURBATIONS_PER_ANCHOR = 8;
/** Perturbation sd in normalized coordinates: a local move, a twentieth of the range. */
const PERTURBATION_SD = 0.05;
/** Rounds of (gradient steps on continuous dims, then a pass over discrete ones) per local search. */
const LOCAL_ROUNDS = 3;
const GRADIENT_STEPS = 6;
/** A discrete dimension with at most this many values tries all of them; larger ones try near moves. */
const EXHAUSTIVE_VALUES = 12;

interface Scored {
  readonly point: Float64Array;
  readonly value: number;
  /** 1 where the point's param is active (the others hold their imputed coordinate). */
  readonly active: Uint8Array;
}

/** What local search needs besides the posterior. */
interface SearchContext {
  readonly posterior: Posterior;
  readonly best: number;
  readonly dimensions: readonly GpDimension[];
  readonly layout: SpaceLayout;
  readonly random: RandomSource;
}

function logEi(mean: number, variance: number, best: number): number {
  const sd = Math.sqrt(variance);
  return Math.log(sd) + logH((mean - best) / sd);
}

/** log EI at many points at once (rows of `points`). */
function logEiMany(posterior: Posterior, best: number, points: Float64Array, count: number): Float64Array {
  const mean = new Float64Array(count);
  const variance = new Float64Array(count);
  predictMany(posterior, points, count, mean, variance);
  const out = new Float64Array(count);
  for (let c = 0; c < count; c++) out[c] = logEi(mean[c] as number, variance[c] as number, best);
  return out;
}

/** log EI and its gradient along the continuous dimensions (chain rule through σ and z). */
function logEiWithGradient(posterior: Posterior, best: number, point: Float64Array, continuous: readonly number[]): { value: number; gradient: Float64Array } {
  const p = predictWithGradient(posterior, point, continuous);
  const sd = Math.sqrt(p.variance);
  const z = (p.mean - best) / sd;
  const slope = logHSlope(z);
  const gradient = new Float64Array(continuous.length);
  for (let m = 0; m < continuous.length; m++) {
    const dSd = (p.varianceGradient[m] as number) / (2 * sd);
    const dZ = ((p.meanGradient[m] as number) - z * dSd) / sd;
    gradient[m] = dSd / sd + slope * dZ;
  }
  return { value: Math.log(sd) + logH(z), gradient };
}

/** Projected gradient ascent on the continuous dimensions, with a step that grows on success and shrinks on failure. */
function gradientAscent(posterior: Posterior, best: number, start: Scored, continuous: readonly number[]): Scored {
  let point = start.point;
  let current = logEiWithGradient(posterior, best, point, continuous);
  let step = 0.05;
  for (let s = 0; s < GRADIENT_STEPS && step > 1e-4; s++) {
    let norm = 0;
    for (const g of current.gradient) norm += g * g;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-12)) break;
    const trial = Float64Array.from(point);
    continuous.forEach((d, m) => {
      trial[d] = Math.min(Math.max((point[d] as number) + (step * (current.gradient[m] as number)) / norm, 0), 1);
    });
    const next = logEiWithGradient(posterior, best, trial, continuous);
    if (next.value > current.value) {
      point = trial;
      current = next;
      step = Math.min(step * 2, 0.5);
    } else {
      step *= 0.25;
    }
  }
  return current.value > start.value ? { point, value: current.value, active: start.active } : start;
}

/** The coordinates a discrete or categorical dimension may move to from `u`. */
function alternatives(dimension: GpDimension, u: number): number[] {
  const count = valueCount(dimension);
  if (dimension.kind === 'categorical') return Array.from({ length: count }, (_, k) => k).filter((k) => k !== u);
  if (dimension.kind !== 'discrete') return [];
  const k = gridIndexAt(dimension, u);
  const jump = Math.max(2, Math.round(count / 10));
  const indices = count <= EXHAUSTIVE_VALUES ? Array.from({ length: count }, (_, j) => j) : [k - jump, k - 1, k + 1, k + jump];
  return [...new Set(indices.filter((j) => j >= 0 && j < count && j !== k))].map((j) => gridCoordinate(dimension, j));
}

/**
 * One pass over the active discrete and categorical dimensions, each moved to its best alternative
 * if that helps. Moving a parent (a param a condition names) re-settles the point: the params of
 * the branch left are imputed, those of the branch entered drawn at random.
 */
function coordinatePass(search: SearchContext, start: Scored): Scored {
  const { posterior, best, dimensions, layout, random } = search;
  let current = start;
  const dims = dimensions.length;
  dimensions.forEach((dimension, d) => {
    if (current.active[d] !== 1) return;
    const options = alternatives(dimension, current.point[d] as number);
    if (options.length === 0) return;
    const rows = new Float64Array(options.length * dims);
    const masks = options.map((u, r) => {
      rows.set(current.point, r * dims);
      rows[r * dims + d] = u;
      return layout.parent[d] === 1 ? settle(layout, dimensions, rows.subarray(r * dims, (r + 1) * dims), current.active, random) : current.active;
    });
    const values = logEiMany(posterior, best, rows, options.length);
    let bestRow = -1;
    let bestValue = current.value;
    values.forEach((v, r) => {
      if (v > bestValue) {
        bestValue = v;
        bestRow = r;
      }
    });
    if (bestRow >= 0) current = { point: rows.slice(bestRow * dims, (bestRow + 1) * dims), value: bestValue, active: masks[bestRow] as Uint8Array };
  });
  return current;
}

/** The dimensions gradient steps move: active floats without step that decide no condition. */
function continuousDimensions(search: SearchContext, active: Uint8Array): number[] {
  return search.dimensions.flatMap((dimension, d) => (dimension.kind === 'continuous' && active[d] === 1 && search.layout.parent[d] !== 1 ? [d] : []));
}

function localSearch(search: SearchContext, start: Scored): Scored {
  let current = start;
  for (let round = 0; round < LOCAL_ROUNDS; round++) {
    const before = current.value;
    const continuous = continuousDimensions(search, current.active);
    if (continuous.length > 0) current = gradientAscent(search.posterior, search.best, current, continuous);
    current = coordinatePass(search, current);
    if (current.value - before < 1e-6) break;
  }
  return current;
}

/**
 * The pool: uniform draws, then perturbations of the best observed points (of their active params;
 * a changed parent re-settles its children). Every point is legal (see settle).
 */
function candidatePool(data: TrainingData, random: RandomSource, uniform: number): { points: Float64Array; actives: Uint8Array; count: number } {
  const { dimensions, inputs, y, observed, layout } = data;
  const dims = dimensions.length;
  const anchors = Array.from({ length: observed }, (_, i) => i)
    .sort((a, b) => (y[b] as number) - (y[a] as number) || a - b)
    .slice(0, ANCHORS);
  const count = uniform + anchors.length * PERTURBATIONS_PER_ANCHOR;
  const points = new Float64Array(count * dims);
  const actives = new Uint8Array(count * dims);
  const view = (r: number): Float64Array => points.subarray(r * dims, (r + 1) * dims);
  let row = 0;
  for (; row < uniform; row++) actives.set(settle(layout, dimensions, view(row), undefined, random), row * dims);
  for (const anchor of anchors) {
    const anchorActive = data.active.subarray(anchor * dims, (anchor + 1) * dims);
    let activeCount = 0;
    for (const a of anchorActive) activeCount += a;
    for (let p = 0; p < PERTURBATIONS_PER_ANCHOR; p++, row++) {
      dimensions.forEach((dimension, d) => {
        const u = inputs.x[anchor * dims + d] as number;
        let moved = u;
        if (anchorActive[d] !== 1)
          moved = u; // an inactive param keeps its imputed coordinate
        else if (dimension.kind === 'continuous') moved = Math.min(Math.max(u + PERTURBATION_SD * normal(random), 0), 1);
        else if (random() < 1 / activeCount) moved = randomCoordinate(dimension, random);
        points[row * dims + d] = moved;
      });
      actives.set(settle(layout, dimensions, view(row), anchorActive, random), row * dims);
    }
  }
  return { points, actives, count };
}

/**
 * The point maximizing log EI over the posterior, Optuna 4's way: score a seeded pool (uniform
 * draws plus perturbations of the best trials) in one batch, then refine the best few by local
 * search — gradient steps for continuous dimensions, trying other values for discrete and
 * categorical ones — and keep the best result. Every coordinate of the answer is a legal value's
 * (grid points for discrete dimensions, indices for categorical ones), and in a conditional space
 * exactly the active params have one: the inactive ones hold their imputed coordinate.
 * @returns the chosen point in normalized coordinates (data.dimensions order).
 */
export function maximizeAcquisition(posterior: Posterior, data: TrainingData, random: RandomSource, options: AcquisitionSearchOptions): Float64Array {
  const dims = data.dimensions.length;
  const { points, actives, count } = candidatePool(data, random, options.candidates);
  const scores = logEiMany(posterior, data.best, points, count);
  const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const search: SearchContext = { posterior, best: data.best, dimensions: data.dimensions, layout: data.layout, random };
  let winner: Scored | undefined;
  for (const index of order.slice(0, options.localSearches)) {
    const start = {
      point: points.slice(index * dims, (index + 1) * dims),
      value: scores[index] as number,
      active: actives.slice(index * dims, (index + 1) * dims),
    };
    const refined = localSearch(search, start);
    if (winner === undefined || refined.value > winner.value) winner = refined;
  }
  return winner?.point ?? points.slice(0, dims);
}
