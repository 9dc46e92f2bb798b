import { ParamsError, type ParamProblem } from '../errors.js';
import { LAZY_OPTIMIZERS } from '../training/strategy.js';
import { RNN_TEXT_PARAMS, type ParamSpec, type RnnTextParamName } from './param-schema.js';

export type ParamValue = string | number | boolean;
export type ParsedParams = { [K in RnnTextParamName]?: ParamValue };

function check(name: string, spec: ParamSpec, value: unknown): string | undefined {
  switch (spec.kind) {
    case 'choice':
      return spec.values.includes(value as string | boolean)
        ? undefined
        : `must be one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`;
    case 'string':
      return typeof value === 'string' ? undefined : `must be a string, got ${JSON.stringify(value)}`;
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a finite number, got ${JSON.stringify(value)}`;
      if (spec.kind === 'int' && !Number.isInteger(value)) return `must be an integer, got ${value}`;
      const min = spec.min;
      const max = spec.max;
      const exclusiveMin = spec.kind === 'number' && spec.exclusiveMin === true;
      const exclusiveMax = spec.kind === 'number' && spec.exclusiveMax === true;
      if (min !== undefined && (exclusiveMin ? value <= min : value < min)) return `must be ${exclusiveMin ? '>' : '≥'} ${min}, got ${value}`;
      if (max !== undefined && (exclusiveMax ? value >= max : value > max)) return `must be ${exclusiveMax ? '<' : '≤'} ${max}, got ${value}`;
      return undefined;
    }
  }
  void name;
}

/**
 * Validates a flat params object against RNN_TEXT_PARAMS and fills defaults.
 * @throws {ParamsError} listing every unknown name and every invalid value.
 */
export function parseParams(params: Record<string, unknown>): ParsedParams {
  const problems: ParamProblem[] = [];
  const parsed: Record<string, ParamValue> = {};
  const known = RNN_TEXT_PARAMS as Record<string, ParamSpec>;
  for (const [name, value] of Object.entries(params)) {
    const spec = known[name];
    if (!spec) {
      problems.push({ param: name, message: `unknown param for rnn-text; known params: ${Object.keys(known).join(', ')}` });
      continue;
    }
    if (value === undefined || value === null) continue;
    const problem = check(name, spec, value);
    if (problem) problems.push({ param: name, message: problem });
    else parsed[name] = value as ParamValue;
  }
  if (parsed['embedding_update'] === 'lazy' && parsed['optimizer'] !== undefined && !(LAZY_OPTIMIZERS as readonly unknown[]).includes(parsed['optimizer'])) {
    problems.push({
      param: 'embedding_update',
      message: `lazy is defined for optimizer ${LAZY_OPTIMIZERS.join(', ')}; ${String(parsed['optimizer'])} updates every row (use dense)`,
    });
  }
  if (problems.length > 0) throw new ParamsError(problems);
  for (const [name, spec] of Object.entries(known)) {
    if (parsed[name] === undefined && spec.default !== undefined) parsed[name] = spec.default;
  }
  return parsed;
}
