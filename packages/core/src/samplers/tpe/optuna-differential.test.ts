/**
 * loopsweep's univariate TPE against Optuna 3.1's, parameter by parameter, on the histories of
 * fixtures/optuna-tpe-univariate.json (written by packages/core/scripts/optuna-tpe-fixtures.py
 * from Optuna's own internals): the good/bad split, every kernel, and log l(x), log g(x) at probes.
 */
import { describe, expect, it } from 'vitest';
import { numericDomain } from './numeric-domain.js';
import { categoricalEstimator, numericEstimator, numericLogLikelihoods } from './param-estimators.js';
import { countBelow, splitTrials } from './split-trials.js';
import { expectAllClose, expectClose, sortedKernels, toTrials, univariateCases, type FixtureEstimator } from './testing/optuna-fixtures.js';

describe.each(univariateCases())('univariate TPE against Optuna: $name', (fixture) => {
  const trials = toTrials(fixture);
  const finished = trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED').length;
  const { below, above } = splitTrials(trials, fixture.direction, countBelow(finished), fixture.constantLiar);

  it('splits the trials into the same below and above', () => {
    expect(below.map((t) => t.number)).toEqual(fixture.split.below);
    expect(above.map((t) => t.number)).toEqual(fixture.split.above);
  });

  for (const { name, distribution } of fixture.space) {
    const expected = fixture.params[name];
    if (expected === undefined) throw new Error(`fixture has no ${name}`);
    if (distribution.kind === 'categorical') {
      it(`builds ${name}'s categorical estimators and scores every choice as Optuna does`, () => {
        const side = (trials: typeof below, optuna: FixtureEstimator, logs: number[], label: string): void => {
          const estimator = categoricalEstimator(name, distribution.choices, trials, 1);
          const rows = (optuna.params[name] as { rows: number[][] }).rows;
          expectAllClose(estimator.weights, optuna.weights, `${label} weights`);
          for (let c = 0; c < distribution.choices.length; c++) {
            const probability = rows.reduce((sum, row, k) => sum + (row[c] as number) * (optuna.weights[k] as number), 0);
            expectClose(Math.exp(estimator.logProbabilities[c] as number), probability, `${label} P(${String(distribution.choices[c])})`);
          }
          const probes = expected.probes.map((v) => estimator.logProbabilities[distribution.choices.indexOf(v)] as number);
          expectAllClose(probes, logs, `${label} log-likelihood at the probes`);
        };
        side(below, expected.below, expected.logL, 'l(x)');
        side(above, expected.above, expected.logG, 'g(x)');
      });
    } else if (distribution.kind === 'float' || distribution.kind === 'int') {
      it(`builds ${name}'s Parzen estimators and scores probes as Optuna does`, () => {
        const domain = numericDomain(distribution);
        const side = (trials: typeof below, optuna: FixtureEstimator, logs: number[], label: string): void => {
          const estimator = numericEstimator(name, distribution, domain, trials, 1);
          const kernels = optuna.params[name] as { low: number; high: number; mus: number[]; sigmas: number[] };
          expectClose(estimator.low, kernels.low, `${label} low`);
          expectClose(estimator.high, kernels.high, `${label} high`);
          const ours = sortedKernels(estimator.mus, estimator.sigmas, estimator.weights);
          const theirs = sortedKernels(kernels.mus, kernels.sigmas, optuna.weights);
          expect(ours.length, `${label} kernel count`).toBe(theirs.length);
          ours.forEach((kernel, k) => expectAllClose(kernel, theirs[k] as number[], `${label} kernel ${k} (mu, sigma, weight)`));
          const positions = Float64Array.from(expected.probes, (v) => domain.toInternal(v as number));
          const out = new Float64Array(positions.length);
          numericLogLikelihoods(estimator, domain, positions, out);
          expectAllClose(out, logs, `${label} log-likelihood at the probes`);
        };
        side(below, expected.below, expected.logL, 'l(x)');
        side(above, expected.above, expected.logG, 'g(x)');
      });
    }
  }
});
