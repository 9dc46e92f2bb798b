export { runSweep, type RunSweepOptions, type SweepOutcome } from './run-sweep.js';
export { SweepControl } from './sweep-control.js';
export type { SweepProgress, RunnerEvent } from './progress.js';
export { resolveObjective } from './resolve-objective.js';
export { BUILT_IN_OBJECTIVES } from '../objectives/load-objective.js';
export { newOwner, ownerLiveness } from './owner.js';
export { specHash } from './spec-hash.js';
export { ScheduleReplay, REPLAY_STAGE, scheduleOf, replayChain, type ScheduleSegment } from './sources/schedule-replay.js';
export type { TrialSource, SourceContext } from './sources/trial-source.js';
