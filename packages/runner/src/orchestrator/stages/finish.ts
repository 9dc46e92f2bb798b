/**
 * The *finish* stage: a trial's outcome becomes its final record (COMPLETE, PRUNED, FAILED, or
 * QUEUED again for a retry), the sampler sees it through the study, and the failure policy counts it.
 */
import type { FrozenTrial, MetricRow, TrialOutcome } from '@loopsweep/core';
import type { RunningTrial, SweepRun } from '../sweep-run.js';

/** Records how `entry` ended. Its reports must have been handled first (ReportStage.flush). */
export function finishTrial(run: SweepRun, entry: RunningTrial, outcome: TrialOutcome): void {
  const { spec, transitions, failures } = run;
  const number = entry.trial.number;
  if (entry.failure !== undefined) {
    transitions.fail(number, entry.failure);
    failures.record(number, { reason: entry.failure, diverged: false });
    return;
  }
  // The pruner's decision stands, however the trial ended after it (an objective that returned
  // anyway, threw on its aborted signal, or its thread died): PRUNED at the step the pruner named.
  if (entry.prunedAt !== undefined || outcome.status === 'pruned') {
    transitions.prune(number);
    failures.record(number);
    return;
  }
  if (outcome.status === 'complete') {
    const value = outcome.value ?? outcome.metrics[spec.metric.name] ?? lastValue(run.study.trials[number] as FrozenTrial);
    const finalRow = finalMetrics(entry, outcome.metrics);
    if (finalRow) run.store.appendMetrics(run.sweep.id, [finalRow]);
    const values = run.study.vector ? finalValues(run.study.trials[number] as FrozenTrial, run.study.trackedMetrics, outcome.metrics, value) : undefined;
    const missing = run.study.vector?.objectives.find((objective) => !Number.isFinite(values?.[objective.name]));
    if (missing && values) {
      const reason = `objective result has no finite '${missing.name}' (a multi-objective sweep needs every metric it optimizes)`;
      transitions.fail(number, reason);
      failures.record(number, { reason, diverged: false });
      return;
    }
    const told = transitions.complete(number, value, values);
    failures.record(number, told.state === 'FAILED' ? { reason: `objective result has no finite '${spec.metric.name}'`, diverged: false } : undefined);
    return;
  }
  if (outcome.kind === 'cancelled' || (outcome.kind === 'crashed' && entry.trial.attempt <= spec.budget.retries)) {
    // Ctrl-C twice, or a crash the retry policy covers: back to the queue for a later run.
    transitions.requeue(number, outcome.kind === 'cancelled' ? `interrupted: ${outcome.reason}` : `crashed: ${outcome.reason}`);
    run.requeued.add(number);
    return;
  }
  const reason = `${outcome.kind}: ${outcome.reason}`;
  transitions.fail(number, reason);
  failures.record(number, { reason, diverged: outcome.kind === 'diverged' });
}

/**
 * A vector trial's final values: each tracked metric as the objective returned it, or as it last
 * reported it when the result leaves it out (a command objective that only reports per epoch);
 * the first objective is `value`, the trial's value. A metric it never gave is left out.
 */
function finalValues(
  trial: FrozenTrial,
  tracked: readonly string[],
  result: Readonly<Record<string, number>>,
  value: number | undefined,
): Record<string, number> {
  const values: Record<string, number> = {};
  const [first] = tracked;
  for (const name of tracked) {
    const returned = name === first ? value : result[name];
    const reported = lastReported(trial, name);
    const final = typeof returned === 'number' ? returned : reported;
    if (final !== undefined) values[name] = final;
  }
  return values;
}

function lastReported(trial: FrozenTrial, name: string): number | undefined {
  let found: number | undefined;
  for (const metrics of trial.intermediateValues?.values() ?? []) if (typeof metrics[name] === 'number') found = metrics[name];
  return found;
}

function lastValue(trial: FrozenTrial): number | undefined {
  let last: number | undefined;
  for (const step of trial.intermediate.keys()) if (last === undefined || step > last) last = step;
  return last === undefined ? undefined : trial.intermediate.get(last);
}

/**
 * Final metrics the objective returned but did not report at its last step (test scores, the
 * parameter count) are stored at that step, so `sweep show` and exports have them. A metric it did
 * report there keeps the reported value: the stored curve is what was reported, and the final
 * result is the trial's value, not a rewrite of a step.
 */
function finalMetrics(entry: RunningTrial, metrics: Readonly<Record<string, number>>): MetricRow | undefined {
  const reported = new Set(entry.last?.names ?? []);
  const entries = Object.entries(metrics).filter(([name, value]) => !reported.has(name) && Number.isFinite(value));
  if (entries.length === 0) return undefined;
  return { trialNumber: entry.trial.number, step: entry.last?.step ?? 0, metrics: Object.fromEntries(entries) };
}
