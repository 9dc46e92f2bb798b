/**
 * Sweep databases written by the real runner: runSweep with the built-in `noop` objective on
 * worker threads, the same path `sweep run` takes. Values depend on the params only, so the
 * strategy comparison has a real winner.
 */
import { compareStrategies, parseSweepSpec, type StrategyComparison } from '@loopsweep/core';
import { createExecutor, parseDevices, runSweep, SweepControl, type SweepOutcome } from '@loopsweep/runner';
import { comparableTrials, SqliteTrialStore, SweepReader } from '@loopsweep/store';

/** An RNN-strategy-shaped sweep: a categorical optimizer and cell, numeric lr/units/dropout, a conditional momentum, sgd diverging at times. */
export function strategiesSpec(name: string, options: { trials: number; sleepMs?: number; epochs?: number }): string {
  return `
name: ${name}
objective: noop
metric: { name: value, goal: maximize }
budget: { trials: ${options.trials}, parallel: 2, max_epochs: ${options.epochs ?? 5} }
sampler: { type: random, seed: 11 }
pruner: { type: median, warmup_steps: 1 }
parameters:
  optimizer: { values: [sgd, momentum, adam, rmsprop] }
  momentum:  { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  lr:        { log_uniform: [1.0e-4, 1.0e-1] }
  cell:      { values: [lstm, gru, simple] }
  units:     { int: [16, 128] }
  dropout:   { uniform: [0.0, 0.5] }
  noop_fail: { values: [none, diverge], when: { optimizer: sgd } }
  noop_sleep_ms: { value: ${options.sleepMs ?? 0} }
`;
}

export interface RunningSweep {
  /** Resolves when the sweep has run to its budget or was stopped. */
  readonly done: Promise<SweepOutcome>;
  /** Stops asking for trials, lets the running ones finish, closes the store and the threads. */
  stop(): Promise<void>;
}

/** Starts a sweep in the background (the concurrent writer of the live test). */
export function startSweep(dbPath: string, specText: string): RunningSweep {
  const store = SqliteTrialStore.open(dbPath);
  const executor = createExecutor(parseDevices('wasm:2', 2));
  const control = new SweepControl();
  const done = runSweep({ store, executor, control, start: { kind: 'new', spec: parseSweepSpec(specText), specDir: process.cwd() }, tickMs: 50 });
  const closed = done.finally(async () => {
    await executor.close();
    store.close();
  });
  return {
    done,
    stop: async () => {
      control.stopAsking();
      await closed.catch(() => undefined);
    },
  };
}

/** Runs a sweep to its budget. */
export async function runToEnd(dbPath: string, specText: string): Promise<SweepOutcome> {
  const sweep = startSweep(dbPath, specText);
  const outcome = await sweep.done;
  await sweep.stop();
  return outcome;
}

/** What `sweep compare <sweep> --by <by>` computes: core's compareStrategies over the stored trials and curves. */
export function compareFromDatabase(dbPath: string, sweep: string, by: string): StrategyComparison {
  const reader = SweepReader.open(dbPath);
  try {
    const info = reader.getSweep(sweep);
    if (!info) throw new Error(`no sweep ${sweep} in ${dbPath}`);
    const { rows, curves } = reader.snapshot(() => ({ rows: reader.trials(sweep, {}), curves: reader.learningCurves(sweep, info.metric) }));
    return compareStrategies(comparableTrials(rows, curves), by, info.direction);
  } finally {
    reader.close();
  }
}
