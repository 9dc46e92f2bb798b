import { z } from 'zod';
import { sweepSpecSchema } from './schema.js';

/** The `$id` of the sweep spec JSON Schema (a name, not a download address). */
export const SWEEP_SPEC_SCHEMA_ID = 'urn:loopsweep:sweep-spec';

/**
 * The JSON Schema of sweep specs (draft-07, which editors support most widely), generated from
 * the zod schema that validation uses, so the two cannot disagree on structure. It describes what
 * users write (defaults are optional, timeout may be a duration string). It cannot express every
 * rule (ranges in order, conditions naming real parameters); validateSweepSpec checks those.
 * The copy shipped as `@loopsweep/core/sweep-spec.schema.json` is written by
 * scripts/write-schema.mjs and a test keeps it equal to this.
 */
export function sweepSpecJsonSchema(): Record<string, unknown> {
  const { $schema, title, description: _description, ...generated } = z.toJSONSchema(sweepSpecSchema, { target: 'draft-07', io: 'input' });
  // Identity and help first: that is what a reader of the file looks for.
  return {
    $schema,
    $id: SWEEP_SPEC_SCHEMA_ID,
    title,
    description:
      'A loopsweep sweep spec: the objective to run, the metric to optimize, the budget, the sampler and pruner, and the parameters to search. Load it in your editor, e.g. with "# yaml-language-server: $schema=<path to @loopsweep/core/schema/sweep-spec.schema.json>" at the top of a YAML spec.',
    ...generated,
  };
}
