/**
 * Population-based training's rules that span sections: its budget is `population × max_epochs`
 * epochs (so budget.max_epochs is needed and budget.trials means nothing), the exploit decisions
 * are its own pruning, and it optimizes one metric without a comparison around it.
 */
import type { SpecProblem } from '../errors/spec-error.js';
import { isMapping } from './spec-path.js';

export function pbtProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const sampler = spec['sampler'];
  if (!isMapping(sampler) || sampler['type'] !== 'pbt') return [];
  const problems: SpecProblem[] = [];
  const budget = isMapping(spec['budget']) ? spec['budget'] : {};
  const maxEpochs = budget['max_epochs'];
  const interval = typeof sampler['interval'] === 'number' ? sampler['interval'] : 2;
  if (maxEpochs === undefined) {
    problems.push({ path: 'budget.max_epochs', message: 'pbt needs it: each member trains max_epochs epochs in all', hint: 'e.g. budget: { max_epochs: 12 }' });
  } else if (typeof maxEpochs === 'number' && maxEpochs <= interval) {
    problems.push({
      path: 'budget.max_epochs',
      message: `must be larger than sampler.interval (${interval}), or no member is ever replaced`,
      hint: `e.g. max_epochs: ${interval * 4}`,
    });
  }
  if (budget['trials'] !== undefined) {
    problems.push({
      path: 'budget.trials',
      message: 'is set by pbt: the population trains population × max_epochs epochs, in as many trials as its exploits make',
      hint: 'remove budget.trials (set sampler.population instead)',
    });
  }
  const pruner = spec['pruner'];
  if (isMapping(pruner) && pruner['type'] !== 'none') {
    problems.push({
      path: 'pruner.type',
      message: 'pbt stops the bottom members itself (its exploit step); a pruner would stop them twice',
      hint: 'remove pruner',
    });
  }
  if (spec['compare'] !== undefined) {
    problems.push({
      path: 'compare',
      message: 'a comparison searches each value with its own sampler; a population does not split that way',
      hint: 'confirm a discovered schedule with `sweep replay`, or compare without pbt',
    });
  }
  if (spec['metrics'] !== undefined || spec['constraints'] !== undefined) {
    problems.push({
      path: spec['metrics'] !== undefined ? 'metrics' : 'constraints',
      message: 'pbt ranks members by one metric',
      hint: 'use metric: { name, goal }',
    });
  }
  return problems;
}
