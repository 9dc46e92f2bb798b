/**
 * Multi-objective sweeps (issue 17) run by the real runner, as `sweep run` runs them: an objective
 * module written beside the spec (ZDT1-like for two objectives, DTLZ2-like for three), NSGA-II,
 * a constraint and (for three objectives) MO-ASHA pruning, so the database holds COMPLETE, PRUNED
 * and infeasible trials.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const ZDT = `
export default async function (params, ctx) {
  const xs = [params.x0, params.x1, params.x2, params.x3];
  let result;
  for (let epoch = 1; epoch <= 4; epoch++) {
    if (params.sleep_ms) await new Promise((resolve) => setTimeout(resolve, params.sleep_ms));
    const g = 1 + 9 * (xs.slice(1).reduce((a, b) => a + b, 0) / 3) * (1 + 0.5 / epoch);
    const f1 = xs[0];
    result = { f1, f2: g * (1 - Math.sqrt(f1 / g)), size: xs[1] * 100 };
    await ctx.report(epoch, result);
  }
  return result;
}
`;

const DTLZ = `
export default async function (params, ctx) {
  const [a, b, c, d] = [params.x0, params.x1, params.x2, params.x3];
  const cos = (t) => Math.cos((t * Math.PI) / 2);
  const sin = (t) => Math.sin((t * Math.PI) / 2);
  let result;
  for (let epoch = 1; epoch <= 3; epoch++) {
    const g = ((c - 0.5) ** 2 + (d - 0.5) ** 2) * (1 + 0.5 / epoch);
    result = { f1: (1 + g) * cos(a) * cos(b), f2: (1 + g) * cos(a) * sin(b), f3: (1 + g) * sin(a), size: d * 100 };
    await ctx.report(epoch, result);
  }
  return result;
}
`;

const PARAMETERS = `parameters:
  x0: { uniform: [0, 1] }
  x1: { uniform: [0, 1] }
  x2: { uniform: [0, 1] }
  x3: { uniform: [0, 1] }
`;

/**
 * Two objectives (minimize f1, f2), size ≤ 50, derived reference point; no pruner, so infeasible
 * trials complete (MO-ASHA would stop most). `sleepMs` per epoch keeps it running while a page watches.
 */
export const zdtSpec = (name: string, trials: number, sleepMs = 0): string => `
name: ${name}
objective: ./zdt.mjs
metrics:
  - { name: f1, goal: minimize }
  - { name: f2, goal: minimize }
constraints:
  - { metric: size, max: 50 }
sampler: { type: nsga2, seed: 3, population_size: 10 }
pruner: { type: none }
budget: { trials: ${trials}, parallel: 2, max_epochs: 4 }
${PARAMETERS}  sleep_ms: { value: ${sleepMs} }
`;

/** Three objectives (minimize f1, f2, f3), size ≤ 70, the reference point from the spec, MO-ASHA pruning. */
export const dtlzSpec = (name: string, trials: number): string => `
name: ${name}
objective: ./dtlz.mjs
metrics:
  - { name: f1, goal: minimize, reference: 2 }
  - { name: f2, goal: minimize, reference: 2 }
  - { name: f3, goal: minimize, reference: 2 }
constraints:
  - { metric: size, max: 70 }
sampler: { type: nsga2, seed: 5, population_size: 10 }
pruner: { type: asha, min_epochs: 1 }
budget: { trials: ${trials}, parallel: 2, max_epochs: 3 }
${PARAMETERS}`;

/** Writes the objective modules into `dir` (the specs' directory). */
export function writeObjectives(dir: string): void {
  writeFileSync(path.join(dir, 'zdt.mjs'), ZDT);
  writeFileSync(path.join(dir, 'dtlz.mjs'), DTLZ);
}
