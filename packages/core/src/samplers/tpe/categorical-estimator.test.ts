import { describe, expect, it } from 'vitest';
import { buildCategoricalEstimator, logKernelProbability } from './categorical-estimator.js';

const probabilities = (choiceCount: number, observed: number[], weights: number[], priorWeight: number): number[] =>
  Array.from(buildCategoricalEstimator(choiceCount, Int32Array.from(observed), Float64Array.from(weights), priorWeight).logProbabilities, Math.exp);

describe('buildCategoricalEstimator', () => {
  it('is uniform with no observations', () => {
    for (const p of probabilities(4, [], [], 1)) expect(p).toBeCloseTo(0.25, 15);
  });

  it('mixes one kernel per observation, (a + [c = choice]) / (k·a + 1) with a = priorWeight/(n + 1), and a uniform prior kernel', () => {
    // Choices 0, 2, 0 with weights 1, 1, 0.5 and prior weight 1 (kernel weights /3.5); a = 1/4.
    const a = 1 / 4;
    const kernel = (hit: boolean): number => (a + (hit ? 1 : 0)) / (3 * a + 1);
    const p = probabilities(3, [0, 2, 0], [1, 1, 0.5], 1);
    expect(p[0]).toBeCloseTo((1 * kernel(true) + 1 * kernel(false) + 0.5 * kernel(true) + 1 / 3) / 3.5, 15);
    expect(p[1]).toBeCloseTo((2.5 * kernel(false) + 1 / 3) / 3.5, 15);
    expect(p[2]).toBeCloseTo((1.5 * kernel(false) + 1 * kernel(true) + 1 / 3) / 3.5, 15);
    expect(p.reduce((x, y) => x + y)).toBeCloseTo(1, 15);
  });

  it('lets a larger prior weight pull towards uniform', () => {
    const weak = probabilities(2, [0, 0], [1, 1], 1);
    const strong = probabilities(2, [0, 0], [1, 1], 100);
    expect(strong[0]).toBeLessThan(weak[0] as number);
    expect(strong[0]).toBeGreaterThan(0.5);
  });

  it('gives each kernel its own distribution over the choices, the prior last and uniform', () => {
    const estimator = buildCategoricalEstimator(2, Int32Array.from([1]), Float64Array.from([1]), 1);
    // a = 1/2: the observation's kernel is (1/2, 3/2) / 2.
    expect(Math.exp(logKernelProbability(estimator, 0, 0))).toBeCloseTo(0.25, 15);
    expect(Math.exp(logKernelProbability(estimator, 0, 1))).toBeCloseTo(0.75, 15);
    expect(Math.exp(logKernelProbability(estimator, 1, 0))).toBeCloseTo(0.5, 15);
  });
});
