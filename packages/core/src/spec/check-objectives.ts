/**
 * The rules of multi-objective and constrained sweeps that span sections: `metric` or `metrics`
 * (one of them), no objective twice, constraints with a bound, and the sampler, pruner and
 * comparison protocol that can handle a result that is a vector. Each rule reads only what it can
 * and stays silent otherwise; the schema reports malformed sections.
 */
import type { SpecProblem } from '../errors/spec-error.js';
import { isMapping } from './spec-path.js';

type RawSpec = Readonly<Record<string, unknown>>;

export function objectiveProblems(spec: RawSpec): SpecProblem[] {
  const problems: SpecProblem[] = [...metricChoiceProblems(spec), ...duplicateMetricProblems(spec), ...constraintBoundProblems(spec)];
  if (isVectorRaw(spec)) problems.push(...vectorSectionProblems(spec));
  else problems.push(...scalarSamplerProblems(spec));
  return problems;
}

/** Several metrics, or any constraint: the sweep's result per trial is a vector. */
function isVectorRaw(spec: RawSpec): boolean {
  return spec['metrics'] !== undefined || (Array.isArray(spec['constraints']) && spec['constraints'].length > 0);
}

function metricChoiceProblems(spec: RawSpec): SpecProblem[] {
  if (spec['metric'] === undefined && spec['metrics'] === undefined) {
    return [
      {
        path: 'metric',
        message: 'required: the metric to optimize (or metrics: for several)',
        hint: 'e.g. metric: { name: val_accuracy, goal: maximize }',
      },
    ];
  }
  if (spec['metric'] !== undefined && spec['metrics'] !== undefined) {
    return [
      {
        path: 'metrics',
        message: 'a spec has metric (one objective) or metrics (several), not both',
        hint: 'remove metric, or move it into metrics',
      },
    ];
  }
  return [];
}

function duplicateMetricProblems(spec: RawSpec): SpecProblem[] {
  const metrics = spec['metrics'];
  if (!Array.isArray(metrics)) return [];
  const problems: SpecProblem[] = [];
  const seen = new Map<string, number>();
  metrics.forEach((metric: unknown, index) => {
    const name = isMapping(metric) ? metric['name'] : undefined;
    if (typeof name !== 'string') return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else problems.push({ path: `metrics[${index}].name`, message: `'${name}' is already metrics[${first}]`, hint: 'list each metric once' });
  });
  return problems;
}

function constraintBoundProblems(spec: RawSpec): SpecProblem[] {
  const constraints = spec['constraints'];
  if (!Array.isArray(constraints)) return [];
  const problems: SpecProblem[] = [];
  constraints.forEach((constraint: unknown, index) => {
    if (!isMapping(constraint)) return;
    const { min, max } = constraint;
    if (min === undefined && max === undefined) {
      problems.push({ path: `constraints[${index}]`, message: 'needs min, max or both', hint: 'e.g. { metric: parameters, max: 100000 }' });
    } else if (typeof min === 'number' && typeof max === 'number' && min > max) {
      problems.push({
        path: `constraints[${index}].min`,
        message: `is larger than max (${min} > ${max}): no trial could be feasible`,
        hint: 'swap min and max',
      });
    }
  });
  return problems;
}

function typeOf(section: unknown): unknown {
  return isMapping(section) ? section['type'] : undefined;
}

/** nsga2 and motpe read a vector per trial; a one-metric, unconstrained sweep has none. */
function scalarSamplerProblems(spec: RawSpec): SpecProblem[] {
  const type = typeOf(spec['sampler']);
  if (type !== 'nsga2' && type !== 'motpe') return [];
  return [
    {
      path: 'sampler.type',
      message: `${type} is for multi-objective or constrained sweeps, and this one optimizes one metric without constraints`,
      hint: 'use tpe or auto for one metric, or list several under metrics: (or add constraints:)',
    },
  ];
}

function vectorSectionProblems(spec: RawSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const kind = spec['metrics'] !== undefined ? 'a multi-objective sweep' : 'a constrained sweep';
  const sampler = spec['sampler'];
  if (typeOf(sampler) === 'gp') {
    problems.push({
      path: 'sampler.type',
      message: `gp optimizes one metric without constraints; this is ${kind}`,
      hint: 'use motpe (what auto and tpe choose here) or nsga2',
    });
  }
  if (typeOf(sampler) === 'tpe' && isMapping(sampler) && (sampler['multivariate'] === true || sampler['group'] !== undefined)) {
    problems.push({
      path: `sampler.${sampler['multivariate'] === true ? 'multivariate' : 'group'}`,
      message: `in ${kind} tpe means multi-objective TPE, which models parameters one at a time`,
      hint: 'remove multivariate and group',
    });
  }
  const pruner = typeOf(spec['pruner']);
  if (pruner === 'median' || pruner === 'hyperband') {
    problems.push({
      path: 'pruner.type',
      message: `${pruner} ranks trials by one metric; ${kind} prunes with multi-objective ASHA (non-dominated sorting at each rung)`,
      hint: 'use pruner: { type: asha }, or none',
    });
  }
  if (spec['compare'] !== undefined) {
    problems.push({
      path: 'compare',
      message: `the comparison protocol confirms each value's best configuration on one metric, and ${kind} has no single best`,
      hint: 'compare with metric: (one objective), or drop compare: and read `sweep compare`, which reports each objective and each value’s share of the front',
    });
  }
  return problems;
}
