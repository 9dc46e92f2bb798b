/**
 * What the built-in `rnn-text` objective would refuse at trial time, checked up front: parameter
 * names it does not know, values (or range ends) outside what it accepts, and metrics it never reports.
 */
import type { ParamValue, SpecProblem, SweepSpec } from '@loopsweep/core';
import { ParamsError, RNN_TEXT_ARCHITECTURE_PARAMS, RNN_TEXT_PARAMS, parseParams } from '@loopsweep/model';
import { RNN_TEXT_METRICS } from '@loopsweep/model/spec';
import { didYouMean } from './did-you-mean.js';

const RANGE_KINDS = ['uniform', 'log_uniform', 'int', 'int_log_uniform'] as const;

export function checkRnnTextParams(spec: SweepSpec): SpecProblem[] {
  const known = Object.keys(RNN_TEXT_PARAMS);
  const problems: SpecProblem[] = [];
  for (const [name, param] of Object.entries(spec.parameters)) {
    if (!known.includes(name)) {
      const guess = didYouMean(name, known);
      problems.push({
        path: `parameters.${name}`,
        message: 'is not a parameter of rnn-text',
        hint: guess ? `did you mean '${guess}'?` : `known: ${known.join(', ')}`,
      });
      continue;
    }
    const candidates: { where: string; value: ParamValue }[] = [];
    param.values?.forEach((value, i) => candidates.push({ where: `values[${i}]`, value }));
    if (param.value !== undefined) candidates.push({ where: 'value', value: param.value });
    for (const kind of RANGE_KINDS) {
      param[kind]?.forEach((value, i) => candidates.push({ where: `${kind}[${i}]`, value }));
    }
    for (const { where, value } of candidates) {
      const message = refusal(name, value);
      if (message) problems.push({ path: `parameters.${name}.${where}`, message: `rnn-text refuses it: ${message}` });
    }
  }
  return problems;
}

function refusal(name: string, value: ParamValue): string | undefined {
  try {
    parseParams({ [name]: value });
    return undefined;
  } catch (error) {
    if (error instanceof ParamsError) return error.problems.map((p) => p.message).join('; ');
    throw error;
  }
}

/**
 * The metrics a spec optimizes or constrains, checked against what rnn-text reports
 * (RNN_TEXT_METRICS): a name it never reports, or one of the other task (val_accuracy on the
 * `adding` regression dataset), would leave every trial without a value.
 */
export function checkRnnTextMetrics(spec: SweepSpec): SpecProblem[] {
  const task = spec.dataset?.['name'] === 'adding' ? 'regression' : 'classification';
  const known = Object.entries(RNN_TEXT_METRICS)
    .filter(([, metric]) => metric.task === 'any' || metric.task === task)
    .map(([name]) => name);
  const named: { path: string; name: string }[] = spec.metrics
    ? spec.metrics.map((metric, i) => ({ path: `metrics[${i}].name`, name: metric.name }))
    : [{ path: 'metric.name', name: spec.metric.name }];
  (spec.constraints ?? []).forEach((constraint, i) => named.push({ path: `constraints[${i}].metric`, name: constraint.metric }));
  return named
    .filter(({ name }) => !known.includes(name))
    .map(({ path, name }) => {
      const other = Object.hasOwn(RNN_TEXT_METRICS, name) ? RNN_TEXT_METRICS[name as keyof typeof RNN_TEXT_METRICS].task : undefined;
      const guess = didYouMean(name, known);
      return {
        path,
        message:
          other === undefined
            ? `rnn-text does not report '${name}'`
            : `rnn-text reports '${name}' only for ${other} datasets, and this one (${task === 'regression' ? 'adding' : typeof spec.dataset?.['name'] === 'string' ? spec.dataset['name'] : 'spamassassin'}) is ${task}`,
        hint:
          other !== undefined
            ? `${task} metrics: ${Object.entries(RNN_TEXT_METRICS)
                .filter(([, metric]) => metric.task === task)
                .map(([metricName]) => metricName)
                .join(', ')}, or val_loss`
            : guess
              ? `did you mean '${guess}'?`
              : `it reports: ${known.join(', ')}`,
      };
    });
}

/**
 * Population-based training continues members from each other's checkpoints, and an rnn-text
 * checkpoint restores only into the same architecture and optimizer (RNN_TEXT_ARCHITECTURE_PARAMS):
 * those params must be one value for the whole population.
 */
export function checkRnnTextPbt(spec: SweepSpec): SpecProblem[] {
  if (spec.sampler.type !== 'pbt') return [];
  const fixed: readonly string[] = [...RNN_TEXT_ARCHITECTURE_PARAMS, 'optimizer'];
  return Object.entries(spec.parameters)
    .filter(([name, param]) => fixed.includes(name) && param.value === undefined && !(param.values?.length === 1))
    .map(([name]) => ({
      path: `parameters.${name}`,
      message: `pbt continues members from each other's checkpoints, and an rnn-text checkpoint only restores into the same ${name}`,
      hint: `fix it for the population, e.g. ${name}: { value: … } (pbt can explore lr, dropout, clipping, weight decay and other training settings)`,
    }));
}
