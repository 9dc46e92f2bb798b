export { parseSweepSpec, type ParseSweepSpecOptions } from './parse-sweep-spec.js';
export { validateSweepSpec, type ValidateSweepSpecOptions } from './validate-sweep-spec.js';
export { checkObjectiveBlocks, OBJECTIVE_BLOCKS, type ObjectiveBlock, type ObjectiveBlockSchemas, type ObjectiveBlocksLookup } from './objective-blocks.js';
export { createSearchSpace, type SearchSpaceOptions } from './build-search-space.js';
export { sweepSpecJsonSchema, SWEEP_SPEC_SCHEMA_ID, type SweepSpecJsonSchemaOptions } from './json-schema.js';
export { sweepSpecDocument, type SweepSpecDocument } from './spec-document.js';
export { durationSeconds } from './duration.js';
export { objectivesOf, constraintsOf, isVectorSweep, trackedMetricsOf, frontObjectivesOf } from './objectives.js';
export {
  PARAM_KINDS,
  DEFAULT_FAIL_FAST,
  type ParamKind,
  type ParamSpec,
  type MetricSpec,
  type ConstraintSpec,
  type BudgetSpec,
  type CompareSpec,
  type SweepSpec,
} from './sweep-spec.js';
