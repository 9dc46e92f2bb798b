export { rnnTextObjective } from './rnn-text-objective.js';
export type { DatasetSettings, ObjectiveContext, ObjectiveMetrics, ReportOptions, RestoredCheckpoint } from './objective-context.js';
export { RNN_TEXT_ARCHITECTURE_PARAMS, RNN_TEXT_CHECKPOINT_FORMAT, type RnnTextCheckpoint, type Architecture } from './rnn-text-checkpoint.js';
export { RNN_TEXT_PARAMS, type ParamSpec, type RnnTextParamName } from './param-schema.js';
export { parseParams, type ParsedParams, type ParamValue } from './parse-params.js';
