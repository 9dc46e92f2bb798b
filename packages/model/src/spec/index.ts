/**
 * @loopsweep/model/spec — what an `rnn-text` sweep spec's `dataset` block may say, and the check
 * of its file, without loading TensorFlow.js (the main entry does).
 */
export { rnnTextDatasetSchema, type DatasetSettings, type TextFileSettings } from './dataset-schema.js';
export { checkDatasetSettings } from './check-dataset-settings.js';
export type { DatasetProblem } from './dataset-problem.js';
