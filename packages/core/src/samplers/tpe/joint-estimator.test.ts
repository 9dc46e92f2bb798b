import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { buildJointEstimator, jointLogLikelihoods, jointObservations, sampleJoint, type JointParam } from './joint-estimator.js';
import { numericDomain } from './numeric-domain.js';

const unit = (name: string): JointParam => {
  const distribution = { kind: 'float', low: 0, high: 1, log: false } as const;
  return { kind: 'numeric', name, distribution, domain: numericDomain(distribution) };
};
const colour: JointParam = { kind: 'categorical', name: 'colour', choices: ['red', 'green', 'blue'] };
const trial = (number: number, params: FrozenTrial['params']): FrozenTrial => ({
  number,
  state: 'COMPLETE',
  params,
  value: 0,
  intermediate: new Map(),
  attempt: 1,
});

describe('buildJointEstimator', () => {
  it("gives every observation kernel Optuna's bandwidth 0.2·n^(−1/(d + 4))·range, magic-clipped, and the prior the range", () => {
    const trials = [trial(0, { x: 0.2, y: 0.4, colour: 'red' }), trial(1, { x: 0.6, y: 0.1, colour: 'blue' })];
    const estimator = buildJointEstimator([unit('x'), unit('y'), colour], trials, 1);
    // 0.2·2^(−1/7) = 0.18 is below the clip range/min(100, 1 + 3 kernels) = 0.25.
    const sigma = 0.25;
    const x = estimator.dimensions[0];
    if (x?.kind !== 'numeric') throw new Error('x is numeric');
    expect(Array.from(x.mus)).toEqual([0.2, 0.6, 0.5]);
    expect(Array.from(x.sigmas)).toEqual([sigma, sigma, 1]);
    expect(Array.from(estimator.weights)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('learns only from trials where every param of the group is active and legal', () => {
    const trials = [trial(0, { x: 0.2, y: 0.4 }), trial(1, { x: 0.3 }), trial(2, { x: 1.5, y: 0.2 }), trial(3, { x: 0.7, y: 0.8 })];
    expect(jointObservations([unit('x'), unit('y')], trials).map((column) => Array.from(column))).toEqual([
      [0.2, 0.7],
      [0.4, 0.8],
    ]);
  });
});

describe('sampleJoint', () => {
  // Good observations at two points of the anti-diagonal, five each (σ = 0.2·10^(−1/6) = 0.14);
  // a near-zero prior weight leaves just them.
  const corners = Array.from({ length: 10 }, (_, i) => trial(i, i % 2 === 0 ? { x: 0.1, y: 0.9 } : { x: 0.9, y: 0.1 }));
  const estimator = buildJointEstimator([unit('x'), unit('y')], corners, 1e-9);
  const { values } = sampleJoint(estimator, 4000, createRandom(5));
  const [xs, ys] = values as [number[], number[]];

  it("draws each param of a candidate from the same observation's kernel, so the params stay together", () => {
    // Independent marginals would put as many draws in the empty corners as on the anti-diagonal.
    const onDiagonal = xs.filter((x, i) => x < 0.5 !== (ys[i] as number) < 0.5).length;
    expect(onDiagonal / xs.length).toBeGreaterThan(0.95);
  });

  it('scores the joint density higher on the anti-diagonal than in the empty corners', () => {
    const out = new Float64Array(2);
    jointLogLikelihoods(estimator, [Float64Array.from([0.1, 0.1]), Float64Array.from([0.9, 0.1])], out);
    expect((out[0] as number) - (out[1] as number)).toBeGreaterThan(5);
  });
});

describe('sampleJoint (categorical)', () => {
  it('draws each choice as often as the mixture of the kernels’ distributions gives it', () => {
    const trials = [trial(0, { colour: 'green' }), trial(1, { colour: 'green' }), trial(2, { colour: 'blue' })];
    const estimator = buildJointEstimator([colour], trials, 1);
    const dimension = estimator.dimensions[0];
    if (dimension?.kind !== 'categorical') throw new Error('colour is categorical');
    const { positions } = sampleJoint(estimator, 20000, createRandom(8));
    const drawn = positions[0] as Float64Array;
    for (let c = 0; c < 3; c++) {
      const share = drawn.filter((x) => x === c).length / drawn.length;
      expect(Math.abs(share - Math.exp(dimension.estimator.logProbabilities[c] as number))).toBeLessThan(0.015);
    }
  });
});
