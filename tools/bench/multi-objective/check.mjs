// `run.mjs --check`: problems.mjs and optuna/multi_objective.py agree. Each problem is evaluated
// by both at random points of its box (drawn by core's RandomSampler), at the box's corners
// (all 0, all 1) and on its Pareto front; every objective must agree within 1e-9.
import { RandomSampler } from '@loopsweep/core';
import { evaluateInPython } from './optuna.mjs';
import { PROBLEMS, space } from './problems.mjs';

const TOLERANCE = 1e-9;

/** Random points of the problem's box, the two corners and a point of its front. */
function points(name, problem, count) {
  const sampler = new RandomSampler({ seed: 7 });
  const searchSpace = space(problem);
  const random = Array.from({ length: count }, (_, number) => sampler.sample({ space: searchSpace, trials: [], number, direction: 'minimize' }));
  const filled = (value, first = value) => Object.fromEntries(searchSpace.params.map((p, i) => [p.name, i < (name === 'dtlz2' ? 2 : 1) ? first : value]));
  const onFront = name === 'dtlz2' ? filled(0.5, 0.3) : filled(0, 0.3);
  return [...random, filled(0), filled(1), onFront];
}

/** Returns the differences found (empty when both sides agree); logs a line per problem. */
export function check(optuna, names, count = 200, log = console.log) {
  const problems = [];
  const batch = names.flatMap((name) => points(name, PROBLEMS[name], count).map((params) => ({ problem: name, params })));
  const answers = evaluateInPython(optuna, batch);
  const worst = Object.fromEntries(names.map((name) => [name, 0]));
  batch.forEach((point, i) => {
    const js = PROBLEMS[point.problem].evaluate(point.params);
    const py = answers[i];
    const gap = js.length === py.length ? Math.max(...js.map((v, k) => Math.abs(v - py[k]))) : Infinity;
    worst[point.problem] = Math.max(worst[point.problem], gap);
    if (!(gap <= TOLERANCE)) problems.push(`${point.problem} at ${JSON.stringify(point.params)}: JS [${js}], Python [${py}]`);
  });
  for (const name of names) log(`  ${name.padEnd(6)} ${count + 3} points: largest JS/Python difference ${worst[name].toExponential(1)}`);
  return problems;
}
