import type { Distribution, ParamValue } from '../search-space/distributions.js';
import type { Condition } from '../search-space/search-space.js';
import type { ParamSpec } from './sweep-spec.js';

/**
 * The distribution a checked parameter (checkParamSpec found nothing) describes.
 * @throws {Error} when `spec` has no kind key, which checkParamSpec rules out.
 */
export function paramDistribution(spec: ParamSpec): Distribution {
  if (spec.values) return { kind: 'categorical', choices: [...spec.values] };
  if (spec.value !== undefined) return { kind: 'fixed', value: spec.value };
  if (spec.uniform) return float(spec.uniform, false, spec.step);
  if (spec.log_uniform) return float(spec.log_uniform, true, undefined);
  if (spec.int) return { kind: 'int', low: spec.int[0], high: spec.int[1], log: false, step: spec.step ?? 1 };
  if (spec.int_log_uniform) return { kind: 'int', low: spec.int_log_uniform[0], high: spec.int_log_uniform[1], log: true, step: spec.step ?? 1 };
  throw new Error('paramDistribution: the parameter has no kind key (checkParamSpec should have refused it)');
}

function float([low, high]: readonly [number, number], log: boolean, step: number | undefined): Distribution {
  return step === undefined ? { kind: 'float', low, high, log } : { kind: 'float', low, high, log, step };
}

/** `when:` with every parent's values as a list (`{ optimizer: momentum }` → `{ optimizer: ['momentum'] }`). */
export function paramCondition(when: NonNullable<ParamSpec['when']>): Condition {
  return Object.fromEntries(
    Object.entries(when).map(([parent, values]) => [parent, Array.isArray(values) ? [...(values as readonly ParamValue[])] : [values as ParamValue]]),
  );
}
