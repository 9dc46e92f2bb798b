export type { TrialStore, SweepRecord, NewSweep, StoredTrial, TrialUpdate, MetricRow, EventKind, SweepStatus } from './trial-store.js';
