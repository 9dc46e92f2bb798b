import { z } from 'zod';
import { SpecError, type SpecProblem } from '../errors/spec-error.js';
import { buildSearchSpace } from './build-search-space.js';
import { checkSpecRules, samplerTypeOf } from './check-spec-rules.js';
import { issuesToProblems } from './issues-to-problems.js';
import { checkObjectiveBlocks, type ObjectiveBlocksLookup } from './objective-blocks.js';
import { SWEEP_SPEC_KEYS, commandObjectiveSchema, objectiveNameSchema, sweepSpecSchema } from './schema.js';
import { isMapping } from './spec-path.js';
import type { SweepSpec } from './sweep-spec.js';

// `parameters` is only required to be a mapping here: buildSearchSpace checks each entry, so
// its problems are worded once, and are found even when other sections are broken.
const topLevelSchema = sweepSpecSchema.extend({ parameters: z.record(z.string(), z.unknown()) });

export interface ValidateSweepSpecOptions {
  /**
   * The block schemas each objective declares (see ObjectiveBlockSchemas). Without it, or for an
   * objective it knows nothing about, `dataset` only has to be a mapping.
   */
  readonly objectiveBlocks?: ObjectiveBlocksLookup;
}

/**
 * Validates an already-parsed spec (e.g. from JSON or YAML, or stored) and fills in defaults.
 * Nothing is returned unless the whole spec is sound.
 *
 * @param source the file name, shown in the error's message
 * @param options the objectives' block schemas, checked with the rest so every problem is listed at once
 * @throws {SpecError} listing every problem at once, in the document's order, each with its path
 *   (`parameters.lr.log_uniform[0]`), what is wrong and, where there is one, a fix.
 */
export function validateSweepSpec(value: unknown, source?: string, options: ValidateSweepSpecOptions = {}): SweepSpec {
  const parsed = topLevelSchema.safeParse(value);
  let problems: SpecProblem[] = parsed.success ? [] : issuesToProblems(parsed.error.issues, topLevelSchema, value);
  // Not even a mapping: the schema's one problem says it all; the rules would only add noise.
  if (!isMapping(value)) throw new SpecError(problems, source);
  const raw = value;
  if (!parsed.success) problems = objectiveWorded(problems, raw['objective']);
  const parameters = raw['parameters'];
  const sampler = samplerTypeOf(raw);
  const space = isMapping(parameters) ? buildSearchSpace(parameters, sampler === undefined ? {} : { sampler }) : undefined;
  if (space && !space.ok) problems.push(...space.problems);
  problems.push(...checkSpecRules(raw));
  const objectiveName = raw['objective'];
  // An objective core's schema refused cannot be looked up; its problem is already listed.
  if (typeof objectiveName === 'string' && options.objectiveBlocks) {
    // A block that is not even a mapping is already reported at its path by the spec schema.
    const reported = new Set(problems.map((problem) => problem.path));
    problems.push(...checkObjectiveBlocks(raw, options.objectiveBlocks(objectiveName)).filter((problem) => !reported.has(problem.path)));
  }

  if (problems.length > 0 || !parsed.success || !space?.ok) throw new SpecError(inDocumentOrder(problems, raw), source);
  const { name, objective, dataset, metric, metrics, constraints, budget, sampler: samplerConfig, pruner, compare } = parsed.data;
  return {
    name,
    objective,
    ...(dataset === undefined ? {} : { dataset }),
    ...(compare === undefined ? {} : { compare }),
    // objectiveProblems refused a spec with neither or both, so exactly one is here.
    metric: metric ?? (metrics?.[0] as NonNullable<typeof metric>),
    ...(metrics === undefined ? {} : { metrics }),
    ...(constraints === undefined ? {} : { constraints }),
    budget,
    sampler: samplerConfig,
    pruner,
    parameters: space.specs,
    space: space.space,
  };
}

/**
 * A union words its problems as a union: "must be one of these". An objective written as a string
 * or as a mapping is meant as a name or as a command, so its problems are the ones that branch has
 * (`objective.command: required`, `objective.answers: must be one of signal, stdin`).
 */
function objectiveWorded(problems: SpecProblem[], objective: unknown): SpecProblem[] {
  const schema = typeof objective === 'string' ? objectiveNameSchema : isMapping(objective) ? commandObjectiveSchema : undefined;
  const result = schema?.safeParse(objective);
  let own: SpecProblem[];
  if (objective === undefined) own = [{ path: 'objective', message: 'required', hint: 'e.g. objective: rnn-text, or objective: ./my-objective.js' }];
  else if (schema === undefined || result === undefined) return problems;
  else own = result.success ? [] : issuesToProblems(result.error.issues, schema, objective, ['objective']);
  const isObjective = (problem: SpecProblem) => problem.path === 'objective' || problem.path.startsWith('objective.') || problem.path.startsWith('objective[');
  const at = problems.findIndex(isObjective);
  const others = problems.filter((problem) => !isObjective(problem));
  if (at < 0) return problems;
  others.splice(at, 0, ...own);
  return others;
}

/**
 * Problems sorted by where their section is in the document (then the schema's order for
 * missing sections), keeping the order within a section: a user reads top to bottom.
 */
function inDocumentOrder(problems: readonly SpecProblem[], raw: Readonly<Record<string, unknown>>): SpecProblem[] {
  const written = Object.keys(raw);
  const rank = (problem: SpecProblem): number => {
    if (problem.path === '') return -1;
    const section = /^[^.[]*/.exec(problem.path)?.[0] ?? '';
    const index = written.indexOf(section);
    if (index >= 0) return index;
    const known = SWEEP_SPEC_KEYS.indexOf(section);
    return written.length + (known >= 0 ? known : SWEEP_SPEC_KEYS.length);
  };
  return problems
    .map((problem, index) => ({ problem, index, rank: rank(problem) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ problem }) => problem);
}
