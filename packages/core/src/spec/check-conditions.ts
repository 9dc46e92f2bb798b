import type { SpecProblem } from '../errors/spec-error.js';
import { contains, type ParamValue } from '../search-space/distributions.js';
import { describeDistribution } from './describe-distribution.js';
import { formatValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import type { ParsedParam } from './parse-param.js';
import { formatPath } from './spec-path.js';

/**
 * The problems of every `when:`: a parent that is not a parameter, a parameter that names
 * itself, a value its parent can never take. Cycles are orderParams' to find.
 */
export function checkConditions(params: readonly ParsedParam[]): SpecProblem[] {
  const byName = new Map(params.map((param) => [param.name, param]));
  const names = params.map((param) => param.name);
  const problems: SpecProblem[] = [];
  for (const { name, spec } of params) {
    for (const [parent, written] of Object.entries(spec?.when ?? {})) {
      const at = (...index: number[]) => formatPath(['parameters', name, 'when', parent, ...index]);
      if (parent === name) {
        problems.push({ path: at(), message: 'a parameter cannot depend on itself', hint: `remove ${parent} from when` });
        continue;
      }
      const parentParam = byName.get(parent);
      if (!parentParam) {
        const hint = [didYouMean(parent, names), `known parameters: ${names.join(', ')}`].filter(Boolean).join(' ');
        problems.push({ path: at(), message: `names unknown parameter '${parent}'`, hint });
        continue;
      }
      // Values are checked only against a sound parent: its own problems are reported already.
      const distribution = parentParam.distribution;
      if (!distribution) continue;
      const values: readonly ParamValue[] = Array.isArray(written) ? written : [written as ParamValue];
      values.forEach((value, index) => {
        if (contains(distribution, value)) return;
        problems.push({
          path: Array.isArray(written) ? at(index) : at(),
          message: `${formatValue(value)} is not a value of ${parent}`,
          hint: `${parent} is ${describeDistribution(distribution)}`,
        });
      });
    }
  }
  return problems;
}
