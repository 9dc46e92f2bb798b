import { SpecError, type SpecProblem } from '../errors/spec-error.js';
import type { SamplerConfig } from '../samplers/sampler-config.js';
import { enumerate } from '../search-space/distributions.js';
import type { ParamDefinition, SearchSpace } from '../search-space/search-space.js';
import { checkConditions } from './check-conditions.js';
import { orderParams } from './order-params.js';
import { paramCondition } from './param-distribution.js';
import { parseParam, type ParsedParam } from './parse-param.js';
import { formatPath } from './spec-path.js';
import type { ParamSpec } from './sweep-spec.js';

export interface SearchSpaceOptions {
  /** The sampler that will walk the space: 'grid' needs every parameter to have finitely many values. */
  readonly sampler?: SamplerConfig['type'];
}

/** What buildSearchSpace found: the space and the specs as parsed, or the problems. */
export type SearchSpaceResult =
  | { readonly ok: true; readonly space: SearchSpace; readonly specs: Readonly<Record<string, ParamSpec>> }
  | { readonly ok: false; readonly problems: readonly SpecProblem[] };

/**
 * Builds the search space of a spec's `parameters:` (entries as written, e.g.
 * `{ lr: { log_uniform: [1.0e-4, 1.0e-1] } }`): each entry becomes a distribution, and the
 * parameters are ordered parents first, otherwise in the given order.
 *
 * @throws {SpecError} listing every problem at once (paths start with `parameters.`): malformed
 *   entries, bad ranges and steps, `when` naming unknown parameters or values its parent never
 *   takes, a parameter conditioned on itself, condition cycles, and for a grid sampler any
 *   parameter without a finite set of values.
 */
export function createSearchSpace(parameters: Readonly<Record<string, unknown>>, options: SearchSpaceOptions = {}): SearchSpace {
  const result = buildSearchSpace(parameters, options);
  if (!result.ok) throw new SpecError(result.problems);
  return result.space;
}

/** createSearchSpace without the throw, for callers that gather problems from elsewhere too. */
export function buildSearchSpace(parameters: Readonly<Record<string, unknown>>, options: SearchSpaceOptions = {}): SearchSpaceResult {
  const params = Object.entries(parameters).map(([name, raw]) => parseParam(name, raw));
  const problems: SpecProblem[] = [...params.flatMap((param) => param.problems), ...checkConditions(params)];

  const { order, cycles } = orderParams(
    params.map((param) => param.name),
    (name) => Object.keys(params.find((param) => param.name === name)?.spec?.when ?? {}),
  );
  for (const cycle of cycles) {
    problems.push({
      path: 'parameters',
      message: `condition cycle ${cycle.join(' → ')}`,
      hint: "each arrow points to a parameter named in the other's when; remove one of these conditions",
    });
  }
  if (options.sampler === 'grid') problems.push(...gridProblems(params));
  if (problems.length > 0) return { ok: false, problems };

  const byName = new Map(params.map((param) => [param.name, param]));
  const definitions = order.map((name) => definitionOf(byName.get(name) as ParsedParam));
  const specs = Object.fromEntries(params.map((param) => [param.name, param.spec as ParamSpec]));
  return { ok: true, space: { params: definitions }, specs };
}

function definitionOf({ name, spec, distribution }: ParsedParam): ParamDefinition {
  if (!distribution || !spec) throw new Error(`buildSearchSpace: parameter ${name} has problems yet was used`);
  return spec.when ? { name, distribution, when: paramCondition(spec.when) } : { name, distribution };
}

/** Grid search enumerates every parameter: a continuous one would make the grid infinite. */
function gridProblems(params: readonly ParsedParam[]): SpecProblem[] {
  return params.flatMap(({ name, spec, distribution }) => {
    if (!distribution || enumerate(distribution) !== undefined) return [];
    const hint = spec?.log_uniform ? 'use values: [...], e.g. values: [1.0e-4, 1.0e-3, 1.0e-2]' : 'use values: [...] or add step';
    return [{ path: formatPath(['parameters', name]), message: 'grid search needs a finite set of values', hint }];
  });
}
