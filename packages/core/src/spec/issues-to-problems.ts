import type { z } from 'zod';
import type { SpecProblem } from '../errors/spec-error.js';
import { describeValue } from './describe-value.js';
import { didYouMean } from './did-you-mean.js';
import { allowedKeysAtPath, schemasAtPath } from './schema-at-path.js';
import { formatPath, valueAt, type PathSegment } from './spec-path.js';
import { wordings, type Wording } from './wording.js';

/**
 * Turns zod's issues into problems worded for users: paths as `a.b[0].c`, messages as
 * "must be …, got …", one "unknown key" problem per key with a did-you-mean hint. zod's own
 * messages never reach the user.
 *
 * @param schema the schema `input` was parsed with (for wordings and the keys an object allows)
 * @param prefix where `input` sits in the spec (`['parameters', 'lr']`), prepended to every path
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], schema: z.ZodType, input: unknown, prefix: readonly PathSegment[] = []): SpecProblem[] {
  return firstPerPath(issues).flatMap((issue) => {
    const path = issue.path;
    const at = (extra: readonly PropertyKey[] = []) => formatPath([...prefix, ...path, ...extra]);
    const value = valueAt(input, path);

    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeysAtPath(schema, path, input);
      return issue.keys.map((key) =>
        withHint(
          { path: at([key]), message: 'unknown key' },
          didYouMean(key, allowed) ?? (allowed.length > 0 ? `allowed keys: ${allowed.join(', ')}` : undefined),
        ),
      );
    }
    if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
      // A discriminated union (sampler/pruner `type`) whose tag matches no option.
      const options = ((issue as { options?: readonly unknown[] }).options ?? []).map(String);
      const message = value === undefined ? `required: one of ${options.join(', ')}` : `must be one of ${options.join(', ')}, got ${describeValue(value)}`;
      return [withHint({ path: at(), message }, typeof value === 'string' ? didYouMean(value, options) : undefined)];
    }

    const wording = wordingAt(schema, path, input, issue.code);
    if (issue.code === 'invalid_type' && value === undefined) return [withHint({ path: at(), message: 'required' }, wording.hint)];
    const message = `${wording.message ?? genericMessage(issue)}, got ${describeValue(value)}`;
    const hint = wording.hint ?? (issue.code === 'invalid_value' && typeof value === 'string' ? didYouMean(value, issue.values.map(String)) : undefined);
    return [withHint({ path: at(), message }, hint)];
  });
}

/**
 * One issue per path: zod checks a value against every rule (an empty name fails both "not
 * empty" and the name pattern), and the first says what to fix.
 */
function firstPerPath(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.code === 'unrecognized_keys' ? 'keys:' : ''}${JSON.stringify(issue.path.map(String))}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withHint(problem: { path: string; message: string }, hint: string | undefined): SpecProblem {
  return hint === undefined ? problem : { ...problem, hint };
}

/** The first message (for `code`) and first hint registered on the schemas at `path`, innermost first. */
function wordingAt(schema: z.ZodType, path: readonly PropertyKey[], input: unknown, code: z.core.$ZodIssue['code']): Wording {
  const found = schemasAtPath(schema, path, input)
    .reverse()
    .map((s) => wordings.get(s))
    .filter((w): w is Wording => w !== undefined);
  const message = found.find((w) => w.message !== undefined && (w.codes === undefined || w.codes.includes(code)))?.message;
  const hint = found.find((w) => w.hint !== undefined)?.hint;
  return { ...(message === undefined ? {} : { message }), ...(hint === undefined ? {} : { hint }) };
}

const EXPECTED: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
  tuple: 'a list',
};

/** "must be …" for an issue no wording covers. */
function genericMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // zod rejects NaN and ±Infinity as "not a number": say what is actually wrong.
      const received = (issue as { received?: unknown }).received;
      if (issue.expected === 'number' && (received === 'NaN' || received === 'Infinity')) return 'must be a finite number';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    }
    case 'too_small':
      return bound(issue.origin, issue.inclusive ? '≥' : '>', Number(issue.minimum), 'at least');
    case 'too_big':
      return bound(issue.origin, issue.inclusive ? '≤' : '<', Number(issue.maximum), 'at most');
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_format':
      return 'has the wrong format';
    default:
      return 'is not valid here';
  }
}

function bound(origin: string, relation: string, limit: number, words: string): string {
  if (origin === 'string') return limit === 1 && words === 'at least' ? 'must not be empty' : `must have ${words} ${limit} characters`;
  if (origin === 'array' || origin === 'set') return `must have ${words} ${limit} item${limit === 1 ? '' : 's'}`;
  return `must be ${relation} ${limit}`;
}
