import type { z } from 'zod';
import type { SpecProblem } from '../errors/spec-error.js';
import { issuesToProblems } from './issues-to-problems.js';

/**
 * The spec blocks whose content belongs to the objective rather than to loopsweep: core only
 * knows they are mappings, the objective declares what goes in them.
 */
export const OBJECTIVE_BLOCKS = ['dataset'] as const;
export type ObjectiveBlock = (typeof OBJECTIVE_BLOCKS)[number];

/**
 * What an objective declares about the blocks it reads, per block: a zod schema of the block as
 * written (strict objects, so an unknown key is refused with a did-you-mean; a discriminated
 * union on `name` where the block has variants; `.optional()` when the block may be left out),
 * or `false` when the objective reads no such block and a spec must not have one. A block left
 * undeclared passes through unchecked.
 */
export type ObjectiveBlockSchemas = Readonly<Partial<Record<ObjectiveBlock, z.ZodType | false>>>;

/** The block schemas of the objective a spec names (`rnn-text`, `./mine.mjs`), or undefined when none are known. */
export type ObjectiveBlocksLookup = (objective: string) => ObjectiveBlockSchemas | undefined;

/**
 * Checks a spec's objective blocks against the schemas its objective declares. Problems read like
 * the rest of spec validation: `dataset.text: unknown key (did you mean 'text_column'?)`.
 *
 * @param spec the spec, or the raw document (only `objective` and the blocks are read)
 * @returns every problem found, in the order zod finds them; none when the objective declares nothing
 */
export function checkObjectiveBlocks(
  spec: Readonly<Partial<Record<'objective' | ObjectiveBlock, unknown>>>,
  blocks: ObjectiveBlockSchemas | undefined,
): SpecProblem[] {
  if (blocks === undefined) return [];
  const objective = typeof spec.objective === 'string' ? spec.objective : 'this objective';
  return OBJECTIVE_BLOCKS.flatMap((block) => {
    const schema = blocks[block];
    const value = spec[block];
    if (schema === undefined) return [];
    if (schema === false) {
      return value === undefined ? [] : [{ path: block, message: `${objective} reads no ${block} block`, hint: `remove the ${block} block` }];
    }
    const parsed = schema.safeParse(value);
    return parsed.success ? [] : issuesToProblems(parsed.error.issues, schema, value, [block]);
  });
}
