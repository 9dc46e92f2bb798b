import { createRandom, normal } from '../../random.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import type { Pruner } from '../pruner.js';

export interface SimulationOptions {
  readonly trials: number;
  readonly workers: number;
  readonly maxEpochs: number;
  readonly seed: number;
  /** Default 'maximize' (accuracy-like curves); 'minimize' negates every value. */
  readonly direction?: Direction;
  /** τ is drawn uniformly from this range. Default [1.5, 3]. */
  readonly tauRange?: readonly [number, number];
}

export interface SimulatedTrial {
  readonly number: number;
  /** The noiseless curve's value at maxEpochs: how good the trial really ends. */
  readonly finalTrueValue: number;
  readonly epochsRun: number;
  readonly pruned: boolean;
}

/**
 * A sweep of synthetic learning curves, value_t = a·(1 − exp(−t/τ)) + noise, run by `workers`
 * workers in a deterministic simulated time (each trial's epochs take a seeded duration), asking
 * the pruner after every report as the Study does.
 */
export function simulateSweep(pruner: Pruner, options: SimulationOptions): SimulatedTrial[] {
  const { maxEpochs, seed } = options;
  const direction = options.direction ?? 'maximize';
  const sign = direction === 'maximize' ? 1 : -1;
  const [tauLow, tauHigh] = options.tauRange ?? [1.5, 3];
  const random = createRandom(seed);
  const curves = Array.from({ length: options.trials }, () => {
    const asymptote = 0.5 + 0.45 * random();
    const tau = tauLow + (tauHigh - tauLow) * random();
    const noise = Array.from({ length: maxEpochs }, () => 0.01 * normal(random));
    return { asymptote, tau, noise, epochDuration: 0.5 + random() };
  });
  const truth = (i: number, t: number): number => {
    const c = curves[i] as (typeof curves)[number];
    return c.asymptote * (1 - Math.exp(-t / c.tau));
  };

  const records: FrozenTrial[] = [];
  const workers = Array.from({ length: options.workers }, () => ({ clock: 0, trial: undefined as number | undefined }));
  let next = 0;
  const startNext = (worker: (typeof workers)[number]): void => {
    worker.trial = next < options.trials ? next++ : undefined;
    if (worker.trial !== undefined) records.push({ number: worker.trial, state: 'RUNNING', params: {}, intermediate: new Map(), attempt: 1 });
  };
  workers.forEach(startNext);
  for (;;) {
    // The worker whose current epoch ends first reports next (ties: the lower worker).
    let worker: (typeof workers)[number] | undefined;
    for (const w of workers) {
      if (w.trial === undefined) continue;
      const end = w.clock + (curves[w.trial]?.epochDuration ?? 0);
      if (!worker || end < worker.clock + (curves[worker.trial as number]?.epochDuration ?? 0)) worker = w;
    }
    if (!worker) break;
    const number = worker.trial as number;
    worker.clock += curves[number]?.epochDuration ?? 0;
    const record = records[number] as FrozenTrial;
    const step = record.intermediate.size + 1;
    const value = sign * (truth(number, step) + (curves[number]?.noise[step - 1] ?? 0));
    const reported: FrozenTrial = { ...record, intermediate: new Map([...record.intermediate, [step, value]]) };
    records[number] = reported;
    const prune = pruner.prune({ direction, trials: records }, reported);
    if (prune || step === maxEpochs) {
      records[number] = { ...reported, state: prune ? 'PRUNED' : 'COMPLETE', value };
      startNext(worker);
    }
  }
  return records.map((r) => ({ number: r.number, finalTrueValue: truth(r.number, maxEpochs), epochsRun: r.intermediate.size, pruned: r.state === 'PRUNED' }));
}
