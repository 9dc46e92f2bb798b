import type { Sampler } from '../../samplers/sampler.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { boundViolation } from '../constraint-violation.js';
import { hypervolume } from '../hypervolume.js';
import type { MultiObjectiveHistory } from '../mo-history.js';
import type { TestProblem } from './test-problems.js';

/** A history adapter over vectors kept beside the trials, as the store will keep them. */
export interface RecordingHistory extends MultiObjectiveHistory {
  readonly vectors: Map<number, number[]>;
  readonly violations: Map<number, number[]>;
}

export function recordingHistory(problem: TestProblem): RecordingHistory {
  const vectors = new Map<number, number[]>();
  const violations = new Map<number, number[]>();
  const history: RecordingHistory = { directions: problem.directions, vectors, violations, valuesOf: (trial) => vectors.get(trial.number) };
  return problem.constraints ? { ...history, violationsOf: (trial) => violations.get(trial.number) } : history;
}

export interface StudyRun {
  readonly trials: FrozenTrial[];
  readonly vectors: number[][];
  /** Whether each trial satisfied every constraint (all true when unconstrained). */
  readonly feasible: boolean[];
}

/**
 * Runs `count` sequential trials of `problem`, asking `makeSampler(history)` each time and
 * recording every trial COMPLETE with its vector (the first objective also as `value`).
 */
export function runStudy(problem: TestProblem, makeSampler: (history: MultiObjectiveHistory) => Sampler, count: number): StudyRun {
  const history = recordingHistory(problem);
  const sampler = makeSampler(history);
  const trials: FrozenTrial[] = [];
  const vectors: number[][] = [];
  const feasible: boolean[] = [];
  for (let number = 0; number < count; number++) {
    const params = sampler.sample({ space: problem.space, trials: [...trials], number, direction: problem.directions[0] ?? 'minimize' });
    const values = problem.evaluate(params);
    const violations = problem.constraints ? problem.constraints.evaluate(params).map((v, i) => boundViolation(v, problem.constraints!.bounds[i]!)) : [];
    history.vectors.set(number, values);
    history.violations.set(number, violations);
    vectors.push(values);
    feasible.push(violations.every((v) => v === 0));
    trials.push({ number, state: 'COMPLETE', params, value: values[0], intermediate: new Map(), attempt: 1 });
  }
  return { trials, vectors, feasible };
}

/** The hypervolume of a run's feasible trials against the problem's reference point. */
export function runHypervolume(problem: TestProblem, run: StudyRun): number {
  return hypervolume(
    run.vectors.filter((_, i) => run.feasible[i]),
    problem.reference,
    problem.directions,
  );
}

export function median(values: readonly number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
