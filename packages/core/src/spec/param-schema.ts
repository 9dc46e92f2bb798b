import { z } from 'zod';
import { PARAM_KINDS } from './sweep-spec.js';
import { worded } from './wording.js';

/** Parameter names: what objectives read (`params.hidden_units`), so identifiers only. */
export const PARAM_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A fresh schema per use: `.meta()` copies a schema, and the copy must carry the wording too. */
function paramValueSchema(description?: string) {
  const schema = z.union([z.string(), z.number(), z.boolean()]);
  return worded(description === undefined ? schema : schema.meta({ description }), { message: 'must be a string, a number, true or false' });
}

function rangeSchema(item: z.ZodNumber, description: string) {
  return worded(z.tuple([item, item]).meta({ description }), { message: 'must be a list of two numbers [low, high]' });
}

const conditionValueSchema = worded(
  z.union([paramValueSchema(), z.array(paramValueSchema()).min(1)]).meta({ description: 'A value of the parent, or a list of values (any of them).' }),
  { message: 'must be a value of that parameter or a non-empty list of its values' },
);

/**
 * One entry of `parameters:`. Structure only: exactly one kind key, ranges in order, steps and
 * conditions are checked by `checkParamSpec` and `createSearchSpace`, which word them better than
 * refinements could. The JSON Schema still tells editors "exactly one kind key" (`oneOf`).
 */
export const paramSpecSchema = worded(
  z
    .strictObject({
      values: worded(
        z
          .array(paramValueSchema())
          .min(1)
          .meta({ description: 'One of these values (strings, numbers, true/false), unordered.', uniqueItems: true, examples: [['lstm', 'gru']] }),
        {
          message: 'must be a non-empty list of values',
        },
      ),
      uniform: rangeSchema(z.number(), 'A real number uniform in [low, high]; with `step`, only low + k·step.'),
      log_uniform: rangeSchema(z.number(), 'A real number uniform in log space over [low, high] (low > 0), e.g. a learning rate [1.0e-4, 1.0e-1].'),
      int: rangeSchema(z.int(), 'An integer in [low, high]; with `step`, only low + k·step.'),
      int_log_uniform: rangeSchema(z.int(), 'An integer uniform in log space over [low, high] (low ≥ 1), e.g. units [16, 256].'),
      value: paramValueSchema('A fixed value: every trial gets it.'),
      step: z
        .number()
        .positive()
        .meta({ description: 'Grid spacing for uniform, int and int_log_uniform (an integer for ints). Makes a uniform range usable by grid search.' }),
      when: z.record(z.string(), conditionValueSchema).meta({
        description: 'Only sample this parameter when every named parent parameter has one of the given values.',
        examples: [{ optimizer: 'momentum' }],
      }),
    })
    .partial()
    .meta({
      title: 'Parameter',
      description: 'Exactly one of values, uniform, log_uniform, int, int_log_uniform or value; optionally step and when.',
      oneOf: PARAM_KINDS.map((kind) => ({ required: [kind] })),
    }),
  { message: 'must be a mapping such as { values: [a, b] } or { uniform: [low, high] }' },
);

/** `parameters:` for the JSON Schema: names are identifiers, each value a parameter. */
export const parametersSchema = z
  .record(z.string().regex(PARAM_NAME_PATTERN), paramSpecSchema)
  .meta({ description: 'The hyperparameters to search, by name; the objective receives them as params.<name>.' });
