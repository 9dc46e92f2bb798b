export { parseSweepSpec, type ParseSweepSpecOptions } from './parse-sweep-spec.js';
export { validateSweepSpec } from './validate-sweep-spec.js';
export { createSearchSpace, type SearchSpaceOptions } from './build-search-space.js';
export { sweepSpecJsonSchema, SWEEP_SPEC_SCHEMA_ID } from './json-schema.js';
export { sweepSpecDocument, type SweepSpecDocument } from './spec-document.js';
export { durationSeconds } from './duration.js';
export { PARAM_KINDS, DEFAULT_FAIL_FAST, type ParamKind, type ParamSpec, type MetricSpec, type BudgetSpec, type SweepSpec } from './sweep-spec.js';
