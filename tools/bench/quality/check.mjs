// `run.mjs --check`: the JS and Python definitions agree. Each function is evaluated by both on
// random points of its space (drawn by loopsweep's random sampler) and at its minimizer; the
// values must agree within 1e-9, and Optuna's suggest_* must define the same active parameters
// with the same distributions as the spec. Also checks fStar: the minimizer attains it and no
// point goes below it.
import { createPruner, createSampler, parseSweepSpec, Study } from '@loopsweep/core';
import { isActive } from '@loopsweep/core';
import { FUNCTIONS } from './functions.mjs';
import { specText } from './loopsweep.mjs';
import { checkPoints } from './optuna.mjs';

const TOLERANCE = 1e-9;

function describe(distribution) {
  if (distribution.kind === 'categorical') return { kind: 'categorical', choices: [...distribution.choices] };
  return { kind: distribution.kind, low: distribution.low, high: distribution.high, log: distribution.log };
}

/** Random points of a function's space, then its minimizer. */
function points(fnName, fn, count) {
  const parsed = parseSweepSpec(specText(fn, fnName, '{type: random}', 7, count), { source: `${fnName}.yaml` });
  const study = new Study({
    space: parsed.space,
    direction: 'minimize',
    metric: 'value',
    sampler: createSampler(parsed.sampler),
    pruner: createPruner({ type: 'none' }, {}),
  });
  const params = Array.from({ length: count }, () => study.ask().params);
  return { space: parsed.space, params: [...params, fn.argmin] };
}

/** Returns the problems found (empty when both sides agree); logs a line per function. */
export function check(optuna, fnNames, count = 200, log = console.log) {
  const problems = [];
  const batch = [];
  const spaces = {};
  for (const fnName of fnNames) {
    const fn = FUNCTIONS[fnName];
    const { space, params } = points(fnName, fn, count);
    spaces[fnName] = space;
    params.forEach((p, index) => batch.push({ function: fnName, params: p, seed: index % 5, number: index }));
  }
  const answers = checkPoints(optuna, batch);
  const worst = {};
  batch.forEach((point, i) => {
    const fn = FUNCTIONS[point.function];
    const js = fn.evaluate(point.params, point.seed, point.number);
    const py = answers[i];
    const where = `${point.function} at ${JSON.stringify(point.params)} (seed ${point.seed}, trial ${point.number})`;
    const gap = Math.max(Math.abs(js.observed - py.observed), Math.abs(js.truth - py.truth));
    worst[point.function] = Math.max(worst[point.function] ?? 0, gap);
    if (!(gap <= TOLERANCE)) problems.push(`${where}: JS ${js.observed}/${js.truth}, Python ${py.observed}/${py.truth}`);
    if (js.truth < fn.fStar - TOLERANCE) problems.push(`${where}: ${js.truth} is below fStar ${fn.fStar}`);
    const expected = Object.fromEntries(spaces[point.function].params.filter((d) => isActive(d, point.params)).map((d) => [d.name, describe(d.distribution)]));
    if (JSON.stringify(Object.keys(expected).sort()) !== JSON.stringify(Object.keys(point.params).sort()))
      problems.push(`${where}: loopsweep's active params are ${Object.keys(expected)}`);
    for (const [name, distribution] of Object.entries(expected)) {
      if (JSON.stringify(distribution) !== JSON.stringify(py.distributions[name]))
        problems.push(`${where}: ${name} is ${JSON.stringify(distribution)} in the spec, ${JSON.stringify(py.distributions[name])} in quality.py`);
    }
    if (Object.keys(py.distributions).length !== Object.keys(expected).length)
      problems.push(`${where}: quality.py suggests ${Object.keys(py.distributions)}, the spec ${Object.keys(expected)}`);
  });
  for (const fnName of fnNames) {
    const fn = FUNCTIONS[fnName];
    const atMin = fn.evaluate(fn.argmin, 0, 0).truth - fn.fStar;
    if (Math.abs(atMin) > 1e-6) problems.push(`${fnName}: f(argmin) − fStar = ${atMin}`);
    log(
      `  ${fnName.padEnd(16)} ${count + 1} points: largest JS/Python difference ${worst[fnName].toExponential(1)}; f(argmin) − f* = ${atMin.toExponential(1)}`,
    );
  }
  return problems;
}
