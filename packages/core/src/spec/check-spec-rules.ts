import { SpecError, type SpecProblem } from '../errors/spec-error.js';
import { createPruner } from '../pruners/create-pruner.js';
import { createSampler } from '../samplers/create-sampler.js';
import type { MultiObjectiveHistory } from '../multi-objective/mo-history.js';
import type { SamplerConfig } from '../samplers/sampler-config.js';
import { prunerSchema } from './pruner-schema.js';
import { SAMPLER_TYPES, samplerSchema } from './sampler-schema.js';
import { commandProblems } from './check-command.js';
import { compareProblems } from './check-compare.js';
import { objectiveProblems } from './check-objectives.js';
import { pbtProblems } from './check-pbt.js';
import { isMapping } from './spec-path.js';

/**
 * The sampler type a raw spec asks for: 'tpe' when it has no sampler, undefined when its type is
 * missing or unknown (that problem is reported by the schema).
 */
export function samplerTypeOf(spec: Readonly<Record<string, unknown>>): SamplerConfig['type'] | undefined {
  if (spec['sampler'] === undefined) return 'tpe';
  const type = isMapping(spec['sampler']) ? spec['sampler']['type'] : undefined;
  return SAMPLER_TYPES.find((known) => known === type);
}

/**
 * Rules that span sections, checked on the raw spec so that they are reported along with the
 * schema's problems (each rule looks only at parts it can read, and stays silent otherwise):
 * at least one parameter; a sweep that can end; a sampler and a pruner that build; a command's
 * placeholders that every trial can fill.
 */
export function checkSpecRules(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (isMapping(spec['parameters']) && Object.keys(spec['parameters']).length === 0) {
    problems.push({ path: 'parameters', message: 'must define at least one parameter', hint: 'e.g. lr: { log_uniform: [1.0e-4, 1.0e-1] }' });
  }
  problems.push(
    ...budgetProblems(spec),
    ...samplerProblems(spec),
    ...prunerProblems(spec),
    ...compareProblems(spec),
    ...commandProblems(spec),
    ...objectiveProblems(spec),
    ...pbtProblems(spec),
  );
  return problems;
}

/** Only a grid runs out of trials by itself; any other sampler needs a limit. */
function budgetProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const type = samplerTypeOf(spec);
  const budget = spec['budget'];
  // A grid runs out by itself; a population trains population × max_epochs epochs (check-pbt.ts).
  if (type === undefined || type === 'grid' || type === 'pbt' || (budget !== undefined && !isMapping(budget))) return [];
  if (budget?.['trials'] !== undefined || budget?.['timeout'] !== undefined) return [];
  // A comparison's budget is compare.trials_per_value for each value, then its confirmations.
  if (isMapping(spec['compare'])) return [];
  return [{ path: 'budget', message: `a ${type} sweep needs a limit: it never runs out of trials`, hint: 'set budget.trials or budget.timeout' }];
}

/**
 * Builds the sampler as the study will, once its section is well-formed, so that a spec that
 * validates always runs even if a sampler checks more than the schema does.
 */
function samplerProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const sampler = samplerSchema.safeParse(spec['sampler']);
  // `auto` has no options of its own to check; what it resolves to is built with its defaults.
  return sampler.success && sampler.data.type !== 'auto' ? problemsOf(() => createSampler(sampler.data, undefined, OPTIONS_ONLY_HISTORY)) : [];
}

/** Enough of a history to build nsga2 and motpe and check their options; never sampled from. */
const OPTIONS_ONLY_HISTORY: MultiObjectiveHistory = { directions: ['minimize', 'minimize'], valuesOf: () => undefined };

/**
 * Builds the pruner as the study will: this catches what only the pruner and budget sections
 * together can tell, such as a hyperband without max_epochs anywhere.
 */
function prunerProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const pruner = prunerSchema.safeParse(spec['pruner']);
  const budget = isMapping(spec['budget']) ? spec['budget'] : {};
  const maxEpochs = budget['max_epochs'];
  // A bad max_epochs is the schema's to report; judging the pruner by it would only echo it.
  if (!pruner.success || (maxEpochs !== undefined && !(Number.isInteger(maxEpochs) && (maxEpochs as number) >= 1))) return [];
  return problemsOf(() => createPruner(pruner.data, maxEpochs === undefined ? {} : { maxEpochs: maxEpochs as number }));
}

/** The problems a builder reports with a SpecError; any other error is a bug and propagates. */
function problemsOf(build: () => unknown): SpecProblem[] {
  try {
    build();
    return [];
  } catch (error) {
    if (error instanceof SpecError) return [...error.problems];
    throw error;
  }
}
