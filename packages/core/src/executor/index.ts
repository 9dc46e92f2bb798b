export type { TrialExecutor, TrialTask, TrialOutcome, TrialHandle, ReportAnswer, ReportListener } from './trial-executor.js';
