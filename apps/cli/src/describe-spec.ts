import { PBT_DEFAULTS, constraintsOf, describeObjective, isVectorSweep, objectivesOf, specSamplerChoice, type SweepSpec } from '@loopsweep/core';
import { formatDuration } from './format/duration.js';

/** One line for `sweep validate`: "ok: quick — 5 params, tpe sampler (seed 7), asha pruner, budget 10 trials × 4 epochs, 2 at once". */
export function describeSpec(spec: SweepSpec): string {
  const params = Object.keys(spec.parameters);
  const budget: string[] = [];
  if (spec.budget.trials !== undefined) budget.push(`${spec.budget.trials} trial${spec.budget.trials === 1 ? '' : 's'}`);
  else if (spec.compare) budget.push(comparisonBudget(spec));
  else if (spec.sampler.type === 'grid') budget.push('the whole grid');
  if (spec.sampler.type === 'pbt' && spec.budget.max_epochs !== undefined) {
    const population = spec.sampler.population ?? PBT_DEFAULTS.population;
    budget.push(`a population of ${population} × ${spec.budget.max_epochs} epochs (${population * spec.budget.max_epochs} epochs)`);
  } else if (spec.budget.max_epochs !== undefined) budget.push(`${spec.budget.max_epochs} epoch${spec.budget.max_epochs === 1 ? '' : 's'} each`);
  if (spec.budget.timeout !== undefined) budget.push(`at most ${formatDuration(spec.budget.timeout)}`);
  if (spec.budget.parallel !== undefined) budget.push(`${spec.budget.parallel} at once`);
  if (spec.budget.retries > 0) budget.push(`${spec.budget.retries} retr${spec.budget.retries === 1 ? 'y' : 'ies'}`);
  return (
    `ok: ${spec.name} — ${params.length} param${params.length === 1 ? '' : 's'}${params.length > 0 ? ` (${params.join(', ')})` : ''}, ` +
    `${describeSampler(spec)}, ${spec.pruner.type === 'none' ? 'no pruner' : `${isVectorSweep(spec) ? 'multi-objective ' : ''}${spec.pruner.type} pruner`}, ` +
    `budget ${budget.join(', ') || 'unbounded'}; ${typeof spec.objective === 'string' ? `${spec.objective} objective` : `command \`${describeObjective(spec.objective)}\``}, optimizing ${describeObjectives(spec)}`
  );
}

/** "val_accuracy (maximize)", or "val_accuracy (maximize) and train_seconds (minimize), subject to parameters ≤ 100000". */
export function describeObjectives(spec: SweepSpec): string {
  const objectives = objectivesOf(spec)
    .map((objective) => `${objective.name} (${objective.goal})`)
    .join(' and ');
  const constraints = constraintsOf(spec).map((constraint) =>
    constraint.min !== undefined && constraint.max !== undefined
      ? `${constraint.min} ≤ ${constraint.metric} ≤ ${constraint.max}`
      : constraint.max !== undefined
        ? `${constraint.metric} ≤ ${constraint.max}`
        : `${constraint.metric} ≥ ${String(constraint.min)}`,
  );
  return constraints.length === 0 ? objectives : `${objectives}, subject to ${constraints.join(', ')}`;
}

/** "compare optimizer (3 values): 8 search trials each, then 8 seeds of each best (48 trials)". */
export function comparisonBudget(spec: SweepSpec): string {
  const compare = spec.compare;
  if (!compare) return '';
  const values = spec.parameters[compare.by]?.values?.length ?? 0;
  const total = values * (compare.trials_per_value + compare.confirm.seeds);
  return `compare ${compare.by} (${values} values): ${compare.trials_per_value} search trials each, then ${compare.confirm.seeds} seeds of each best (${total} trials)`;
}

/**
 * "tpe sampler (seed 7)"; for `auto` (or no `sampler:` block), what it chose and why:
 * "auto sampler (seed 0; chose Gaussian process: 4 parameters, 1 categorical, no conditions, 100 trials (≤ 200))".
 */
export function describeSampler(spec: SweepSpec): string {
  if (spec.sampler.type === 'tpe' && isVectorSweep(spec)) return `tpe sampler (multi-objective TPE, seed ${spec.sampler.seed})`;
  if (spec.sampler.type !== 'auto') return `${spec.sampler.type} sampler (seed ${spec.sampler.seed})`;
  return `auto sampler (seed ${spec.sampler.seed}; chose ${specSamplerChoice(spec).reason})`;
}
