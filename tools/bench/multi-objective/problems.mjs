// The test problems of the multi-objective benchmark: ZDT1–3 (10 variables) and DTLZ2 (3
// objectives, 12 variables), every objective minimized, every variable uniform on [0, 1].
// tools/bench/optuna/multi_objective.py defines the same problems; `run.mjs --check` evaluates both
// on the same points. (core has the same problems under src/multi-objective/testing/, but they are
// test code, not in dist, so the benchmark keeps its own JS definition.)
//
// Reference points are core's (testing/test-problems.ts): (1.1, 11) for ZDT, beyond anything the
// box can produce (g ≤ 10), and (2.5, 2.5, 2.5) for DTLZ2. `ideal` is the hypervolume of the true
// front against that point.

/** Bump with multi_objective.py's DEFINITIONS when a problem changes: it keys the Optuna cache. */
export const DEFINITIONS = 'v1';

export const ZDT_VARIABLES = 10;
export const DTLZ2_DISTANCE_VARIABLES = 10;

const xs = (params, n) => Array.from({ length: n }, (_, i) => params[`x${i}`]);

/** ZDT's g: 1 on the front (x1…x(n−1) = 0), up to 10. */
function zdtG(x) {
  let sum = 0;
  for (let i = 1; i < x.length; i++) sum += x[i];
  return 1 + (9 * sum) / (x.length - 1);
}

const ZDT_SHAPES = {
  1: (r) => 1 - Math.sqrt(r),
  2: (r) => 1 - r * r,
  3: (r, f1) => 1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1),
};

function zdt(variant, description, ideal) {
  const n = ZDT_VARIABLES;
  const shape = ZDT_SHAPES[variant];
  return {
    description: `${description}, ${n} variables`,
    variables: n,
    objectives: 2,
    reference: [1.1, 11],
    ideal,
    evaluate(params) {
      const x = xs(params, n);
      const g = zdtG(x);
      return [x[0], g * shape(x[0] / g, x[0])];
    },
  };
}

function dtlz2() {
  const n = 2 + DTLZ2_DISTANCE_VARIABLES;
  return {
    description: `3 objectives, front = the unit sphere's positive octant, ${n} variables`,
    variables: n,
    objectives: 3,
    reference: [2.5, 2.5, 2.5],
    // The box less the octant of the unit ball, which no front point dominates.
    ideal: () => 2.5 ** 3 - Math.PI / 6,
    evaluate(params) {
      const x = xs(params, n);
      let g = 0;
      for (let i = 2; i < n; i++) g += (x[i] - 0.5) ** 2;
      const a = (x[0] * Math.PI) / 2;
      const b = (x[1] * Math.PI) / 2;
      return [(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b), (1 + g) * Math.sin(a)];
    },
  };
}

/**
 * ZDT3's ideal hypervolume against (1.1, 11): ∫₀^1.1 (11 − m(t)) dt with m(t) the least f2 of the
 * front's points with f1 ≤ t (f2 = 1 − √f1 − f1·sin(10π·f1)), by the midpoint rule on 10⁶ cells.
 */
function zdt3Ideal() {
  const cells = 1_000_000;
  const width = 1.1 / cells;
  let least = Infinity;
  let area = 0;
  for (let i = 0; i < cells; i++) {
    const t = (i + 0.5) * width;
    if (t <= 1) least = Math.min(least, 1 - Math.sqrt(t) - t * Math.sin(10 * Math.PI * t));
    area += (11 - least) * width;
  }
  return area;
}

/** name → { description, variables, objectives, reference, ideal(), evaluate(params) → values }. */
export const PROBLEMS = {
  zdt1: zdt(1, 'convex front f2 = 1 − √f1', () => 1.1 * 11 - 1 / 3),
  zdt2: zdt(2, 'concave front f2 = 1 − f1²', () => 1.1 * 11 - 2 / 3),
  zdt3: zdt(3, 'five disconnected pieces', zdt3Ideal),
  dtlz2: dtlz2(),
};

/** A problem's search space, as core's SearchSpace: x0…x(n−1) uniform on [0, 1]. */
export function space(problem) {
  return { params: Array.from({ length: problem.variables }, (_, i) => ({ name: `x${i}`, distribution: { kind: 'float', low: 0, high: 1, log: false } })) };
}

export const directions = (problem) => Array.from({ length: problem.objectives }, () => 'minimize');
