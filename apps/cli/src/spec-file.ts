/**
 * Reading a sweep spec file for `run` and `validate`: the text, the validated spec, and every
 * check the CLI can make before anything is written (objective, dataset files, rnn-text params).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SpecError, parseSweepSpec, type SpecProblem, type SweepSpec } from '@loopsweep/core';
import { resolveObjective } from '@loopsweep/runner';
import { UsageError } from './errors.js';
import { checkRnnTextParams } from './rnn-text-checks.js';

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
 * @throws {SpecError} with every problem: syntax, schema, an unknown objective, a missing module
 *   or dataset file, params the built-in objective does not know.
 */
export function loadSpecFile(file: string): LoadedSpec {
  const absolute = path.resolve(file);
  let text: string;
  try {
    if (statSync(absolute).isDirectory()) throw new UsageError(`${file} is a folder, not a sweep spec`, 'name a .yaml or .json spec file');
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`spec file not found: ${file} (looked at ${absolute})`, 'check the path, or write an example spec with `sweep init`');
    throw new UsageError(`cannot read spec file ${file}: ${(error as Error).message}`);
  }
  const specDir = path.dirname(absolute);
  const spec = parseSweepSpec(text, { source: file, format: absolute.endsWith('.json') ? 'json' : 'yaml' });
  return { spec: preflight(spec, specDir, file), specDir, file };
}

/**
 * Checks what the spec schema cannot: that the objective exists and, for the built-in rnn-text,
 * that the dataset and every parameter are ones it accepts. Returns the spec with the module and
 * dataset paths absolute (so the stored spec can be resumed from any folder).
 * @throws {SpecError} listing every problem found.
 */
export function preflight(spec: SweepSpec, specDir: string, source: string): SweepSpec {
  const problems: SpecProblem[] = [];
  let objective = spec.objective;
  try {
    objective = resolveObjective(spec.objective, specDir);
  } catch (error) {
    if (error instanceof SpecError) problems.push(...error.problems);
    else throw error;
  }
  let dataset = spec.dataset;
  if (spec.objective === 'rnn-text') {
    problems.push(...checkRnnTextParams(spec));
    const checked = checkDataset(spec.dataset, specDir);
    problems.push(...checked.problems);
    dataset = checked.dataset;
  }
  if (problems.length > 0) throw new SpecError(problems, source);
  return { ...spec, objective, ...(dataset ? { dataset } : {}) };
}

const DATASET_NAMES = ['spamassassin', 'csv', 'jsonl', 'adding'];

function checkDataset(dataset: SweepSpec['dataset'], specDir: string): { problems: SpecProblem[]; dataset: SweepSpec['dataset'] } {
  if (!dataset) return { problems: [], dataset };
  const name = dataset['name'];
  if (name === undefined) return { problems: [{ path: 'dataset.name', message: 'is required', hint: `one of ${DATASET_NAMES.join(', ')}` }], dataset };
  if (typeof name !== 'string' || !DATASET_NAMES.includes(name)) {
    return { problems: [{ path: 'dataset.name', message: `unknown dataset ${JSON.stringify(name)}`, hint: `one of ${DATASET_NAMES.join(', ')}` }], dataset };
  }
  if (name !== 'csv' && name !== 'jsonl') return { problems: [], dataset };
  const file = dataset['path'];
  if (typeof file !== 'string' || file === '') {
    return { problems: [{ path: 'dataset.path', message: `is required for a ${name} dataset`, hint: `the ${name} file, relative to the spec file` }], dataset };
  }
  const absolute = path.resolve(specDir, file);
  let problem: string | undefined;
  try {
    if (!statSync(absolute).isFile()) problem = `${absolute} is not a file`;
  } catch {
    problem = `dataset file not found: ${absolute}`;
  }
  if (problem) return { problems: [{ path: 'dataset.path', message: problem, hint: 'paths are relative to the spec file' }], dataset };
  return { problems: [], dataset: { ...dataset, path: absolute } };
}
