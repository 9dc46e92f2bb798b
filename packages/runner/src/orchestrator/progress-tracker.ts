import {
  PBT_DEFAULTS,
  TRIAL_STATES,
  nonDominatedSort,
  vectorHistory,
  type FrozenTrial,
  type Study,
  type SweepSpec,
  type TrialState,
  type VectorObjectives,
} from '@loopsweep/core';
import type { SweepProgress } from './progress.js';
import { comparedValues } from './sources/comparison-search.js';

/** Builds SweepProgress snapshots from the study's in-memory records (no database reads). */
export class ProgressTracker {
  readonly #finishedAtStart: number;

  constructor(
    private readonly spec: SweepSpec,
    private readonly study: Study,
    private readonly startedAt: number,
  ) {
    this.#finishedAtStart = this.#finished();
  }

  #finished(): number {
    return this.study.trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED' || t.state === 'FAILED').length;
  }

  /** The size of the feasible complete trials' first Pareto front. O(n²·m) per snapshot, throttled with the progress. */
  #frontSize(): number {
    const history = vectorHistory(this.study.vector as VectorObjectives);
    const points: number[][] = [];
    for (const trial of this.study.trials) {
      if (trial.state !== 'COMPLETE' || !this.study.isFeasible(trial)) continue;
      const values = history.valuesOf(trial);
      if (values && values.every(Number.isFinite)) points.push([...values]);
    }
    return points.length === 0 ? 0 : (nonDominatedSort(points, history.directions, { limit: 1 })[0]?.length ?? 0);
  }

  /** Epochs the population has trained (each trial's own reports) and will train in all. */
  #populationEpochs(): { done: number; total: number } {
    let done = 0;
    for (const trial of this.study.trials)
      if (trial.stage === undefined || trial.stage === 'search' || trial.stage === 'exploit') done += trial.intermediate.size;
    const population = this.spec.sampler.type === 'pbt' ? (this.spec.sampler.population ?? PBT_DEFAULTS.population) : 0;
    return { done, total: population * (this.spec.budget.max_epochs ?? 0) };
  }

  snapshot(running: ReadonlyMap<number, { trial: FrozenTrial }>, stopping: boolean): SweepProgress {
    const counts = Object.fromEntries(TRIAL_STATES.map((s) => [s, 0])) as Record<TrialState, number>;
    for (const trial of this.study.trials) counts[trial.state] += 1;
    const elapsedSeconds = (Date.now() - this.startedAt) / 1000;
    const finishedThisRun = this.#finished() - this.#finishedAtStart;
    const trialsPerMinute = elapsedSeconds > 0 ? (finishedThisRun * 60) / elapsedSeconds : 0;
    const compare = this.spec.compare;
    // A comparison's budget: each value's search trials, then its confirmations.
    const budget = this.spec.budget.trials ?? (compare ? comparedValues(this.spec).length * (compare.trials_per_value + compare.confirm.seeds) : undefined);
    const remaining = budget === undefined ? undefined : budget - this.#finished();
    const best = this.study.best();
    return {
      sweep: this.spec.name,
      metric: this.spec.metric.name,
      direction: this.spec.metric.goal,
      counts,
      asked: this.study.trials.length,
      ...(budget !== undefined ? { budgetTrials: budget } : {}),
      running: [...running.keys()].map((number) => {
        const trial = this.study.trials[number] as FrozenTrial;
        const steps = [...trial.intermediate.keys()];
        const step = steps.length > 0 ? Math.max(...steps) : undefined;
        return { number, ...(step !== undefined ? { step, value: trial.intermediate.get(step) } : {}) };
      }),
      ...(best && best.value !== undefined ? { best: { number: best.number, value: best.value, params: best.params } } : {}),
      ...(this.study.vector ? { frontSize: this.#frontSize() } : {}),
      ...(this.spec.sampler.type === 'pbt' ? { epochs: this.#populationEpochs() } : {}),
      elapsedSeconds,
      trialsPerMinute,
      ...(remaining !== undefined && trialsPerMinute > 0 ? { etaSeconds: (Math.max(0, remaining) / trialsPerMinute) * 60 } : {}),
      stopping,
    };
  }
}
