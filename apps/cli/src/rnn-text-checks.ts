/**
 * What the built-in `rnn-text` objective would refuse at trial time, checked up front: parameter
 * names it does not know, and values (or range ends) outside what it accepts.
 */
import type { ParamValue, SpecProblem, SweepSpec } from '@loopsweep/core';
import { ParamsError, RNN_TEXT_PARAMS, parseParams } from '@loopsweep/model';
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
