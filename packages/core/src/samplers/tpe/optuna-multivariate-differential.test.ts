/**
 * loopsweep's multivariate TPE against Optuna 3.1's (multivariate=True, group=True) on the
 * histories of fixtures/optuna-tpe-multivariate.json: the group decomposition, each group's joint
 * kernels (weights, centres, bandwidths, categorical distributions) and log l(x), log g(x) at probes.
 */
import { describe, expect, it } from 'vitest';
import type { ParamValue } from '../../search-space/distributions.js';
import { logKernelProbability } from './categorical-estimator.js';
import { decomposeGroups } from './group-decomposition.js';
import { buildJointEstimator, jointLogLikelihoods, type JointEstimator, type JointParam } from './joint-estimator.js';
import { numericDomain } from './numeric-domain.js';
import { countBelow, splitTrials } from './split-trials.js';
import { expectAllClose, multivariateCases, toDefinitions, toTrials, type FixtureEstimator } from './testing/optuna-fixtures.js';

type NumericKernels = { low: number; high: number; mus: number[]; sigmas: number[] };

function expectSameKernels(params: readonly JointParam[], ours: JointEstimator, optuna: FixtureEstimator, label: string): void {
  expectAllClose(ours.weights, optuna.weights, `${label} weights`);
  ours.dimensions.forEach((dimension, d) => {
    const param = params[d] as JointParam;
    const record = optuna.params[param.name];
    if (dimension.kind === 'categorical') {
      const rows = (record as { rows: number[][] }).rows;
      rows.forEach((row, k) =>
        expectAllClose(
          row.map((_, c) => Math.exp(logKernelProbability(dimension.estimator, k, c))),
          row,
          `${label} ${param.name} kernel ${k}`,
        ),
      );
    } else {
      expectAllClose(dimension.mus, (record as NumericKernels).mus, `${label} ${param.name} mus`);
      expectAllClose(dimension.sigmas, (record as NumericKernels).sigmas, `${label} ${param.name} sigmas`);
    }
  });
}

describe.each(multivariateCases())('multivariate TPE against Optuna: $name', (fixture) => {
  const trials = toTrials(fixture);
  const definitions = new Map(toDefinitions(fixture).map((d) => [d.name, d]));
  const finished = trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED').length;
  const { below, above } = splitTrials(trials, fixture.direction, countBelow(finished), fixture.constantLiar);

  it('decomposes the space into the same groups', () => {
    expect(decomposeGroups(trials)).toEqual(fixture.groups.map((g) => g.names));
  });

  for (const group of fixture.groups) {
    it(`builds group [${group.names.join(', ')}]'s joint estimators and scores probes as Optuna does`, () => {
      const params = group.names.map((name): JointParam => {
        const distribution = definitions.get(name)?.distribution;
        if (distribution === undefined) throw new Error(`no ${name}`);
        if (distribution.kind === 'categorical') return { kind: 'categorical', name, choices: distribution.choices };
        if (distribution.kind === 'fixed') throw new Error(`${name} is fixed`);
        return { kind: 'numeric', name, distribution, domain: numericDomain(distribution) };
      });
      const positions = params.map((param) =>
        Float64Array.from(group.probes, (probe) => {
          const value = probe[param.name] as ParamValue;
          return param.kind === 'categorical' ? param.choices.indexOf(value) : param.domain.toInternal(value as number);
        }),
      );
      const side = (trials: typeof below, optuna: FixtureEstimator, logs: number[], label: string): void => {
        const estimator = buildJointEstimator(params, trials, 1);
        expectSameKernels(params, estimator, optuna, label);
        const out = new Float64Array(group.probes.length);
        jointLogLikelihoods(estimator, positions, out);
        expectAllClose(out, logs, `${label} joint log-likelihood at the probes`);
      };
      side(below, group.below, group.logL, 'l(x)');
      side(above, group.above, group.logG, 'g(x)');
    });
  }
});
