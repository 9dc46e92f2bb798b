/**
 * The comparison protocol's rules that span sections: `compare.by` names a categorical parameter
 * that every trial has, the search budget is `trials_per_value` (not `budget.trials`), and the
 * sampler can search one value at a time (a grid is not a search with a budget).
 */
import type { SpecProblem } from '../errors/spec-error.js';
import { didYouMean } from './did-you-mean.js';
import { isMapping } from './spec-path.js';

export function compareProblems(spec: Readonly<Record<string, unknown>>): SpecProblem[] {
  const compare = spec['compare'];
  if (!isMapping(compare)) return [];
  const problems: SpecProblem[] = [];
  const by = compare['by'];
  const parameters = isMapping(spec['parameters']) ? spec['parameters'] : undefined;
  if (typeof by === 'string' && parameters) {
    const param = parameters[by];
    const categorical = Object.keys(parameters).filter((name) => isMapping(parameters[name]) && Array.isArray(parameters[name]['values']));
    if (param === undefined) {
      problems.push({
        path: 'compare.by',
        message: `'${by}' is not a parameter of this sweep`,
        hint: didYouMean(by, categorical) ?? `compare one of: ${categorical.join(', ') || '(no parameter with values)'}`,
      });
    } else if (!isMapping(param) || !Array.isArray(param['values']) || param['values'].length < 2) {
      problems.push({
        path: 'compare.by',
        message: `'${by}' is not a categorical parameter with two or more values`,
        hint: `compare a parameter written as ${by}: { values: [a, b] }`,
      });
    } else if (param['when'] !== undefined) {
      problems.push({
        path: 'compare.by',
        message: `'${by}' is conditional (it has when:), so some trials would have no value to compare`,
        hint: `remove parameters.${by}.when, or compare another parameter`,
      });
    }
  }
  const budget = spec['budget'];
  if (isMapping(budget) && budget['trials'] !== undefined) {
    problems.push({
      path: 'budget.trials',
      message: 'is set by the comparison: each value runs compare.trials_per_value search trials, then compare.confirm.seeds confirmations',
      hint: 'remove budget.trials',
    });
  }
  const sampler = spec['sampler'];
  if (isMapping(sampler) && sampler['type'] === 'grid') {
    problems.push({ path: 'sampler.type', message: 'a grid cannot search each value with the same budget', hint: 'use tpe or random with compare:' });
  }
  return problems;
}
