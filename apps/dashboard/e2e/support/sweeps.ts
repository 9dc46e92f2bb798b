/**
 * Sweep databases written by the real runner: runSweep with the built-in `noop` objective on
 * worker threads, the same path `sweep run` takes, and a comparison protocol's sweep written
 * through the store as the runner's confirmation stage writes it.
 */
import { comparisonProtocolOf, judgeStrategies, parseSweepSpec, type FrozenTrial, type StrategyVerdict } from '@loopsweep/core';
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

/**
 * Starts a sweep in the background (the concurrent writer of the live tests); `specDir` is where
 * its spec's relative paths (an objective module) resolve, as `sweep run` resolves them.
 */
export function startSweep(dbPath: string, specText: string, specDir = process.cwd()): RunningSweep {
  const store = SqliteTrialStore.open(dbPath);
  const executor = createExecutor(parseDevices('wasm:2', 2));
  const control = new SweepControl();
  const done = runSweep({ store, executor, control, start: { kind: 'new', spec: parseSweepSpec(specText), specDir }, tickMs: 50 });
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
export async function runToEnd(dbPath: string, specText: string, specDir?: string): Promise<SweepOutcome> {
  const sweep = startSweep(dbPath, specText, specDir);
  const outcome = await sweep.done;
  await sweep.stop();
  return outcome;
}

/** What `sweep compare <sweep> --by <by> --json` computes: core's judgeStrategies over the stored trials, the sweep's seed and compare block. */
export function judgeFromDatabase(dbPath: string, sweep: string, by: string): StrategyVerdict {
  const reader = SweepReader.open(dbPath);
  try {
    const info = reader.getSweep(sweep);
    if (!info) throw new Error(`no sweep ${sweep} in ${dbPath}`);
    const protocol = comparisonProtocolOf(info.spec);
    return judgeStrategies(comparableTrials(reader.trials(sweep, {}), new Map()), {
      by,
      direction: info.direction,
      seed: info.seed,
      ...(protocol !== undefined ? { protocol } : {}),
    });
  } finally {
    reader.close();
  }
}

/** Seed-to-seed noise of one configuration (sd ≈ 0.015), the same pattern for every optimizer. */
const NOISE = [0.012, -0.018, 0.004, 0.021, -0.009, -0.014, 0.017, -0.002, 0.008, -0.019];

/**
 * A sweep that ran a comparison protocol by optimizer: 4 search trials per value, then `seeds`
 * confirmation replicates of each value's best, adam planted `adamOffset` above the rest.
 */
export function writeProtocolSweep(dbPath: string, name: string, seeds: number, adamOffset: number): void {
  const optimizers = ['sgd', 'adam', 'rmsprop'];
  const store = SqliteTrialStore.open(dbPath);
  try {
    const spec = {
      name,
      objective: 'noop',
      metric: { name: 'value', goal: 'maximize' },
      parameters: { optimizer: { values: optimizers }, lr: { log_uniform: [1e-4, 0.1] } },
      compare: { by: 'optimizer', trials_per_value: 4, confirm: { seeds } },
    };
    const { id } = store.createSweep({ name, spec, specHash: name, metric: 'value', direction: 'maximize', objective: 'noop', seed: 5 });
    let number = 0;
    const trial = (fields: Omit<FrozenTrial, 'number' | 'intermediate' | 'attempt'>): void =>
      store.createTrial(id, { number: number++, intermediate: new Map([[1, fields.value ?? 0]]), attempt: 1, ...fields });
    for (const optimizer of optimizers)
      for (let i = 0; i < 4; i++) trial({ state: 'COMPLETE', params: { optimizer, lr: 0.01 / (i + 1) }, value: 0.85 - 0.01 * i, stage: 'search' });
    optimizers.forEach((optimizer, o) => {
      for (let s = 0; s < seeds; s++) {
        const value = 0.9 + (optimizer === 'adam' ? adamOffset : 0) + NOISE[(s + 3 * o) % NOISE.length]!;
        trial({ state: 'COMPLETE', params: { optimizer, lr: 0.01 }, value, seed: 1000 + s, stage: 'confirm', origin: 4 * o });
      }
    });
  } finally {
    store.close();
  }
}
