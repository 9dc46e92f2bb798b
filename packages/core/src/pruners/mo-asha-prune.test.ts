import { describe, expect, it } from 'vitest';
import { hypervolume } from '../multi-objective/hypervolume.js';
import { createRandom } from '../random.js';
import { RandomSampler } from '../samplers/random.js';
import { Study } from '../study/study.js';
import type { Direction } from '../trial/frozen-trial.js';
import { AshaPruner } from './asha.js';
import type { VectorObjectives } from './pruner.js';

const MAX_EPOCHS = 27;
const VECTOR: VectorObjectives = {
  objectives: [
    { name: 'val_accuracy', direction: 'maximize' },
    { name: 'train_seconds', direction: 'minimize' },
  ],
  constraints: [],
};
const DIRECTIONS: Direction[] = ['maximize', 'minimize'];

/**
 * Synthetic learning curves of a (val_accuracy ↑, train_seconds ↓) sweep: accuracy rises towards
 * its final value as final − slow/epoch, and training time grows linearly with the epoch.
 */
function makeCurves(count: number, seed: number) {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const final = 0.6 + 0.35 * random();
    const secondsPerEpoch = 1 + 9 * random();
    const slow = 0.1 * random();
    const size = 100 * random();
    return (epoch: number) => ({ val_accuracy: final - slow / epoch, train_seconds: secondsPerEpoch * epoch, size });
  });
}

function study(vector: VectorObjectives, pruner = new AshaPruner({ minEpochs: 1, reductionFactor: 3, maxEpochs: MAX_EPOCHS })): Study {
  return new Study({
    space: { params: [{ name: 'x', distribution: { kind: 'float', low: 0, high: 1, log: false } }] },
    direction: 'maximize',
    metric: 'val_accuracy',
    sampler: new RandomSampler({ seed: 0 }),
    pruner,
    vector,
  });
}

/** Runs the curves one trial after another through a Study, as the orchestrator does; returns the epochs spent and the study. */
function runSequentially(curves: ReturnType<typeof makeCurves>, vector: VectorObjectives): { epochs: number; study: Study } {
  const s = study(vector);
  let epochs = 0;
  for (const curve of curves) {
    const trial = s.ask();
    s.start(trial.number);
    let pruned = false;
    for (let epoch = 1; epoch <= MAX_EPOCHS && !pruned; epoch++) {
      epochs++;
      pruned = s.report(trial.number, epoch, curve(epoch)).prune;
    }
    if (pruned) s.tell(trial.number, 'PRUNED');
    else s.tell(trial.number, 'COMPLETE', curve(MAX_EPOCHS).val_accuracy, curve(MAX_EPOCHS));
  }
  return { epochs, study: s };
}

describe('multi-objective ASHA through a study (AshaPruner with a vector)', () => {
  it('uses at most half the epochs of no pruning and keeps 90% of the hypervolume (81 trials one after another, 12 seeds)', () => {
    // Measured: 8–23% of the epochs, 91–100% of the hypervolume over the 12 seeds.
    for (let seed = 1; seed <= 12; seed++) {
      const curves = makeCurves(81, seed);
      const reference = [0.55, 300];
      const full = hypervolume(
        curves.map((curve) => [curve(MAX_EPOCHS).val_accuracy, curve(MAX_EPOCHS).train_seconds]),
        reference,
        DIRECTIONS,
      );
      const { epochs, study: s } = runSequentially(curves, VECTOR);
      const finished = s.trials.filter((trial) => trial.state === 'COMPLETE');
      const kept = hypervolume(
        finished.map((trial) => [trial.values?.['val_accuracy'] as number, trial.values?.['train_seconds'] as number]),
        reference,
        DIRECTIONS,
      );
      expect(epochs, `seed ${seed}`).toBeLessThanOrEqual((81 * MAX_EPOCHS) / 2);
      expect(kept / full, `seed ${seed}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('records each step’s tracked metrics, the final values, and a pruned trial’s values at its last step', () => {
    const curves = makeCurves(12, 3);
    const { study: s } = runSequentially(curves, { ...VECTOR, constraints: [{ metric: 'size', max: 50 }] });
    const pruned = s.trials.find((trial) => trial.state === 'PRUNED');
    const complete = s.trials.find((trial) => trial.state === 'COMPLETE');
    expect(pruned).toBeDefined();
    const last = Math.max(...(pruned?.intermediate.keys() ?? []));
    expect(pruned?.values).toEqual(curves[pruned?.number ?? 0]?.(last));
    expect(complete?.intermediateValues?.size).toBe(MAX_EPOCHS);
    expect(complete?.values).toEqual(curves[complete?.number ?? 0]?.(MAX_EPOCHS));
  });

  it('prunes a trial whose objective is NaN, and does not judge a report that lacks an objective', () => {
    const s = study(VECTOR);
    for (let i = 0; i < 3; i++) {
      const trial = s.ask();
      s.start(trial.number);
      s.report(trial.number, 1, { val_accuracy: 0.9, train_seconds: 1 });
    }
    const nan = s.ask();
    s.start(nan.number);
    expect(s.report(nan.number, 1, { val_accuracy: Number.NaN, train_seconds: 1 }).prune).toBe(true);
    const partial = s.ask();
    s.start(partial.number);
    // Dominated by all three, but without train_seconds it cannot be placed on the rung.
    expect(s.report(partial.number, 1, { val_accuracy: 0.1 }).prune).toBe(false);
    const dominated = s.ask();
    s.start(dominated.number);
    expect(s.report(dominated.number, 1, { val_accuracy: 0.1, train_seconds: 5 }).prune).toBe(true);
  });

  it('puts infeasible trials behind feasible ones at a rung (constrained domination)', () => {
    const s = study({ ...VECTOR, constraints: [{ metric: 'size', max: 50 }] });
    const feasible = s.ask();
    s.start(feasible.number);
    expect(s.report(feasible.number, 1, { val_accuracy: 0.7, train_seconds: 5, size: 10 }).prune).toBe(false);
    const better = s.ask();
    s.start(better.number);
    // Better on both objectives but over the size bound: the feasible trial is promoted before it.
    expect(s.report(better.number, 1, { val_accuracy: 0.9, train_seconds: 1, size: 80 }).prune).toBe(true);
  });
});
