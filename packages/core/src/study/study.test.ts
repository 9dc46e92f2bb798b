import { describe, expect, it } from 'vitest';
import { Study } from './study.js';
import { createStudy } from './create-study.js';
import { parseSweepSpec } from '../spec/parse-sweep-spec.js';
import { TpeSampler } from '../samplers/tpe/tpe-sampler.js';
import { GridSampler } from '../samplers/grid.js';
import { MedianPruner } from '../pruners/median.js';
import { NonePruner } from '../pruners/none.js';
import { IllegalTransitionError } from '../errors/illegal-transition-error.js';
import { SweepError } from '../errors/sweep-error.js';
import type { SearchSpace } from '../search-space/search-space.js';

const space: SearchSpace = {
  params: [
    { name: 'x', distribution: { kind: 'float', low: -5, high: 10, log: false } },
    { name: 'opt', distribution: { kind: 'categorical', choices: ['sgd', 'adam'] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { opt: ['sgd'] } },
  ],
};

const score = (p: Record<string, unknown>) => ((p['x'] as number) - 2) ** 2 + (p['opt'] === 'adam' ? 0 : 1);

function tpeStudy(trials?: Study['trials']) {
  return new Study({
    space,
    direction: 'minimize',
    metric: 'loss',
    sampler: new TpeSampler({ seed: 3, nStartupTrials: 4 }),
    pruner: new NonePruner(),
    ...(trials ? { trials } : {}),
  });
}

/** Runs `count` trials to completion, two at a time, as two workers would. */
function runParallel(study: Study, count: number): void {
  for (let i = 0; i < count; i += 2) {
    const a = study.ask();
    const b = study.ask();
    for (const trial of [a, b]) {
      study.start(trial.number);
      study.report(trial.number, 1, { loss: score(trial.params) + 1 });
      study.tell(trial.number, 'COMPLETE', score(trial.params));
    }
  }
}

describe('Study', () => {
  it('walks a trial through ask → start → report → tell and keeps the learning curve', () => {
    const study = tpeStudy();
    const trial = study.ask();
    expect(trial).toMatchObject({ number: 0, state: 'QUEUED', attempt: 1 });
    expect(study.start(0).state).toBe('RUNNING');
    expect(study.report(0, 2, { loss: 0.5, val_loss: 0.7 })).toEqual({ value: 0.5, prune: false });
    study.report(0, 1, { loss: 0.9 });
    const done = study.tell(0, 'COMPLETE', 0.4);
    expect(done).toMatchObject({ state: 'COMPLETE', value: 0.4 });
    expect([...done.intermediate]).toEqual([
      [1, 0.9],
      [2, 0.5],
    ]);
  });

  it('allows only legal transitions', () => {
    const study = tpeStudy();
    study.ask();
    expect(() => study.tell(0, 'COMPLETE', 1)).toThrow(IllegalTransitionError);
    expect(() => study.report(0, 1, { loss: 1 })).toThrow(/cannot go from QUEUED/);
    study.start(0);
    expect(() => study.start(0)).toThrow('trial 0 cannot go from RUNNING to RUNNING');
    study.tell(0, 'FAILED');
    expect(() => study.requeue(0)).toThrow('trial 0 cannot go from FAILED to QUEUED');
    expect(() => study.start(7)).toThrow(SweepError);
  });

  it('records a NaN result as FAILED, a pruned trial with its last value, and a retry as a new attempt', () => {
    const study = tpeStudy();
    for (let i = 0; i < 3; i++) study.start(study.ask().number);
    expect(study.tell(0, 'COMPLETE', Number.NaN).state).toBe('FAILED');
    study.report(1, 1, { loss: 3 });
    study.report(1, 2, { loss: 2.5 });
    expect(study.tell(1, 'PRUNED')).toMatchObject({ state: 'PRUNED', value: 2.5 });
    study.report(2, 1, { loss: 9 });
    const retried = study.requeue(2);
    expect(retried).toMatchObject({ state: 'QUEUED', attempt: 2 });
    expect(retried.intermediate.size).toBe(0);
  });

  it('names the metrics it got when the tracked one is missing', () => {
    const study = tpeStudy();
    study.start(study.ask().number);
    expect(() => study.report(0, 1, { val_loss: 1, accuracy: 0.5 })).toThrow(
      "metric 'loss' was not reported at step 1; the objective reported: val_loss, accuracy",
    );
  });

  it('asks the pruner after every report', () => {
    const study = new Study({ space, direction: 'minimize', metric: 'loss', sampler: new TpeSampler({ seed: 1 }), pruner: new MedianPruner({ minTrials: 2 }) });
    for (const loss of [1, 2, 3]) {
      const trial = study.ask();
      study.start(trial.number);
      study.report(trial.number, 1, { loss });
      study.tell(trial.number, 'COMPLETE', loss);
    }
    const good = study.ask();
    study.start(good.number);
    expect(study.report(good.number, 1, { loss: 1.5 }).prune).toBe(false);
    const bad = study.ask();
    study.start(bad.number);
    expect(study.report(bad.number, 1, { loss: 2.5 }).prune).toBe(true);
    // A NaN report is always stopped, even at a step no other trial reached.
    const nan = study.ask();
    study.start(nan.number);
    expect(study.report(nan.number, 2, { loss: Number.NaN }).prune).toBe(true);
  });

  it('rebuilt from its records, proposes exactly what it would have — parallel pending trials included', () => {
    const original = tpeStudy();
    runParallel(original, 12);
    // Two workers are busy when the coordinator crashes.
    const pendingA = original.ask();
    original.start(pendingA.number);
    const pendingB = original.ask();
    const records = original.trials.map((t) => ({ ...t, intermediate: new Map(t.intermediate) }));
    const nextFromOriginal = [original.ask(), original.ask()].map((t) => t.params);

    const rebuilt = tpeStudy(records);
    expect(rebuilt.trials).toHaveLength(14);
    expect(rebuilt.trials[pendingB.number]!.state).toBe('QUEUED');
    expect([rebuilt.ask(), rebuilt.ask()].map((t) => t.params)).toEqual(nextFromOriginal);
    expect(nextFromOriginal[0]).not.toEqual(nextFromOriginal[1]);
  });

  it('refuses inconsistent records', () => {
    const trial = { number: 1, state: 'COMPLETE', params: { x: 1, opt: 'adam' }, value: 1, intermediate: new Map(), attempt: 1 } as const;
    expect(() => tpeStudy([trial])).toThrow('cannot rebuild the study: trial 1 has number 1 at position 0');
    expect(() => tpeStudy([{ ...trial, number: 0, value: Number.NaN }])).toThrow('trial 0 is COMPLETE without a finite value');
  });

  it('finds the best trial in either direction', () => {
    const study = tpeStudy();
    runParallel(study, 8);
    const values = study.trials.map((t) => t.value as number);
    expect(study.best()!.value).toBe(Math.min(...values));
    const maximize = new Study({
      space,
      direction: 'maximize',
      metric: 'loss',
      sampler: new TpeSampler({ seed: 3 }),
      pruner: new NonePruner(),
      trials: study.trials,
    });
    expect(maximize.best()!.value).toBe(Math.max(...values));
  });

  it('leaves a trial that stopped at its own epoch limit (a replay segment, value taken mid-training) out of the best', () => {
    const study = tpeStudy();
    runParallel(study, 4);
    const best = study.best()!;
    const segment = study.enqueue(best.params, { stage: 'replay', origin: best.number, maxEpochs: 2 });
    study.start(segment.number);
    study.tell(segment.number, 'COMPLETE', (best.value as number) - 1);
    expect(study.best()!.number).toBe(best.number);
  });

  it('knows when a grid is exhausted', () => {
    const grid: SearchSpace = { params: [{ name: 'a', distribution: { kind: 'categorical', choices: [1, 2, 3] } }] };
    const study = new Study({ space: grid, direction: 'maximize', metric: 'm', sampler: new GridSampler({ seed: 0 }), pruner: new NonePruner() });
    const seen = [study.ask(), study.ask(), study.ask()].map((t) => t.params['a']);
    expect(seen).toEqual([1, 2, 3]);
    expect(study.isExhausted()).toBe(true);
    expect(() => study.ask()).toThrow(/grid exhausted/);
  });
});

describe('createStudy', () => {
  it('wires the sampler, pruner, metric and direction a spec names', () => {
    const spec = parseSweepSpec(`
name: s
objective: noop
metric: { name: val_accuracy, goal: maximize }
budget: { trials: 10, max_epochs: 27 }
sampler: { type: tpe, seed: 4, n_startup_trials: 3 }
pruner: { type: hyperband, reduction_factor: 3 }
parameters:
  lr: { log_uniform: [1.0e-4, 1.0e-1] }
`);
    const study = createStudy(spec);
    expect(study.direction).toBe('maximize');
    expect(study.metric).toBe('val_accuracy');
    expect(study.sampler.name).toBe('tpe');
    expect(study.pruner.name).toBe('hyperband');
    const lr = study.ask().params['lr'] as number;
    expect(lr).toBeGreaterThanOrEqual(1e-4);
    expect(lr).toBeLessThanOrEqual(1e-1);
  });
});
