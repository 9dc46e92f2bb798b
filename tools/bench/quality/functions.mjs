// The test functions of the search-quality benchmark and their spaces, as loopsweep spec
// `parameters:` YAML. tools/bench/optuna/quality.py defines the same functions and spaces with
// trial.suggest_*; `node quality/run.mjs --check` evaluates both on the same points.
//
// Every function is minimized and has a known optimum fStar: regret = best-so-far − fStar.
// `evaluate(params, seed, number)` returns { observed, truth }: what the sampler is told and the
// noise-free value (the same, except for the noisy function). `continuous`: no categorical, so
// Optuna's CMA-ES applies.

/** Bump with quality.py's DEFINITIONS when a function or a space changes: it keys the Optuna cache. */
export const DEFINITIONS = 'v1';

/** lowbias32 (Chris Wellons): the 32-bit integer hash behind the noise, also in quality.py. */
export function hash32(x) {
  x = x >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A standard normal draw fixed by (seed, trial number): Box-Muller on two hashed uniforms. */
export function gaussian(seed, number) {
  const key = hash32((hash32(seed) + number) >>> 0);
  const u1 = (hash32(key ^ 0x68e31da4) + 0.5) / 4294967296;
  const u2 = (hash32(key ^ 0xb5297a4d) + 0.5) / 4294967296;
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

const range = (n) => Array.from({ length: n }, (_, i) => i);
const xs = (params, d) => range(d).map((i) => params[`x${i}`]);
const box = (d, low, high) => Object.fromEntries(range(d).map((i) => [`x${i}`, `{ uniform: [${low}, ${high}] }`]));
const exact = (f) => (params) => {
  const value = f(params);
  return { observed: value, truth: value };
};

function branin([x, y]) {
  const b = 5.1 / (4 * Math.PI * Math.PI);
  const c = 5 / Math.PI;
  const t = 1 / (8 * Math.PI);
  return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * Math.cos(x) + 10;
}

const H_ALPHA = [1.0, 1.2, 3.0, 3.2];
const H_A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const H_P = [
  [0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
  [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
  [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.665],
  [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381],
];
function hartmann6(x) {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    let inner = 0;
    for (let j = 0; j < 6; j++) inner += H_A[i][j] * (x[j] - H_P[i][j]) ** 2;
    total += H_ALPHA[i] * Math.exp(-inner);
  }
  return -total;
}

function rosenbrock(x) {
  let total = 0;
  for (let i = 0; i + 1 < x.length; i++) total += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  return total;
}

function styblinskiTang(x) {
  let total = 0;
  for (const v of x) total += v ** 4 - 16 * v * v + 5 * v;
  return total / 2;
}

function ackley(x) {
  let squares = 0;
  let cosines = 0;
  for (const v of x) {
    squares += v * v;
    cosines += Math.cos(2 * Math.PI * v);
  }
  return -20 * Math.exp(-0.2 * Math.sqrt(squares / x.length)) - Math.exp(cosines / x.length) + 20 + Math.E;
}

/** Styblinski-Tang's minimizer in each coordinate: the root of 4x³ − 32x + 5 near −2.9 (Newton). */
function stMinimizer() {
  let x = -2.9;
  for (let i = 0; i < 50; i++) x -= (4 * x ** 3 - 32 * x + 5) / (12 * x * x - 32);
  return x;
}

// Mixed: the categorical moves the optimum of x and adds an offset; x and n interact.
const MIXED_SHIFT = { a: -2, b: 1, c: 3, d: 0 };
const MIXED_OFFSET = { a: 0.6, b: 0, c: 0.3, d: 1.0 };
function mixed({ x, lr, kind, n }) {
  const a = x - MIXED_SHIFT[kind];
  const b = (n - 13) / 4;
  return a * a + b * b + 0.5 * a * b + (Math.log10(lr) + 2.5) ** 2 + MIXED_OFFSET[kind];
}

// Conditional: `model` picks a branch with its own params; `s` is shared by all branches.
function conditional(p) {
  const shared = p.s * p.s;
  if (p.model === 'rosen') return shared + 0.5 + 0.1 * ((1 - p.u) ** 2 + 100 * (p.v - p.u * p.u) ** 2);
  if (p.model === 'bowl') return shared + (Math.log10(p.w) + 3) ** 2 / 4 + ((p.k - 7) / 3) ** 2;
  return shared + 1 + (p.z - 0.3) ** 2;
}

const NOISE_SIGMA = 0.1;
const ST = stMinimizer();
const HARTMANN_ARGMIN = [0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054];
/** Hartmann-6's minimum (literature value; the benchmark's check confirms no evaluated point is lower). */
const HARTMANN_MIN = -3.322368011415515;

const sameCoordinates = (d, v) => Object.fromEntries(range(d).map((i) => [`x${i}`, v]));

/** By name: description, spec `parameters:` entries (YAML), fStar, a minimizer, evaluate. */
export const FUNCTIONS = {
  branin: {
    description: 'Branin, 2D',
    parameters: { x0: '{ uniform: [-5, 10] }', x1: '{ uniform: [0, 15] }' },
    fStar: 0.39788735772973816,
    argmin: { x0: Math.PI, x1: 2.275 },
    continuous: true,
    evaluate: exact((p) => branin(xs(p, 2))),
  },
  hartmann6: {
    description: 'Hartmann-6, [0,1]^6',
    parameters: box(6, 0, 1),
    fStar: HARTMANN_MIN,
    argmin: Object.fromEntries(HARTMANN_ARGMIN.map((v, i) => [`x${i}`, v])),
    continuous: true,
    evaluate: exact((p) => hartmann6(xs(p, 6))),
  },
  rosenbrock4: {
    description: 'Rosenbrock, [-5,10]^4',
    parameters: box(4, -5, 10),
    fStar: 0,
    argmin: sameCoordinates(4, 1),
    continuous: true,
    evaluate: exact((p) => rosenbrock(xs(p, 4))),
  },
  styblinski8: {
    description: 'Styblinski-Tang, [-5,5]^8',
    parameters: box(8, -5, 5),
    fStar: styblinskiTang(Array(8).fill(ST)),
    argmin: sameCoordinates(8, ST),
    continuous: true,
    evaluate: exact((p) => styblinskiTang(xs(p, 8))),
  },
  ackley5: {
    description: 'Ackley, [-32.768,32.768]^5',
    parameters: box(5, -32.768, 32.768),
    fStar: 0,
    argmin: sameCoordinates(5, 0),
    continuous: true,
    evaluate: exact((p) => ackley(xs(p, 5))),
  },
  mixed: {
    description: 'mixed: uniform x, log-uniform lr, categorical kind (4), int n',
    parameters: { x: '{ uniform: [-5, 5] }', lr: '{ log_uniform: [1.0e-4, 1] }', kind: '{ values: [a, b, c, d] }', n: '{ int: [1, 20] }' },
    fStar: 0,
    argmin: { x: 1, lr: 10 ** -2.5, kind: 'b', n: 13 },
    continuous: false,
    evaluate: exact(mixed),
  },
  conditional: {
    description: 'conditional: model ∈ {rosen, bowl, flat}, each with its own params, plus shared s',
    parameters: {
      model: '{ values: [rosen, bowl, flat] }',
      s: '{ uniform: [-1, 1] }',
      u: '{ uniform: [-2, 2], when: { model: rosen } }',
      v: '{ uniform: [-1, 3], when: { model: rosen } }',
      w: '{ log_uniform: [1.0e-5, 1], when: { model: bowl } }',
      k: '{ int: [1, 10], when: { model: bowl } }',
      z: '{ uniform: [0, 1], when: { model: flat } }',
    },
    fStar: 0,
    argmin: { model: 'bowl', s: 0, w: 1e-3, k: 7 },
    continuous: false,
    evaluate: exact(conditional),
  },
  'hartmann6-noisy': {
    description: `Hartmann-6 + N(0, ${NOISE_SIGMA}²) noise; regret of the best observed trial's noise-free value`,
    parameters: box(6, 0, 1),
    fStar: HARTMANN_MIN,
    argmin: Object.fromEntries(HARTMANN_ARGMIN.map((v, i) => [`x${i}`, v])),
    continuous: true,
    evaluate: (p, seed, number) => {
      const truth = hartmann6(xs(p, 6));
      return { observed: truth + NOISE_SIGMA * gaussian(seed, number), truth };
    },
  },
};

/** The `parameters:` block of a spec, indented under it. */
export function parametersYaml(fn) {
  return Object.entries(fn.parameters)
    .map(([name, spec]) => `  ${name}: ${spec}`)
    .join('\n');
}
