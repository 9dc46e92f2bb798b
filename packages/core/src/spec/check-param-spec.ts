import type { SpecProblem } from '../errors/spec-error.js';
import { formatValue } from './describe-value.js';
import { formatPath, type PathSegment } from './spec-path.js';
import { PARAM_KINDS, type ParamKind, type ParamSpec } from './sweep-spec.js';

const KIND_LIST = PARAM_KINDS.join(', ');
type RangeKind = 'uniform' | 'log_uniform' | 'int' | 'int_log_uniform';

function isRangeKind(kind: ParamKind): kind is RangeKind {
  return kind === 'uniform' || kind === 'log_uniform' || kind === 'int' || kind === 'int_log_uniform';
}

/** The kind keys `spec` uses, in PARAM_KINDS order. */
export function kindsOf(spec: ParamSpec): ParamKind[] {
  return PARAM_KINDS.filter((kind) => spec[kind] !== undefined);
}

/**
 * The problems of one structurally valid parameter (as paramSpecSchema parsed it): exactly one
 * kind key, ranges in order with legal bounds, a step only where it means something. Conditions
 * are checked across parameters by checkConditions. Empty when the parameter is fine.
 */
export function checkParamSpec(name: string, spec: ParamSpec): SpecProblem[] {
  const at = (...path: PathSegment[]) => formatPath(['parameters', name, ...path]);
  const kinds = kindsOf(spec);
  const [kind] = kinds;
  if (kind === undefined)
    return [{ path: at(), message: `needs one of ${KIND_LIST}`, hint: 'e.g. { values: [a, b] }, { log_uniform: [1.0e-4, 1.0e-1] } or { value: 3 }' }];
  if (kinds.length > 1)
    return [{ path: at(), message: `has ${kinds.join(' and ')}: a parameter takes exactly one of ${KIND_LIST}`, hint: `keep one of ${kinds.join(', ')}` }];

  const problems: SpecProblem[] = [];
  if (kind === 'values') problems.push(...duplicateValues(spec.values ?? [], at));
  const range = isRangeKind(kind) ? spec[kind] : undefined;
  if (range) problems.push(...checkRange(kind, range, at));
  if (spec.step !== undefined) problems.push(...checkStep(kind, spec.step, problems.length === 0 ? range : undefined, at));
  return problems;
}

function duplicateValues(values: readonly unknown[], at: (...path: PathSegment[]) => string): SpecProblem[] {
  return values.flatMap((value, index) => {
    const first = values.indexOf(value);
    return first < index ? [{ path: at('values', index), message: `repeats values[${first}] (${formatValue(value)})`, hint: 'list each value once' }] : [];
  });
}

function checkRange(kind: ParamKind, [low, high]: readonly [number, number], at: (...path: PathSegment[]) => string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  if (kind === 'log_uniform' && !(low > 0)) {
    problems.push({ path: at(kind, 0), message: `must be > 0, got ${low}`, hint: 'a log-uniform range needs low > 0, e.g. log_uniform: [1.0e-5, 1.0e-1]' });
  }
  if (kind === 'int_log_uniform' && !(low >= 1)) {
    problems.push({
      path: at(kind, 0),
      message: `must be ≥ 1, got ${low}`,
      hint: 'an integer log-uniform range needs low ≥ 1, e.g. int_log_uniform: [16, 256]',
    });
  }
  if (high < low) problems.push({ path: at(kind, 1), message: `must be ≥ ${low} (low), got ${high}`, hint: 'write the range as [low, high]' });
  if (high === low) problems.push({ path: at(kind), message: `empty range [${low}, ${high}]`, hint: `use value: ${low} for a fixed parameter` });
  return problems;
}

/** `range` is given only when the range itself is fine (else its width means nothing). */
function checkStep(kind: ParamKind, step: number, range: readonly [number, number] | undefined, at: (...path: PathSegment[]) => string): SpecProblem[] {
  if (kind === 'values' || kind === 'value')
    return [{ path: at('step'), message: `not allowed with ${kind}`, hint: 'a step applies to uniform, int and int_log_uniform ranges; remove it' }];
  if (kind === 'log_uniform') {
    return [
      {
        path: at('step'),
        message: 'not allowed with log_uniform',
        hint: 'a log-uniform range has no even grid; remove step, or use values: [...] or uniform with step',
      },
    ];
  }
  if ((kind === 'int' || kind === 'int_log_uniform') && !Number.isInteger(step)) {
    return [{ path: at('step'), message: `must be an integer for ${kind}, got ${step}`, hint: 'use an integer step such as 2 or 8' }];
  }
  if (range && step > range[1] - range[0]) {
    // Only low could ever be drawn: almost certainly a typo in the step or the range.
    const width = Number((range[1] - range[0]).toPrecision(12));
    return [{ path: at('step'), message: `must be ≤ ${width} (high − low), got ${step}`, hint: 'with this step only low can be drawn' }];
  }
  return [];
}
