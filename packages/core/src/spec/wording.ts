import { z } from 'zod';

/**
 * How problems with one schema are worded, where zod's generic wording would not help a user:
 * `message` replaces the generic "must be …" (never "required"), for the issue codes in `codes`
 * or, without `codes`, for all; `hint` is a concrete fix, given with any problem there.
 */
export interface Wording {
  readonly message?: string;
  readonly codes?: readonly z.core.$ZodIssue['code'][];
  readonly hint?: string;
}

/** The wordings, by schema; read by `issuesToProblems`. */
export const wordings = z.registry<Wording>();

/**
 * Registers `wording` for `schema` and returns the schema. Call it last in a chain: `.meta()` and
 * `.describe()` return a copy, which would not carry the wording.
 */
export function worded<T extends z.ZodType>(schema: T, wording: Wording): T {
  wordings.add(schema, wording);
  return schema;
}
