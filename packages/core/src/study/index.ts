export { Study, searchTrialsArePruned, type StudyOptions, type PruneDecision, type FinalState, type TrialFields } from './study.js';
export { createStudy } from './create-study.js';
export { checkRecords } from './check-records.js';
export { specSamplerChoice } from './spec-sampler.js';
export { specVectorObjectives, vectorHistory } from './vector-objectives.js';
