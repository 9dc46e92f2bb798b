import { describe, expect, it } from 'vitest';
import { summarizeFront } from '../multi-objective/pareto-front.js';
import { constrainedDisc } from '../multi-objective/testing/test-problems.js';
import { parseSweepSpec } from '../spec/parse-sweep-spec.js';
import { constraintsOf, frontObjectivesOf } from '../spec/objectives.js';
import { createStudy } from './create-study.js';
import { specSamplerChoice } from './spec-sampler.js';

/** The constrained disc (constrainedDisc: 20% of the square feasible) as a user would write its spec. */
function discSpec(sampler: string): string {
  return `name: disc
objective: ./disc.mjs
metrics:
  - { name: f1, goal: minimize }
  - { name: f2, goal: minimize }
constraints:
  - { metric: r2, max: ${0.2 / Math.PI} }
sampler: ${sampler}
budget: { trials: 60 }
parameters:
  x0: { uniform: [0, 1] }
  x1: { uniform: [0, 1] }
`;
}

/** Runs the spec's study sequentially on the disc problem, as the orchestrator would; returns the study. */
function runDisc(sampler: string) {
  const spec = parseSweepSpec(discSpec(sampler));
  const problem = constrainedDisc();
  const study = createStudy(spec);
  for (let i = 0; i < 60; i++) {
    const trial = study.ask();
    study.start(trial.number);
    const [f1, f2] = problem.evaluate(trial.params) as [number, number];
    const [r2] = problem.constraints?.evaluate(trial.params) as [number];
    study.tell(trial.number, 'COMPLETE', f1, { f1, f2, r2 });
  }
  return { spec, study };
}

describe('a constrained multi-objective study built from its spec', () => {
  it('chooses multi-objective TPE for auto and tpe, and says why for auto', () => {
    const spec = parseSweepSpec(discSpec('{ type: auto, seed: 4 }'));
    expect(specSamplerChoice(spec)).toEqual({ config: { type: 'motpe', seed: 4 }, reason: 'multi-objective TPE: 2 objectives, 1 constraint' });
    expect(specSamplerChoice(parseSweepSpec(discSpec('{ type: tpe, gamma: 0.2 }'))).config).toEqual({ type: 'motpe', seed: 0, gamma: 0.2 });
    expect(createStudy(spec).sampler.name).toBe('motpe');
    expect(createStudy(parseSweepSpec(discSpec('{ type: nsga2, population_size: 10 }'))).sampler.name).toBe('nsga-ii');
  });

  it('ends with a front of feasible trials only, and c-TPE finds feasible points faster than random (median of 5 seeds)', () => {
    const feasibleShare = (sampler: (seed: number) => string) =>
      [1, 2, 3, 4, 5]
        .map((seed) => {
          const { spec, study } = runDisc(sampler(seed));
          const trials = study.trials.map((trial) => ({ number: trial.number, values: trial.values ?? {} }));
          const summary = summarizeFront(trials, frontObjectivesOf(spec), constraintsOf(spec));
          expect(summary.front.length).toBeGreaterThan(0);
          for (const member of summary.front) expect(study.isFeasible(study.trials[member.number] as (typeof study.trials)[number])).toBe(true);
          expect(summary.infeasible.length + study.trials.filter((trial) => study.isFeasible(trial)).length).toBe(60);
          // The best trial of the first objective is feasible too.
          expect(study.isFeasible(study.best() as (typeof study.trials)[number])).toBe(true);
          return study.trials.slice(20).filter((trial) => study.isFeasible(trial)).length / 40;
        })
        .sort((a, b) => a - b)[2] as number;
    const motpe = feasibleShare((seed) => `{ type: motpe, seed: ${seed} }`);
    const random = feasibleShare((seed) => `{ type: random, seed: ${seed} }`);
    expect(motpe).toBeGreaterThan(random + 0.2);
  });
});

describe('summarizeFront', () => {
  const objectives = [
    { name: 'acc', direction: 'maximize' as const },
    { name: 'seconds', direction: 'minimize' as const },
  ];
  const trials = [
    { number: 0, values: { acc: 0.9, seconds: 10, size: 5 } },
    { number: 1, values: { acc: 0.8, seconds: 2, size: 5 } },
    { number: 2, values: { acc: 0.7, seconds: 5, size: 5 } }, // dominated by 1
    { number: 3, values: { acc: 0.95, seconds: 1, size: 50 } }, // dominates all, but infeasible
    { number: 4, values: { acc: Number.NaN, seconds: 1, size: 1 } }, // not considered
    { number: 5, values: { acc: 0.85, seconds: 6, size: 5 } },
  ];

  it('ranks the feasible non-dominated trials by the hypervolume each adds, with the spec’s reference', () => {
    const summary = summarizeFront(
      trials,
      objectives.map((objective, i) => ({ ...objective, reference: [0.5, 20][i] as number })),
      [{ metric: 'size', max: 10 }],
    );
    // Contributions under (0.5, 20): #0 (0.9 − 0.85)·(20 − 10) = 0.5, #1 (0.8 − 0.5)·(6 − 2) = 1.2, #5 (0.85 − 0.8)·(10 − 6) = 0.2.
    expect(summary.front.map((member) => member.number)).toEqual([1, 0, 5]);
    expect(summary.front.map((member) => member.contribution)).toEqual([expect.closeTo(1.2, 12), expect.closeTo(0.5, 12), expect.closeTo(0.2, 12)]);
    expect(summary.infeasible).toEqual([3]);
    expect(summary.considered).toBe(5);
    expect(summary.referenceSource).toBe('spec');
    // 0.3·18 + 0.05·14 + 0.05·10 = 6.6
    expect(summary.hypervolume).toBeCloseTo(6.6, 12);
  });

  it('derives the reference from the feasible trials when the spec gives none, and says so', () => {
    const summary = summarizeFront(trials, objectives, [{ metric: 'size', max: 10 }]);
    expect(summary.referenceSource).toBe('derived');
    // acc: worst 0.7, range 0.2 → 0.68; seconds: worst 10, range 8 → 10.8.
    expect(summary.reference?.[0]).toBeCloseTo(0.68, 12);
    expect(summary.reference?.[1]).toBeCloseTo(10.8, 12);
    expect(summarizeFront([trials[3] as (typeof trials)[number]], objectives, [{ metric: 'size', max: 10 }])).toMatchObject({ front: [], hypervolume: 0 });
  });
});
