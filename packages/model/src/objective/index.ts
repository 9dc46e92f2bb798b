export { rnnTextObjective } from './rnn-text-objective.js';
export type { DatasetSettings, ObjectiveContext, ObjectiveMetrics } from './objective-context.js';
export { RNN_TEXT_PARAMS, type ParamSpec, type RnnTextParamName } from './param-schema.js';
export { parseParams, type ParsedParams, type ParamValue } from './parse-params.js';
