export * from './classifier-config.js';
export { buildClassifier, countParameters } from './build-classifier.js';
export { validateClassifierConfig } from './validate-config.js';
export { LoopCell, LoopRNN, type LoopCellArgs, type LoopRnnArgs } from './loop-cell.js';
export { MaskedPooling, type MaskedPoolingArgs } from './masked-pooling.js';
