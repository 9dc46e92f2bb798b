/**
 * `sweep replay`'s source: a PBT member's schedule re-trained from scratch with fresh seeds, each
 * seed a chain of segment trials that continue each other's checkpoints, on the noisy quadratic
 * model and the inline executor (a seed gives the same sweep every time).
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseSweepSpec, type FrozenTrial } from '@loopsweep/core';
import { InlineExecutor } from '../../test-support/inline-executor.js';
import { sweepWorkspaces } from '../../test-support/sweep-workspace.js';
import { runSweep } from '../run-sweep.js';
import { SweepControl } from '../sweep-control.js';
import { REPLAY_STAGE, ScheduleReplay, replayChain, scheduleOf } from './schedule-replay.js';

const objective = fileURLToPath(new URL('../../objectives/fixtures/noisy-quadratic.mjs', import.meta.url));
const workspace = sweepWorkspaces('replay');
const EPOCHS = 20;
const SEEDS = [11, 22, 33];

const spec = parseSweepSpec(
  `name: p\nobjective: ${objective}\nmetric: { name: loss, goal: minimize }\nbudget: { max_epochs: ${EPOCHS}, parallel: 8 }\n` +
    `sampler: { type: pbt, seed: 3, population: 8, interval: 2 }\nparameters:\n  lr: { log_uniform: [1.0e-3, 1.0] }\n`,
);

/** lr per epoch (1..EPOCHS) of a member's schedule: its ancestors' lr up to each exploit step, then its own. */
function memberLr(trials: readonly FrozenTrial[], trial: FrozenTrial): number[] {
  const lr = trial.params['lr'] as number;
  if (!trial.lineage) return Array.from({ length: EPOCHS }, () => lr);
  const before = memberLr(trials, trials[trial.lineage.parent] as FrozenTrial).slice(0, trial.lineage.step);
  return [...before, ...Array.from({ length: EPOCHS - trial.lineage.step }, () => lr)];
}

/** lr per epoch a replay chain trained: each segment's lr for the epochs it reported. */
function chainLr(chain: readonly FrozenTrial[]): number[] {
  const lr: number[] = [];
  for (const segment of chain) {
    for (const step of segment.intermediate.keys()) if (step > (segment.restoreStep ?? 0)) lr[step - 1] = segment.params['lr'] as number;
  }
  return lr;
}

async function pbtSweep() {
  const { store } = workspace();
  const executor = new InlineExecutor(8);
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
  expect(outcome.status).toBe('finished');
  const best = outcome.best as FrozenTrial;
  expect(best.lineage).toBeDefined(); // a schedule with at least one exploit step
  return { store, executor, best, trials: outcome.trials };
}

function checkChains(trials: readonly FrozenTrial[], member: FrozenTrial): void {
  const schedule = scheduleOf(trials, member, EPOCHS);
  const expected = memberLr(trials, member);
  for (const seed of SEEDS) {
    const chain = replayChain({ trials }, member.number, seed);
    expect(chain).toHaveLength(schedule.length);
    expect(chain.every((t) => t.state === 'COMPLETE' && t.stage === REPLAY_STAGE && t.origin === member.number && t.seed === seed)).toBe(true);
    // The member's schedule, epoch by epoch; exactly max_epochs epochs trained.
    expect(chainLr(chain)).toEqual(expected);
    expect(chain.reduce((sum, t) => sum + [...t.intermediate.keys()].filter((step) => step > (t.restoreStep ?? 0)).length, 0)).toBe(EPOCHS);
    chain.forEach((segment, i) => {
      expect([...segment.intermediate.keys()].at(-1)).toBe(schedule[i]!.to);
      expect(segment.maxEpochs).toBe(i === chain.length - 1 ? undefined : schedule[i]!.to);
      if (i === 0) {
        expect(segment.lineage).toBeUndefined();
        expect(segment.restoreStep).toBeUndefined();
      } else {
        // Continued the previous segment's checkpoint at its end step.
        const previous = chain[i - 1]!;
        expect(segment.lineage).toEqual({ parent: previous.number, step: schedule[i]!.from, replaces: previous.number });
        expect(segment.restoreStep).toBe(schedule[i]!.from);
        expect([...segment.intermediate.keys()][0]).toBe(schedule[i]!.from + 1);
      }
    });
  }
}

