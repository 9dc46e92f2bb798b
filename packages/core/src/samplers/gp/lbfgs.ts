/**
 * A small deterministic L-BFGS minimizer (Nocedal & Wright, algorithm 7.4) with a backtracking
 * Armijo line search. No randomness and a fixed iteration cap, so a fit costs a bounded amount and
 * the same inputs always give the same hyperparameters.
 */

/** f(x), writing ∇f(x) into `gradient`; may return Infinity for an infeasible x. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  /** Line searches at most. */
  readonly maxIterations: number;
  /** Pairs (s, y) kept for the inverse-Hessian estimate. Default 8. */
  readonly memory?: number;
  /** Stop once every |∂f/∂x_k| is below this. Default 1e-4. */
  readonly gradientTolerance?: number;
}

export interface LbfgsResult {
  readonly x: Float64Array;
  readonly value: number;
  /** Objective evaluations used, line-search trials included. */
  readonly evaluations: number;
}

const ARMIJO = 1e-4;
const MAX_BACKTRACKS = 20;

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += (a[k] as number) * (b[k] as number);
  return sum;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

/** −H·g by the two-loop recursion over the stored pairs (oldest first). */
function searchDirection(gradient: Float64Array, steps: readonly Float64Array[], changes: readonly Float64Array[]): Float64Array {
  const q = Float64Array.from(gradient);
  const alphas = new Float64Array(steps.length);
  for (let m = steps.length - 1; m >= 0; m--) {
    const s = steps[m] as Float64Array;
    const y = changes[m] as Float64Array;
    const a = dot(s, q) / dot(y, s);
    alphas[m] = a;
    for (let k = 0; k < q.length; k++) q[k] = (q[k] as number) - a * (y[k] as number);
  }
  const last = steps.length - 1;
  // The usual initial Hessian scaling sᵀy/yᵀy from the newest pair.
  const gamma =
    last >= 0 ? dot(steps[last] as Float64Array, changes[last] as Float64Array) / dot(changes[last] as Float64Array, changes[last] as Float64Array) : 1;
  for (let k = 0; k < q.length; k++) q[k] = (q[k] as number) * gamma;
  for (let m = 0; m < steps.length; m++) {
    const s = steps[m] as Float64Array;
    const y = changes[m] as Float64Array;
    const b = dot(y, q) / dot(y, s);
    const a = alphas[m] as number;
    for (let k = 0; k < q.length; k++) q[k] = (q[k] as number) + (a - b) * (s[k] as number);
  }
  for (let k = 0; k < q.length; k++) q[k] = -(q[k] as number);
  return q;
}

/**
 * Minimizes `objective` from `start`. Stops at the iteration cap, when the gradient is small, when
 * the value stops changing (relative 1e-10), or when no step along the search direction decreases
 * it. Returns `start` itself when even it is infeasible.
 */
export function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions): LbfgsResult {
  const memory = options.memory ?? 8;
  const tolerance = options.gradientTolerance ?? 1e-4;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(x.length);
  let value = objective(x, gradient);
  let evaluations = 1;
  if (!Number.isFinite(value)) return { x, value, evaluations };
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];

  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    if (maxAbs(gradient) < tolerance) break;
    let direction = searchDirection(gradient, steps, changes);
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      steps.length = 0;
      changes.length = 0;
      direction = Float64Array.from(gradient, (g) => -g);
      slope = dot(direction, gradient);
    }
    // Without curvature pairs the direction is the raw gradient: cap the first step's length at 1.
    let step = steps.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const candidate = new Float64Array(x.length);
    const candidateGradient = new Float64Array(x.length);
    let candidateValue = Infinity;
    let accepted = false;
    for (let t = 0; t < MAX_BACKTRACKS; t++) {
      for (let k = 0; k < x.length; k++) candidate[k] = (x[k] as number) + step * (direction[k] as number);
      candidateValue = objective(candidate, candidateGradient);
      evaluations++;
      if (Number.isFinite(candidateValue) && candidateValue <= value + ARMIJO * step * slope) {
        accepted = true;
        break;
      }
      step *= Number.isFinite(candidateValue) ? 0.5 : 0.1;
    }
    if (!accepted) break;

    const s = new Float64Array(x.length);
    const y = new Float64Array(x.length);
    for (let k = 0; k < x.length; k++) {
      s[k] = (candidate[k] as number) - (x[k] as number);
      y[k] = (candidateGradient[k] as number) - (gradient[k] as number);
    }
    if (dot(s, y) > 1e-12) {
      steps.push(s);
      changes.push(y);
      if (steps.length > memory) {
        steps.shift();
        changes.shift();
      }
    }
    const converged = Math.abs(value - candidateValue) <= 1e-10 * (1 + Math.abs(value));
    x = candidate;
    gradient = candidateGradient;
    value = candidateValue;
    if (converged) break;
  }
  return { x, value, evaluations };
}
