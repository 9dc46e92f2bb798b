import type { SpecProblem } from '../errors/spec-error.js';
import type { Distribution } from '../search-space/distributions.js';
import { checkParamSpec } from './check-param-spec.js';
import { describeValue, formatValue } from './describe-value.js';
import { issuesToProblems } from './issues-to-problems.js';
import { paramDistribution } from './param-distribution.js';
import { PARAM_NAME_PATTERN, paramSpecSchema } from './param-schema.js';
import { formatPath, isMapping } from './spec-path.js';
import type { ParamSpec } from './sweep-spec.js';

/** One parameter after checking: `spec` when it is well-formed, `distribution` when it is also sound. */
export interface ParsedParam {
  readonly name: string;
  readonly spec?: ParamSpec;
  readonly distribution?: Distribution;
  readonly problems: readonly SpecProblem[];
}

/** Checks the name and the entry of one parameter, collecting every problem. Never throws. */
export function parseParam(name: string, raw: unknown): ParsedParam {
  const path = formatPath(['parameters', name]);
  const problems: SpecProblem[] = [];
  if (!PARAM_NAME_PATTERN.test(name)) {
    problems.push({ path, message: "names must start with a letter or '_' and use only letters, digits and '_'", hint: `e.g. ${suggestName(name)}` });
  }
  if (!isMapping(raw)) {
    // The two likeliest slips: a bare value or a bare list where a mapping belongs.
    const hint = Array.isArray(raw)
      ? 'for a choice among these write { values: [...] }'
      : raw === null || raw === undefined
        ? 'e.g. { values: [a, b] }'
        : `for a fixed value write { value: ${formatValue(raw)} }`;
    problems.push({ path, message: `must be a mapping such as { values: [a, b] } or { uniform: [low, high] }, got ${describeValue(raw)}`, hint });
    return { name, problems };
  }
  const parsed = paramSpecSchema.safeParse(raw);
  if (!parsed.success) return { name, problems: [...problems, ...issuesToProblems(parsed.error.issues, paramSpecSchema, raw, ['parameters', name])] };
  const spec = parsed.data as ParamSpec;
  problems.push(...checkParamSpec(name, spec));
  return problems.length > 0 ? { name, spec, problems } : { name, spec, distribution: paramDistribution(spec), problems };
}

/** `hidden units` → `hidden_units`, `2nd` → `_2nd`: a legal name close to what was written. */
function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]+/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `_${cleaned}`;
}