describe('ScheduleReplay', () => {
  it("re-trains the best member's schedule with 3 seeds: chains of segments that continue each other's checkpoints, never pruned", async () => {
    const { store, executor, best, trials } = await pbtSweep();
    const replay = await runSweep({
      store,
      executor,
      start: { kind: 'resume', name: 'p', specDir: process.cwd() },
      sources: [new ScheduleReplay(best.number, SEEDS)],
    });
    expect(replay.status).toBe('finished');
    // Nothing of the population ran again.
    expect(replay.trials.slice(0, trials.length).map((t) => [t.state, t.value])).toEqual(trials.map((t) => [t.state, t.value]));
    const replays = replay.trials.filter((t) => t.stage === REPLAY_STAGE);
    expect(replays.some((t) => t.state === 'PRUNED')).toBe(false);
    checkChains(replay.trials, best);
    // The store holds what the study does, and segments do not count as the sweep's best.
    expect(store.loadTrials(replay.sweep.id).map((t) => [t.maxEpochs, t.lineage, t.restoreStep, t.seed, t.origin])).toEqual(
      replay.trials.map((t) => [t.maxEpochs, t.lineage, t.restoreStep, t.seed, t.origin]),
    );
    expect(replay.best?.maxEpochs).toBeUndefined();
    // Nothing is left to start from: every checkpoint is dropped at the end.
    expect(store.checkpointKeys(replay.sweep.id)).toEqual([]);
    // Fresh seeds: the chains' final values differ from each other.
    const finals = SEEDS.map((seed) => replayChain(replay, best.number, seed).at(-1)!.value);
    expect(new Set(finals).size).toBe(3);
  }, 60_000);

  it('resumed after stopping midway, runs only what is left', async () => {
    const { store, executor, best, trials } = await pbtSweep();
    const complete = trials.filter((t) => t.state === 'COMPLETE').length;
    const control = new SweepControl();
    let stopped = false;
    const first = await runSweep({
      store,
      executor,
      control,
      tickMs: 1,
      start: { kind: 'resume', name: 'p', specDir: process.cwd() },
      sources: [new ScheduleReplay(best.number, SEEDS)],
      onEvent: (event) => {
        // Stopped once 4 segments have completed: the chains are midway.
        if (!stopped && event.type === 'progress' && event.progress.counts.COMPLETE >= complete + 4) {
          stopped = true;
          control.stopAsking();
        }
      },
    });
    expect(first.status).toBe('interrupted');
    const before = first.trials.filter((t) => t.stage === REPLAY_STAGE);
    const segments = scheduleOf(first.trials, best, EPOCHS).length;
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(SEEDS.length * segments);
    // What stopped has what it needs kept: each finished segment's end checkpoint, for its next segment.
    const keys = store.checkpointKeys(first.sweep.id);
    for (const seed of SEEDS) {
      const last = replayChain(first, best.number, seed).at(-1);
      if (last?.state === 'COMPLETE' && last.maxEpochs !== undefined)
        expect(keys.some((key) => key.trialNumber === last.number && key.step === last.maxEpochs)).toBe(true);
    }

    const second = await runSweep({
      store,
      executor,
      start: { kind: 'resume', name: 'p', specDir: process.cwd() },
      sources: [new ScheduleReplay(best.number, SEEDS)],
    });
    expect(second.status).toBe('finished');
    const after = second.trials.filter((t) => t.stage === REPLAY_STAGE);
    expect(after).toHaveLength(SEEDS.length * segments);
    // The segments that had run were not run again.
    for (const trial of before) expect(second.trials[trial.number]).toMatchObject({ state: trial.state, value: trial.value, attempt: trial.attempt });
    checkChains(second.trials, best);
  }, 60_000);
});
