import { sweepSpecJsonSchema } from '@loopsweep/core';
import { BUILT_IN_OBJECTIVE_BLOCKS } from './objective-blocks.js';

/**
 * The sweep spec JSON Schema for editors, with what each built-in objective's `dataset` block
 * holds. Core writes the rest but cannot import the objectives, so the file shipped as
 * `@loopsweep/core/sweep-spec.schema.json` is written from here (scripts/write-spec-schema.mjs),
 * and spec-json-schema.test.ts keeps the two equal.
 */
export function builtInSweepSpecJsonSchema(): Record<string, unknown> {
  return sweepSpecJsonSchema({ objectiveBlocks: BUILT_IN_OBJECTIVE_BLOCKS });
}
