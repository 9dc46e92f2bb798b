export type { TrialExecutor, TrialTask, TrialOutcome, TrialHandle } from './trial-executor.js';
