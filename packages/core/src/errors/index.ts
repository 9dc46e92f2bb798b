export { SweepError, type SweepErrorCode } from './sweep-error.js';
export { SpecError, formatSpecProblem, type SpecProblem } from './spec-error.js';
export { TrialPrunedError } from './trial-pruned-error.js';
export { IllegalTransitionError } from './illegal-transition-error.js';
export { StoreError } from './store-error.js';
