/**
 * The recurrence of CONTRACT.md written as plainly as possible, in float64: the yardstick the
 * WebAssembly kernel is tested against (and itself checked against finite differences). One
 * sequence at a time, one vector per quantity, no flushing; speed does not matter here.
 */
import { checkRecurrence, gateCount, type RecurrenceArrays, type RecurrenceGradients, type RecurrenceProblem } from './kernel-problem.js';

type Arrays = RecurrenceArrays<ArrayLike<number>>;
type Vec = Float64Array<ArrayBuffer>;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const relu = (x: number) => (x > 0 ? x : 0);

/** y[j] = Σ_k v[k]·M[k, col0 + j] for j < n, M row-major with `cols` columns: a row vector times a block of M. */
function vecTimes(v: Vec, m: ArrayLike<number>, cols: number, col0: number, n: number): Vec {
  const y = new Float64Array(n);
  for (let k = 0; k < v.length; k++) {
    const vk = v[k]!;
    for (let j = 0; j < n; j++) y[j]! += vk * m[k * cols + col0 + j]!;
  }
  return y;
}

/** y[k] = Σ_j M[k, col0 + j]·g[j]: the gradient of vecTimes with respect to v. */
function timesTransposed(g: Vec, m: ArrayLike<number>, cols: number, col0: number, rows: number): Vec {
  const y = new Float64Array(rows);
  for (let k = 0; k < rows; k++) {
    let sum = 0;
    for (let j = 0; j < g.length; j++) sum += m[k * cols + col0 + j]! * g[j]!;
    y[k] = sum;
  }
  return y;
}

/** dM[k, col0 + j] += v[k]·g[j]: the gradient of vecTimes with respect to M. */
function addOuter(dm: Vec, cols: number, col0: number, v: Vec, g: Vec): void {
  for (let k = 0; k < v.length; k++) for (let j = 0; j < g.length; j++) dm[k * cols + col0 + j]! += v[k]! * g[j]!;
}

const map = (n: number, f: (j: number) => number): Vec => Float64Array.from({ length: n }, (_, j) => f(j));

interface State {
  readonly h: Vec;
  readonly c: Vec;
}

/** One real step of one sequence: its new state, and a backward function for it. */
interface Step {
  readonly next: State;
  /** From dL/dh_t, dL/dc_t: dL/dxProj_t, dL/dh_{t−1}, dL/dc_{t−1}; adds into the weight gradients. */
  readonly back: (dh: Vec, dc: Vec) => { dx: Vec; dh: Vec; dc: Vec };
}

interface Grads {
  readonly dU: Vec;
  readonly dW2: Vec;
  readonly db2: Vec;
}

