/**
 * Re-trains a population-based training member's schedule from scratch with fresh seeds (issue
 * 18, `sweep replay`): was the schedule PBT found good, or was the member lucky? A member's
 * schedule is its ancestors' params up to each exploit step, then its own to max_epochs.
 *
 * Each seed runs the schedule as a chain of trials (stage 'replay', `origin` the member, `seed` the
 * chain's): the first segment trains from scratch with the first params up to the first exploit
 * step; each next one continues the previous segment's training from its checkpoint at that step
 * (lineage parent and replaces: the previous segment; its own copy of that checkpoint as its start)
 * with the next params, up to the next step; the last one trains to max_epochs. Every segment but
 * the last stops at its own epoch limit (`maxEpochs`). A resumed sweep finds each chain's segments
 * in the study and runs only the rest. The PBT pruner never stops them (they are no members).
 */
import { type FrozenTrial, type Params, type Study } from '@loopsweep/core';
import type { SourceContext, TrialSource } from './trial-source.js';

export const REPLAY_STAGE = 'replay';

/** A stretch of a schedule: `params` train epochs `from` + 1 .. `to`. */
export interface ScheduleSegment {
  readonly params: Params;
  /** The last epoch before the segment (0: from scratch). */
  readonly from: number;
  /** Its last epoch. */
  readonly to: number;
}

/**
 * The schedule of `member`: its ancestors' params up to each exploit step (following
 * lineage.parent back), then its own to `maxEpochs`, as segments in epoch order.
 * @throws {RangeError} when its lineage does not lead back to a first member (a broken record).
 */
export function scheduleOf(trials: readonly FrozenTrial[], member: FrozenTrial, maxEpochs: number): ScheduleSegment[] {
  const own = (to: number): ScheduleSegment[] => {
    if (!member.lineage) return [{ params: member.params, from: 0, to }];
    const parent = trials[member.lineage.parent];
    if (parent === undefined || parent.number >= member.number) {
      throw new RangeError(`trial ${member.number}'s lineage names trial ${member.lineage.parent}, which cannot be its parent`);
    }
    const before = scheduleOf(trials, parent, Math.min(member.lineage.step, to));
    return [...before, { params: member.params, from: member.lineage.step, to }];
  };
  // A parent's own segment may end before the cut (never after); empty segments are dropped.
  return own(maxEpochs)
    .map((segment) => ({ ...segment, to: Math.min(segment.to, maxEpochs) }))
    .filter((segment) => segment.to > segment.from);
}

export class ScheduleReplay implements TrialSource {
  readonly name: string;

  /**
   * @param member the PBT member whose schedule to re-train (a COMPLETE one: its chain reached max_epochs).
   * @param seeds one chain of segment trials each.
   * @throws {RangeError} when `member` is not a trial number or a seed is not a 32-bit unsigned integer.
   */
  constructor(
    readonly member: number,
    readonly seeds: readonly number[],
  ) {
    if (!Number.isInteger(member) || member < 0) throw new RangeError(`replay: member must be a trial number (an integer >= 0), got ${member}`);
    for (const seed of seeds) {
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new RangeError(`replay: seeds must be integers in [0, 2^32), got ${seed}`);
    }
    this.name = `replay of trial ${member}'s schedule`;
  }

  /** The member's schedule in the sweep's study (its budget's max_epochs; 10 when it sets none, the objectives' default). */
  schedule({ study, spec }: Pick<SourceContext, 'study' | 'spec'>): ScheduleSegment[] {
    const member = study.trials[this.member];
    if (member === undefined) throw new RangeError(`replay: the sweep has no trial ${this.member}`);
    return scheduleOf(study.trials, member, spec.budget.max_epochs ?? 10);
  }

  next(context: SourceContext): FrozenTrial | undefined {
    const { study, transitions } = context;
    const member = study.trials[this.member];
    if (!member || member.state === 'QUEUED' || member.state === 'RUNNING') return undefined;
    const segments = this.schedule(context);
    for (const seed of this.seeds) {
      const chain = replayChain(study, this.member, seed);
      const last = chain.at(-1);
      // A chain waits for its running segment; one that failed for good (or was cancelled) ends there.
      if (last !== undefined && last.state !== 'COMPLETE') continue;
      const index = chain.length;
      const segment = segments[index];
      if (segment === undefined) continue;
      const final = index === segments.length - 1;
      const trial = study.enqueue(segment.params, {
        seed,
        stage: REPLAY_STAGE,
        origin: this.member,
        ...(last !== undefined ? { lineage: { parent: last.number, step: segment.from, replaces: last.number }, restoreStep: segment.from } : {}),
        ...(final ? {} : { maxEpochs: segment.to }),
      });
      transitions.created(trial);
      if (last !== undefined && !transitions.copyCheckpoint(last.number, segment.from, trial.number)) {
        transitions.note(
          trial.number,
          `trial ${last.number} left no checkpoint at step ${segment.from}: this segment trains from scratch, so the replay does not follow the schedule (an objective continues a segment only if it offers checkpoints: ctx.report(step, metrics, { checkpoint }))`,
        );
      }
      return trial;
    }
    return undefined;
  }

  /** Done when every chain has run its last segment (or ended at a segment that did not complete). */
  done(context: SourceContext): boolean {
    const member = context.study.trials[this.member];
    if (member === undefined) return true;
    const segments = this.schedule(context).length;
    return this.seeds.every((seed) => {
      const chain = replayChain(context.study, this.member, seed);
      const last = chain.at(-1);
      if (last === undefined) return false;
      if (last.state === 'QUEUED' || last.state === 'RUNNING') return false;
      return last.state !== 'COMPLETE' || chain.length >= segments;
    });
  }
}

/** The segment trials of `member`'s replay with `seed`, in segment order. */
export function replayChain(study: Pick<Study, 'trials'>, member: number, seed: number): FrozenTrial[] {
  return study.trials.filter((trial) => trial.stage === REPLAY_STAGE && trial.origin === member && trial.seed === seed);
}

/**
 * A replay segment that has finished and that the next segment will continue from: its
 * checkpoint at its last epoch must stay until that segment exists (with its own copy).
 */
export function awaitsNextSegment(trial: FrozenTrial, trials: readonly FrozenTrial[]): boolean {
  if (trial.stage !== REPLAY_STAGE || trial.state !== 'COMPLETE' || trial.maxEpochs === undefined) return false;
  return !trials.some((other) => other.lineage?.parent === trial.number);
}
