export type { TrialStore, SweepRecord, NewSweep, StoredTrial, TrialUpdate, MetricRow, EventKind, SweepStatus, CheckpointKey } from './trial-store.js';
