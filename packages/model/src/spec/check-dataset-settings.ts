import type { DatasetProblem } from './dataset-problem.js';
import type { DatasetSettings } from './dataset-schema.js';
import { checkTextFile } from './check-text-file.js';

/**
 * What the schema of a dataset block cannot check: that the splits leave examples to train on
 * and, for csv and jsonl, that the file opens and has the text and label columns (it is read
 * once, as a trial would). Call it on settings the schema accepted, with `path` resolved.
 *
 * @returns every problem found, each at the spec key that fixes it.
 */
export async function checkDatasetSettings(settings: DatasetSettings): Promise<DatasetProblem[]> {
  const problems: DatasetProblem[] = [];
  const valSplit = settings.val_split ?? 0.2;
  const testSplit = settings.test_split ?? 0.1;
  if (valSplit + testSplit >= 1) {
    problems.push({
      key: settings.test_split === undefined ? 'val_split' : 'test_split',
      message: `val_split + test_split must be below 1 so that some examples remain to train on, got ${valSplit} + ${testSplit}`,
      hint: 'lower one of them',
    });
  }
  if (settings.name === 'csv' || settings.name === 'jsonl') problems.push(...(await checkTextFile(settings)));
  return problems;
}
