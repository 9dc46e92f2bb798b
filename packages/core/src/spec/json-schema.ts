import { z } from 'zod';
import { OBJECTIVE_BLOCKS, type ObjectiveBlockSchemas } from './objective-blocks.js';
import { sweepSpecSchema } from './schema.js';

/** The `$id` of the sweep spec JSON Schema (a name, not a download address). */
export const SWEEP_SPEC_SCHEMA_ID = 'urn:loopsweep:sweep-spec';

export interface SweepSpecJsonSchemaOptions {
  /**
   * The block schemas of the objectives editors should know, by objective name (the built-in
   * ones; core cannot import them, so whoever can passes them in). Each becomes an
   * `if objective is … then dataset is …` rule.
   */
  readonly objectiveBlocks?: Readonly<Record<string, ObjectiveBlockSchemas>>;
}

/**
 * The JSON Schema of sweep specs (draft-07, which editors support most widely), generated from
 * the zod schema that validation uses, so the two cannot disagree on structure. It describes what
 * users write (defaults are optional, timeout may be a duration string). It cannot express every
 * rule (ranges in order, conditions naming real parameters); validateSweepSpec checks those.
 * The copy shipped as `@loopsweep/core/sweep-spec.schema.json` includes the built-in objectives'
 * blocks: @loopsweep/runner writes it (scripts/write-spec-schema.mjs) and a test there keeps it
 * equal to this.
 */
export function sweepSpecJsonSchema(options: SweepSpecJsonSchemaOptions = {}): Record<string, unknown> {
  const { $schema, title, description: _description, ...generated } = z.toJSONSchema(sweepSpecSchema, { target: 'draft-07', io: 'input' });
  const rules = Object.entries(options.objectiveBlocks ?? {}).flatMap(([objective, blocks]) => objectiveRule(objective, blocks));
  // Identity and help first: that is what a reader of the file looks for.
  return {
    $schema,
    $id: SWEEP_SPEC_SCHEMA_ID,
    title,
    description:
      'A loopsweep sweep spec: the objective to run, the metric (or metrics) to optimize, the budget, the sampler and pruner, and the parameters to search. Load it in your editor, e.g. with "# yaml-language-server: $schema=<path to @loopsweep/core/schema/sweep-spec.schema.json>" at the top of a YAML spec.',
    ...generated,
    // One objective (`metric`) or several (`metrics`): exactly one of the two, as validation says.
    oneOf: [{ required: ['metric'] }, { required: ['metrics'] }],
    ...(rules.length > 0 ? { allOf: rules } : {}),
  };
}

/** `if objective is <objective> then <its blocks>`, or nothing when it declares no block. */
function objectiveRule(objective: string, blocks: ObjectiveBlockSchemas): Record<string, unknown>[] {
  const properties: Record<string, unknown> = {};
  for (const block of OBJECTIVE_BLOCKS) {
    const schema = blocks[block];
    if (schema === undefined) continue;
    // `false` is draft-07's "nothing is valid here": the objective reads no such block.
    properties[block] = schema === false ? false : blockJsonSchema(schema);
  }
  if (Object.keys(properties).length === 0) return [];
  return [{ if: { properties: { objective: { const: objective } }, required: ['objective'] }, then: { properties } }];
}

function blockJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' });
  return rest;
}
