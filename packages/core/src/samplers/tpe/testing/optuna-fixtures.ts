/**
 * Reads the fixtures packages/core/scripts/optuna-tpe-fixtures.py writes from Optuna's own TPE
 * internals, and turns their histories into loopsweep trials. For tests only (it reads files).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Distribution, ParamValue, Params } from '../../../search-space/distributions.js';
import type { ParamDefinition } from '../../../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../../../trial/frozen-trial.js';
import type { TrialState } from '../../../trial/trial-state.js';

export interface FixtureTrial {
  readonly number: number;
  readonly state: TrialState;
  readonly params: Params;
  readonly value?: number;
  readonly intermediate: readonly (readonly [number, number])[];
}

/** One Optuna estimator: kernel weights (prior last), and per param its kernels or categorical rows. */
export interface FixtureEstimator {
  readonly weights: readonly number[];
  readonly params: Readonly<Record<string, { low: number; high: number; mus: number[]; sigmas: number[] } | { rows: number[][] }>>;
}

interface FixtureCase {
  readonly name: string;
  readonly direction: Direction;
  readonly constantLiar: boolean;
  readonly space: readonly { name: string; distribution: Distribution; when?: Record<string, ParamValue[]> }[];
  readonly trials: readonly FixtureTrial[];
}

export interface UnivariateCase extends FixtureCase {
  readonly split: { readonly below: readonly number[]; readonly above: readonly number[] };
  readonly params: Readonly<Record<string, { below: FixtureEstimator; above: FixtureEstimator; probes: ParamValue[]; logL: number[]; logG: number[] }>>;
}

export interface MultivariateCase extends FixtureCase {
  readonly groups: readonly { names: string[]; below: FixtureEstimator; above: FixtureEstimator; probes: Params[]; logL: number[]; logG: number[] }[];
}

function read<T>(file: string): T {
  return (JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8')) as { cases: T }).cases;
}

export const univariateCases = (): readonly UnivariateCase[] => read<UnivariateCase[]>('optuna-tpe-univariate.json');
export const multivariateCases = (): readonly MultivariateCase[] => read<MultivariateCase[]>('optuna-tpe-multivariate.json');

/** The fixture's history as loopsweep records it. */
export function toTrials(fixture: FixtureCase): FrozenTrial[] {
  return fixture.trials.map((t) => ({
    number: t.number,
    state: t.state,
    params: t.params,
    ...(t.value === undefined ? {} : { value: t.value }),
    intermediate: new Map(t.intermediate.map(([step, value]) => [step, value])),
    attempt: 1,
  }));
}

/** The fixture's space as loopsweep's param definitions. */
export function toDefinitions(fixture: FixtureCase): ParamDefinition[] {
  return fixture.space.map((p) => ({ name: p.name, distribution: p.distribution, ...(p.when ? { when: p.when } : {}) }));
}

/** |actual − expected| within 1e-9 of their size (or 1e-12 near zero). */
export function expectClose(actual: number, expected: number, what: string, relative = 1e-9): void {
  const tolerance = relative * Math.max(Math.abs(actual), Math.abs(expected)) + 1e-12;
  expect(Math.abs(actual - expected), `${what}: ${actual} vs Optuna's ${expected}`).toBeLessThanOrEqual(tolerance);
}

/** Each of `actual` within 1e-9 of `expected`, same length. */
export function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], what: string, relative = 1e-9): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i] as number, expected[i] as number, `${what}[${i}]`, relative);
}

/** (mu, sigma, weight) triples sorted, so kernels compare whatever order each side keeps them in. */
export function sortedKernels(mus: ArrayLike<number>, sigmas: ArrayLike<number>, weights: ArrayLike<number>): number[][] {
  return Array.from({ length: mus.length }, (_, k) => [mus[k] as number, sigmas[k] as number, weights[k] as number]).sort(
    (a, b) => (a[0] as number) - (b[0] as number) || (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number),
  );
}
