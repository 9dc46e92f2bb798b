/**
 * The I/O half of checking a spec's objective blocks: what the schema cannot see, such as
 * whether rnn-text's csv/jsonl file exists and has the columns the spec names.
 */
import path from 'node:path';
import type { SpecProblem, SweepSpec } from '@loopsweep/core';
import { checkDatasetSettings, rnnTextDatasetSchema } from '@loopsweep/model/spec';

export interface CheckedObjectiveFiles {
  /** Every problem, at its spec path (`dataset.text_column`). */
  readonly problems: readonly SpecProblem[];
  /** The spec with `dataset.path` absolute, so a stored spec runs (and resumes) from any folder. */
  readonly spec: SweepSpec;
}

/**
 * Opens the files a spec's objective will read and checks them as a trial would: for rnn-text
 * with a csv or jsonl dataset, that `dataset.path` (relative to the spec's folder, as trials
 * read it once it is made absolute here) is a readable file with rows, whose rows have the
 * text and label columns. Call it on a spec validated with `objectiveBlocks`; a dataset block
 * the schema refuses is left to that validation.
 *
 * @param specDir the folder relative paths are resolved against: the spec file's
 * @throws nothing for bad input: problems are returned; only unexpected errors escape.
 */
export async function checkObjectiveFiles(spec: SweepSpec, specDir: string): Promise<CheckedObjectiveFiles> {
  if (spec.objective !== 'rnn-text' || spec.dataset === undefined) return { problems: [], spec };
  const parsed = rnnTextDatasetSchema.safeParse(spec.dataset);
  if (!parsed.success || parsed.data === undefined) return { problems: [], spec };
  const settings = parsed.data.name === 'csv' || parsed.data.name === 'jsonl' ? { ...parsed.data, path: path.resolve(specDir, parsed.data.path) } : parsed.data;
  const problems = (await checkDatasetSettings(settings)).map(({ key, message, hint }) => ({
    path: `dataset.${key}`,
    message,
    ...(hint === undefined ? {} : { hint }),
  }));
  // The block as written, but for its path: the stored spec is what the user wrote.
  const dataset = 'path' in settings ? { ...spec.dataset, path: settings.path } : spec.dataset;
  return { problems, spec: { ...spec, dataset } };
}
