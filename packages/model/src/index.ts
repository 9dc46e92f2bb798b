/**
 * @loopsweep/model — RNN text classifiers on TensorFlow.js: data, models, training strategies,
 * the `rnn-text` objective, and save/load. Usable on its own:
 *
 *   import { loadDataset, buildClassifier, train } from '@loopsweep/model';
 */
export * from './errors.js';
export { createRandom, type RandomSource, type SeededRandom } from './random.js';
export { initBackend, currentBackend, BACKEND_NAMES, type BackendName, type BackendInfo } from './backends/init-backend.js';
export * from './data/index.js';
export * from './text/index.js';
export * from './models/index.js';
export * from './training/index.js';
export * from './objective/index.js';
export { rnnTextDatasetSchema, checkDatasetSettings, type DatasetProblem, type TextFileSettings } from './spec/index.js';
export { RNN_TEXT_METRICS, type RnnTextMetric, type RnnTextMetricName, type RnnTextMetricPlace } from './spec/index.js';
export { saveModel, loadModel, type SaveModelOptions, type LoadedModel, type SavedModelMetadata } from './io/model-directory.js';
export { predictTexts, type TextPrediction } from './io/predict.js';
export {
  loadRnnKernel,
  type RnnKernel,
  type RecurrenceProblem,
  type KernelArrays,
  type KernelForward,
  type KernelGradients,
  type KernelOptions,
  type PlacedSgemm,
  type SgemmShape,
} from './kernels/index.js';
