export * from './classifier-config.js';
export { buildClassifier, countParameters } from './build-classifier.js';
export { validateClassifierConfig } from './validate-config.js';
export { LoopCell, LoopRNN, type LoopCellArgs, type LoopRnnArgs } from './loop-cell.js';
export { MaskedPooling, type MaskedPoolingArgs } from './masked-pooling.js';
export { FastRNN, type FastRnnArgs } from './fast-rnn/fast-rnn-layer.js';
export { opsRecurrence } from './fast-rnn/ops-recurrence.js';
export type { Recurrence, RecurrenceInputs, RecurrentCell } from './fast-rnn/recurrence.js';
