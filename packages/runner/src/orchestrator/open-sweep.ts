/**
 * Starting a new sweep, or taking an existing one back after a crash: the records in the store
 * are the truth, and interrupted trials are handed back to the queue.
 */
import { lastCheckpointStep } from './checkpoints.js';
import { requeuedMessage } from './transitions.js';
import {
  SweepError,
  StoreError,
  describeObjective,
  sweepSpecDocument,
  validateSweepSpec,
  type ObjectiveRef,
  type StoredTrial,
  type SweepRecord,
  type SweepSpec,
  type TrialExecutor,
  type TrialStore,
} from '@loopsweep/core';
import { ownerLiveness, parseOwner } from './owner.js';
import { resolveObjective } from './resolve-objective.js';
import { specHash } from './spec-hash.js';

/** Records a new sweep. @throws {StoreError} when the name is taken (the message says to resume). */
export function createSweepRecord(store: TrialStore, spec: SweepSpec): SweepRecord {
  const document = sweepSpecDocument(spec);
  const sweep = store.createSweep({
    name: spec.name,
    spec: document,
    specHash: specHash(document),
    metric: spec.metric.name,
    direction: spec.metric.goal,
    objective: describeObjective(spec.objective),
    seed: spec.sampler.seed,
  });
  store.appendEvent(sweep.id, null, 'sweep_started', `sweep ${spec.name} started`);
  return sweep;
}

/**
 * Finds a stored sweep and its spec.
 * @throws {SweepError} code 'STORE' when there is no sweep of that name.
 * @throws {SpecError} when the stored spec no longer validates (a newer loopsweep changed rules).
 */
export function loadSweepRecord(store: TrialStore, name: string): { sweep: SweepRecord; spec: SweepSpec } {
  const sweep = store.getSweep(name);
  if (!sweep) throw new SweepError('STORE', `no sweep named '${name}' in this database; \`sweep list\` shows the sweeps it holds`);
  return { sweep, spec: validateSweepSpec(sweep.spec, `stored for sweep '${name}'`) };
}

/**
 * Trials left RUNNING by an owner that is gone (kill -9, power loss), without changing them.
 * @throws {StoreError} when another live process still runs this sweep.
 */
export function findLostTrials(store: TrialStore, sweep: SweepRecord, owner: string, now: number, leaseMs: number): StoredTrial[] {
  // Every RUNNING trial of another owner, however fresh its heartbeat; liveness is judged below.
  const running = store.findInterrupted(sweep.id, owner, Number.MAX_SAFE_INTEGER, 0);
  for (const trial of running) {
    const liveness = trial.owner ? ownerLiveness(trial.owner) : 'dead';
    const silentFor = trial.heartbeatAt === undefined ? Infinity : now - trial.heartbeatAt;
    if (liveness === 'alive' || (liveness === 'unknown' && silentFor < leaseMs)) {
      const where = trial.owner ? parseOwner(trial.owner) : undefined;
      throw new StoreError(
        `sweep '${sweep.name}' is still running` +
          (where ? ` (pid ${where.pid} on ${where.host}, heartbeat ${Math.round(silentFor / 1000)} s ago)` : '') +
          '; stop that process first, or wait until its heartbeat lease runs out',
      );
    }
  }
  return running;
}

/** Why a lost trial runs again, in the words of its event and failure reason. */
export function lostReason(trial: StoredTrial): string {
  return `interrupted: its runner ${trial.owner ?? '(unknown)'} died`;
}

/**
 * Hands trials left RUNNING by a dead owner back to the queue (attempt + 1). A coordinator that
 * died is not the trial's fault, so these are always re-run, whatever `retries` says.
 * @throws {StoreError} when another live process still runs this sweep.
 */
export function reclaimInterrupted(store: TrialStore, sweep: SweepRecord, owner: string, now: number, leaseMs: number, checkpointing = false): StoredTrial[] {
  const lost = findLostTrials(store, sweep, owner, now, leaseMs);
  for (const trial of lost) {
    const reason = lostReason(trial);
    // A population member goes on from its last checkpoint rather than from scratch.
    const restoreStep = checkpointing ? lastCheckpointStep(store, sweep.id, trial) : undefined;
    store.updateTrial(sweep.id, trial.number, {
      state: 'QUEUED',
      attempt: trial.attempt + 1,
      failureReason: reason,
      ...(restoreStep === undefined ? {} : { restoreStep }),
    });
    store.appendEvent(sweep.id, trial.number, 'trial_retried', requeuedMessage(reason, trial.attempt + 1, restoreStep));
  }
  return lost;
}

/** How a sweep is started: a new spec, or the stored sweep of that name (resume). */
export type SweepStart =
  { readonly kind: 'new'; readonly spec: SweepSpec; readonly specDir: string } | { readonly kind: 'resume'; readonly name: string; readonly specDir: string };

export interface OpenedSweep {
  readonly sweep: SweepRecord;
  readonly spec: SweepSpec;
  /** The objective as workers load it: a built-in name, an absolute path, or a command with an absolute cwd. */
  readonly objective: ObjectiveRef;
  /** On resume, trials a dead orchestrator left RUNNING that the executor may still follow. */
  readonly lost: readonly StoredTrial[];
}

/**
 * Creates the sweep, or takes a stored one back: the objective is checked before anything is
 * written, and on resume the trials a dead owner left RUNNING are re-queued (or, where the
 * executor can still follow them, handed back as `lost`).
 * @throws {SpecError} for an unknown objective; {StoreError} when the name is taken (new) or the
 *   sweep is missing or still running elsewhere (resume).
 */
export function openSweep(
  store: TrialStore,
  executor: TrialExecutor,
  start: SweepStart,
  lease: { readonly owner: string; readonly startedAt: number; readonly leaseMs: number },
): OpenedSweep {
  let opened: OpenedSweep;
  if (start.kind === 'new') {
    const objective = resolveObjective(start.spec.objective, start.specDir);
    opened = { sweep: createSweepRecord(store, start.spec), spec: start.spec, objective, lost: [] };
  } else {
    const { sweep, spec } = loadSweepRecord(store, start.name);
    const objective = resolveObjective(spec.objective, start.specDir);
    const { owner, startedAt, leaseMs } = lease;
    let lost: StoredTrial[] = [];
    if (executor.reattach) lost = findLostTrials(store, sweep, owner, startedAt, leaseMs);
    else reclaimInterrupted(store, sweep, owner, startedAt, leaseMs, spec.sampler.type === 'pbt');
    store.setSweepStatus(sweep.id, 'running');
    store.appendEvent(sweep.id, null, 'sweep_resumed', `sweep ${sweep.name} resumed`);
    opened = { sweep, spec, objective, lost };
  }
  // Where the trials run is part of the record (for a queue: its name and redacted URL).
  store.appendEvent(opened.sweep.id, null, 'info', `trials run on ${executor.description}`);
  return opened;
}