function cellStep(problem: RecurrenceProblem, arrays: Arrays, grads: Grads, t: number, b: number, x: Vec, prev: State): Step {
  const { units: H, batch: B } = problem;
  const U = arrays.recurrentKernel;
  const r = (j: number) => (arrays.recurrentDropoutMask ? arrays.recurrentDropoutMask[b * H + j]! : 1);
  const hr = map(H, (j) => prev.h[j]! * r(j));
  const zeros = new Float64Array(H);
  switch (problem.cell) {
    case 'simple': {
      const z = vecTimes(hr, U, H, 0, H).map((v, j) => v + x[j]!);
      const h = z.map(problem.activation === 'relu' ? relu : Math.tanh);
      return {
        next: { h, c: zeros },
        back: (dh) => {
          const dz = map(H, (j) => dh[j]! * (problem.activation === 'relu' ? (z[j]! > 0 ? 1 : 0) : 1 - h[j]! ** 2));
          addOuter(grads.dU, H, 0, hr, dz);
          return { dx: dz, dh: timesTransposed(dz, U, H, 0, H).map((v, j) => v * r(j)), dc: zeros };
        },
      };
    }
    case 'lstm': {
      const z = vecTimes(hr, U, 4 * H, 0, 4 * H).map((v, j) => v + x[j]!);
      const i = map(H, (j) => sigmoid(z[j]!));
      const f = map(H, (j) => sigmoid(z[H + j]!));
      const g = map(H, (j) => Math.tanh(z[2 * H + j]!));
      const o = map(H, (j) => sigmoid(z[3 * H + j]!));
      const c = map(H, (j) => f[j]! * prev.c[j]! + i[j]! * g[j]!);
      const tc = c.map(Math.tanh);
      return {
        next: { h: map(H, (j) => o[j]! * tc[j]!), c },
        back: (dh, dc) => {
          const dct = map(H, (j) => dc[j]! + dh[j]! * o[j]! * (1 - tc[j]! ** 2));
          const dz = new Float64Array(4 * H);
          for (let j = 0; j < H; j++) {
            dz[j] = dct[j]! * g[j]! * i[j]! * (1 - i[j]!);
            dz[H + j] = dct[j]! * prev.c[j]! * f[j]! * (1 - f[j]!);
            dz[2 * H + j] = dct[j]! * i[j]! * (1 - g[j]! ** 2);
            dz[3 * H + j] = dh[j]! * tc[j]! * o[j]! * (1 - o[j]!);
          }
          addOuter(grads.dU, 4 * H, 0, hr, dz);
          return { dx: dz, dh: timesTransposed(dz, U, 4 * H, 0, H).map((v, j) => v * r(j)), dc: map(H, (j) => dct[j]! * f[j]!) };
        },
      };
    }
    case 'gru': {
      const zr = vecTimes(hr, U, 3 * H, 0, 2 * H);
      const z = map(H, (j) => sigmoid(x[j]! + zr[j]!));
      const rho = map(H, (j) => sigmoid(x[H + j]! + zr[H + j]!));
      const q = map(H, (j) => rho[j]! * hr[j]!);
      const hh = vecTimes(q, U, 3 * H, 2 * H, H).map((v, j) => Math.tanh(v + x[2 * H + j]!));
      return {
        next: { h: map(H, (j) => z[j]! * prev.h[j]! + (1 - z[j]!) * hh[j]!), c: zeros },
        back: (dh) => {
          const daz = map(H, (j) => dh[j]! * (prev.h[j]! - hh[j]!) * z[j]! * (1 - z[j]!));
          const dah = map(H, (j) => dh[j]! * (1 - z[j]!) * (1 - hh[j]! ** 2));
          const dq = timesTransposed(dah, U, 3 * H, 2 * H, H);
          const dar = map(H, (j) => dq[j]! * hr[j]! * rho[j]! * (1 - rho[j]!));
          addOuter(grads.dU, 3 * H, 0, hr, daz);
          addOuter(grads.dU, 3 * H, H, hr, dar);
          addOuter(grads.dU, 3 * H, 2 * H, q, dah);
          const viaZ = timesTransposed(daz, U, 3 * H, 0, H);
          const viaR = timesTransposed(dar, U, 3 * H, H, H);
          const dhr = map(H, (j) => dq[j]! * rho[j]! + viaZ[j]! + viaR[j]!);
          const dx = new Float64Array(3 * H);
          dx.set(daz, 0);
          dx.set(dar, H);
          dx.set(dah, 2 * H);
          return { dx, dh: map(H, (j) => dh[j]! * z[j]! + dhr[j]! * r(j)), dc: zeros };
        },
      };
    }
    case 'loop': {
      const W2 = arrays.kernel2!;
      const b2 = arrays.bias2!;
      const at = (mask: ArrayLike<number> | undefined, j: number) => (mask ? mask[(t * B + b) * H + j]! : 1);
      const p = vecTimes(prev.h, U, H, 0, H).map((v, j) => v + x[j]!);
      const a = map(H, (j) => relu(Math.tanh(p[j]!)) * at(arrays.dropoutMask1, j));
      const q2 = vecTimes(a, W2, H, 0, H).map((v, j) => v + b2[j]!);
      const slope = (v: number) => (v > 0 ? 1 - Math.tanh(v) ** 2 : 0);
      return {
        next: { h: map(H, (j) => relu(Math.tanh(q2[j]!)) * at(arrays.dropoutMask2, j)), c: zeros },
        back: (dh) => {
          const dq2 = map(H, (j) => dh[j]! * at(arrays.dropoutMask2, j) * slope(q2[j]!));
          addOuter(grads.dW2, H, 0, a, dq2);
          dq2.forEach((v, j) => (grads.db2[j]! += v));
          const da = timesTransposed(dq2, W2, H, 0, H);
          const dp = map(H, (j) => da[j]! * at(arrays.dropoutMask1, j) * slope(p[j]!));
          addOuter(grads.dU, H, 0, prev.h, dp);
          return { dx: dp, dh: timesTransposed(dp, U, H, 0, H), dc: zeros };
        },
      };
    }
  }
}

function run(problem: RecurrenceProblem, arrays: Arrays, dOutput?: ArrayLike<number>): { output: Vec; gradients: RecurrenceGradients<Vec> } {
  checkRecurrence(problem, arrays);
  const { steps: T, batch: B, units: H } = problem;
  const GH = gateCount(problem.cell) * H;
  const output = new Float64Array(T * B * H);
  const grads: Grads = { dU: new Float64Array(H * GH), dW2: new Float64Array(H * H), db2: new Float64Array(H) };
  const dXProj = new Float64Array(T * B * GH);
  for (let b = 0; b < B; b++) {
    let state: State = { h: new Float64Array(H), c: new Float64Array(H) };
    const steps: (Step | undefined)[] = [];
    for (let t = 0; t < T; t++) {
      const real = !arrays.mask || arrays.mask[t * B + b] !== 0;
      const x = Float64Array.from({ length: GH }, (_, j) => arrays.xProj[(t * B + b) * GH + j]!);
      const step = real ? cellStep(problem, arrays, grads, t, b, x, state) : undefined;
      if (step) state = step.next;
      steps.push(step);
      output.set(state.h, (t * B + b) * H);
    }
    if (!dOutput) continue;
    let dh = new Float64Array(H);
    let dc = new Float64Array(H);
    for (let t = T - 1; t >= 0; t--) {
      dh = dh.map((v, j) => v + dOutput[(t * B + b) * H + j]!);
      const step = steps[t];
      if (!step) continue; // padding: the gradient passes to t − 1 unchanged
      const back = step.back(dh, dc);
      dXProj.set(back.dx, (t * B + b) * GH);
      dh = back.dh;
      dc = back.dc;
    }
  }
  const gradients: RecurrenceGradients<Vec> = { xProj: dXProj, recurrentKernel: grads.dU };
  return { output, gradients: problem.cell === 'loop' ? { ...gradients, kernel2: grads.dW2, bias2: grads.db2 } : gradients };
}

/** h_1..h_T [T, B, H] in float64. @throws {ConfigError} on arrays that do not fit the shapes. */
export function referenceForward(problem: RecurrenceProblem, arrays: Arrays): Float64Array {
  return run(problem, arrays).output;
}

/** Gradients of Σ dOutput∘h in float64. @throws {ConfigError} on arrays that do not fit the shapes. */
export function referenceBackward(problem: RecurrenceProblem, arrays: Arrays, dOutput: ArrayLike<number>): RecurrenceGradients<Float64Array> {
  return run(problem, arrays, dOutput).gradients;
}
