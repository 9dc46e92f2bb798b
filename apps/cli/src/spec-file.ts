/**
 * Reading a sweep spec file for `run` and `validate`: the text, the validated spec, and every
 * check the CLI can make before anything is written (objective, dataset files, rnn-text params).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SpecError, parseSweepSpec, type SpecProblem, type SweepSpec } from '@loopsweep/core';
import { checkObjectiveFiles, objectiveBlocks, resolveObjective } from '@loopsweep/runner';
import { UsageError } from './errors.js';
import { checkRnnTextMetrics, checkRnnTextParams, checkRnnTextPbt } from './rnn-text-checks.js';

export interface LoadedSpec {
  /** Ready to run: the objective module and dataset file paths made absolute. */
  readonly spec: SweepSpec;
  /** The folder of the spec file. */
  readonly specDir: string;
  /** The path as the user gave it. */
  readonly file: string;
}

/**
 * @throws {UsageError} when the file is missing or unreadable.
 * @throws {SpecError} with every problem: syntax, schema, a dataset block its objective does not
 *   accept, an unknown objective, a missing module or dataset file, a dataset file without the
 *   columns named, params the built-in objective does not know.
 */
export async function loadSpecFile(file: string): Promise<LoadedSpec> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    if (statSync(absolute).isDirectory()) throw new UsageError(`${file} is a folder, not a sweep spec`, 'name a .yaml or .json spec file');
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new UsageError(`spec file not found: ${file} (looked at ${absolute})`, 'check the path, or write an example spec with `sweep init`');
    throw new UsageError(`cannot read spec file ${file}: ${(error as Error).message}`);
  }
  const specDir = path.dirname(absolute);
  // objectiveBlocks: the built-in objectives' dataset blocks are checked with the rest of the spec.
  const spec = parseSweepSpec(text, { source: file, format: absolute.endsWith('.json') ? 'json' : 'yaml', objectiveBlocks });
  return { spec: await preflight(spec, specDir, file), specDir, file };
}

/**
 * Checks what the spec schema cannot: that the objective exists, that the files its dataset
 * block names open and have the columns named and, for the built-in rnn-text, that every
 * parameter is one it accepts. Returns the spec with the module and dataset paths absolute (so
 * the stored spec can be resumed from any folder). Give it a spec validated with
 * `objectiveBlocks` (as loadSpecFile does), so that its dataset block is already checked.
 * @throws {SpecError} listing every problem found.
 */
export async function preflight(spec: SweepSpec, specDir: string, source: string): Promise<SweepSpec> {
  const problems: SpecProblem[] = [];
  let objective = spec.objective;
  try {
    objective = resolveObjective(spec.objective, specDir);
  } catch (error) {
    if (error instanceof SpecError) problems.push(...error.problems);
    else throw error;
  }
  if (spec.objective === 'rnn-text') problems.push(...checkRnnTextParams(spec), ...checkRnnTextMetrics(spec), ...checkRnnTextPbt(spec));
  const checked = await checkObjectiveFiles(spec, specDir);
  problems.push(...checked.problems);
  if (problems.length > 0) throw new SpecError(problems, source);
  return { ...checked.spec, objective };
}
