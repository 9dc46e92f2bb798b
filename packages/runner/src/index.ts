/**
 * @loopsweep/runner — runs sweeps: the orchestrator (the one SQLite writer), trial executors
 * (worker threads for JS backends, one process per GPU for native ones), devices and objectives.
 */
export * from './orchestrator/index.js';
export { ThreadPoolExecutor, type ThreadPoolOptions } from './executor/thread-pool-executor.js';
export { ProcessPoolExecutor, describeProcessSlots, type ProcessPoolOptions } from './executor/process-pool-executor.js';
export type { ProcessSlot } from './executor/child-slot.js';
export { DEFAULT_CANCEL_GRACE_MS } from './executor/executor-options.js';
export { parseDevices } from './devices/parse-devices.js';
export { createExecutor, type CreateExecutorOptions } from './devices/create-executor.js';
export { DevicesError } from './devices/devices-error.js';
export { THREAD_BACKENDS, PROCESS_BACKENDS, type DeviceSlots, type ThreadBackend, type ProcessBackend } from './devices/device-slots.js';
export { loadObjective, type ObjectiveFn, type ObjectiveResult, type BuiltInObjective } from './objectives/load-objective.js';
export { ObjectiveLoadError } from './objectives/objective-load-error.js';
export { noopObjective, noopValue } from './objectives/noop.js';
export { commandObjective, type CommandTrial } from './objectives/command-objective.js';
export { CommandObjectiveError } from './objectives/command-error.js';
export { BUILT_IN_OBJECTIVE_BLOCKS, objectiveBlocks } from './objectives/objective-blocks.js';
export { checkObjectiveFiles, type CheckedObjectiveFiles } from './objectives/check-objective-files.js';
export { builtInSweepSpecJsonSchema } from './objectives/spec-json-schema.js';
export { TrialCancelledError } from './worker/trial-cancelled-error.js';
export type { TrialMessage, TrialControl, HostMessage, HostRequest } from './worker/messages.js';
export * from './distributed/index.js';
