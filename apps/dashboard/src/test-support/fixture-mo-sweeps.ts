/**
 * Multi-objective test sweeps (issue 17) written by the real writer, with hand-made final values
 * whose Pareto front, infeasible trials and hypervolume are known by hand (front-route.test.ts).
 */
import { describeObjective, parseSweepSpec, sweepSpecDocument, type FrozenTrial, type SweepRecord, type TrialState } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

export const MO2_SPEC = `
name: mo2
objective: noop
metrics:
  - { name: f1, goal: minimize }
  - { name: f2, goal: minimize }
constraints:
  - { metric: size, max: 50 }
budget: { trials: 20 }
sampler: { type: nsga2, seed: 3 }
parameters:
  x: { uniform: [0, 1] }
`;

export const MO3_SPEC = `
name: mo3
objective: noop
metrics:
  - { name: f1, goal: minimize, reference: 10 }
  - { name: f2, goal: maximize, reference: 0 }
  - { name: f3, goal: minimize, reference: 10 }
budget: { trials: 20 }
sampler: { type: nsga2, seed: 3 }
parameters:
  x: { uniform: [0, 1] }
`;

export const CONSTRAINED_SPEC = `
name: constrained
objective: noop
metric: { name: loss, goal: minimize }
constraints:
  - { metric: latency, min: 1, max: 10 }
budget: { trials: 20 }
parameters:
  x: { uniform: [0, 1] }
`;

export const PLAIN_SPEC = `
name: plain
objective: noop
metric: { name: loss, goal: minimize }
budget: { trials: 4 }
parameters:
  x: { uniform: [0, 1] }
`;

/** One hand-made trial: its end state and final values (none: it never finished). */
export interface HandTrial {
  readonly state: TrialState;
  readonly values?: Readonly<Record<string, number>>;
}

/**
 * mo2 (minimize f1, f2; size ≤ 50). Feasible COMPLETE points (1,5) (2,3) (3,4) (4,1) (5,2): the
 * front is 0, 1, 4; 3 would dominate them all but breaks the size bound; 5 is pruned (values of
 * an earlier epoch) though better than all; 9 has a NaN objective; 6 failed, 7 runs.
 */
export const MO2_TRIALS: readonly HandTrial[] = [
  { state: 'COMPLETE', values: { f1: 1, f2: 5, size: 10 } },
  { state: 'COMPLETE', values: { f1: 2, f2: 3, size: 10 } },
  { state: 'COMPLETE', values: { f1: 3, f2: 4, size: 10 } },
  { state: 'COMPLETE', values: { f1: 0.5, f2: 0.5, size: 80 } },
  { state: 'COMPLETE', values: { f1: 4, f2: 1, size: 50 } },
  { state: 'PRUNED', values: { f1: 0.1, f2: 0.1, size: 10 } },
  { state: 'FAILED' },
  { state: 'RUNNING' },
  { state: 'COMPLETE', values: { f1: 5, f2: 2, size: 10 } },
  { state: 'COMPLETE', values: { f1: Number.NaN, f2: 2, size: 10 } },
];

/** mo3 (min f1, max f2, min f3; references from the spec): 0 and 1 trade off, 2 is dominated by 0. */
export const MO3_TRIALS: readonly HandTrial[] = [
  { state: 'COMPLETE', values: { f1: 1, f2: 2, f3: 3 } },
  { state: 'COMPLETE', values: { f1: 3, f2: 2, f3: 1 } },
  { state: 'COMPLETE', values: { f1: 2, f2: 1, f3: 4 } },
];

/** constrained (min loss; 1 ≤ latency ≤ 10): 1 is best but too slow, 2 too fast, so 0 is the front. */
export const CONSTRAINED_TRIALS: readonly HandTrial[] = [
  { state: 'COMPLETE', values: { loss: 0.5, latency: 5 } },
  { state: 'COMPLETE', values: { loss: 0.1, latency: 20 } },
  { state: 'COMPLETE', values: { loss: 0.2, latency: 0.5 } },
  { state: 'COMPLETE', values: { loss: 0.7, latency: 1 } },
];

function frozen(number: number): FrozenTrial {
  return { number, state: 'QUEUED', params: { x: number / 10 }, intermediate: new Map(), attempt: 1 };
}

export function createSpecSweep(store: SqliteTrialStore, specText: string): SweepRecord {
  const spec = parseSweepSpec(specText);
  return store.createSweep({
    name: spec.name,
    spec: sweepSpecDocument(spec),
    specHash: `hash-${spec.name}`,
    metric: spec.metric.name,
    direction: spec.metric.goal,
    objective: describeObjective(spec.objective),
    seed: 3,
  });
}

/**
 * Writes trial `number` as the runner leaves it: its last epoch's metrics, then its end state,
 * value (the first objective) and, unless `vector` is false (a one-metric sweep), final values.
 */
export function writeHandTrial(store: SqliteTrialStore, sweep: SweepRecord, number: number, trial: HandTrial, vector = true): void {
  store.createTrial(sweep.id, frozen(number));
  if (trial.state === 'QUEUED') return;
  store.updateTrial(sweep.id, number, { state: 'RUNNING', owner: 'fixture' });
  if (trial.values !== undefined) store.appendMetrics(sweep.id, [{ trialNumber: number, step: 1, metrics: trial.values }]);
  if (trial.state === 'RUNNING') return;
  if (trial.state === 'FAILED') {
    store.updateTrial(sweep.id, number, { state: 'FAILED', failureReason: 'diverged' });
    return;
  }
  const value = trial.values?.[sweep.metric];
  store.updateTrial(sweep.id, number, {
    state: trial.state,
    ...(value === undefined ? {} : { value }),
    ...(trial.values === undefined || !vector ? {} : { values: trial.values }),
  });
}

/** A database with mo2, mo3, constrained (all finished) and plain (one metric, no constraints). */
export function writeMultiObjectiveFixture(path: string): { store: SqliteTrialStore; sweeps: Record<string, SweepRecord> } {
  const store = SqliteTrialStore.open(path);
  const sweeps: Record<string, SweepRecord> = {};
  for (const [text, trials] of [
    [MO2_SPEC, MO2_TRIALS],
    [MO3_SPEC, MO3_TRIALS],
    [CONSTRAINED_SPEC, CONSTRAINED_TRIALS],
    [PLAIN_SPEC, [{ state: 'COMPLETE', values: { loss: 0.3 } }]],
  ] as const) {
    const sweep = createSpecSweep(store, text);
    trials.forEach((trial, number) => writeHandTrial(store, sweep, number, trial, text !== PLAIN_SPEC));
    sweeps[sweep.name] = sweep;
  }
  return { store, sweeps };
}
