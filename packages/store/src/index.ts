/**
 * @loopsweep/store — SQLite storage (DESIGN.md): the schema and its migrations, the one writer
 * (SqliteTrialStore, core's TrialStore), the read-only API for the CLI and the dashboard, export.
 */
export { SqliteTrialStore, type SqliteTrialStoreOptions } from './sqlite-trial-store.js';
export { SweepReader } from './reader/sweep-reader.js';
export { START_CURSOR } from './reader/start-cursor.js';
export { comparableTrials, type ComparableTrialRow } from './reader/comparable-trials.js';
export { TRIAL_SORTS, SORT_ORDERS } from './reader/trial-query.js';
export { memberLineage, populationSlots, scheduleOf, type LineageSegment, type MemberLineage, type ScheduleRun } from './reader/lineage.js';
export type {
  ChangeCursor,
  EventQuery,
  MetricPoint,
  SortOrder,
  SweepChanges,
  SweepEvent,
  SweepSummary,
  TrialDetail,
  TrialFilter,
  TrialTimes,
  TrialQuery,
  TrialRow,
  TrialSort,
} from './reader/types.js';
export { exportTrials, EXPORT_FORMATS, type ExportFormat } from './export/export-trials.js';
export { SCHEMA_VERSION } from './migrations/migrations.js';
