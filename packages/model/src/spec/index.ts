/**
 * @loopsweep/model/spec — what an `rnn-text` sweep spec's `dataset` block may say, the check of
 * its file, and the metrics rnn-text reports, without loading TensorFlow.js (the main entry does).
 */
export { rnnTextDatasetSchema, type DatasetSettings, type TextFileSettings } from './dataset-schema.js';
export { checkDatasetSettings } from './check-dataset-settings.js';
export type { DatasetProblem } from './dataset-problem.js';
export { RNN_TEXT_METRICS, type RnnTextMetric, type RnnTextMetricName, type RnnTextMetricPlace } from './metrics.js';
