import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { sweepSpecJsonSchema, SWEEP_SPEC_SCHEMA_ID } from './json-schema.js';
import { PARAM_KINDS } from './sweep-spec.js';

// The committed schema file holds the built-in objectives' blocks too: @loopsweep/runner's
// spec-json-schema.test.ts checks it against what it generates.

describe('sweepSpecJsonSchema', () => {
  test('identifies itself and describes the spec for editors', () => {
    const schema = sweepSpecJsonSchema() as {
      $schema: string;
      $id: string;
      title: string;
      description: string;
      required: string[];
      additionalProperties: boolean;
      oneOf: unknown[];
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(SWEEP_SPEC_SCHEMA_ID);
    expect(schema.title).toBe('Sweep spec');
    expect(schema.description).toContain('yaml-language-server');
    expect(schema.required).toEqual(['name', 'objective', 'parameters']);
    expect(schema.oneOf).toEqual([{ required: ['metric'] }, { required: ['metrics'] }]);
    expect(schema.additionalProperties).toBe(false);
  });

  test('tells editors a parameter takes exactly one kind key, and describes each', () => {
    const schema = sweepSpecJsonSchema() as {
      properties: { parameters: { additionalProperties: { oneOf: unknown[]; properties: Record<string, { description?: string }> } } };
    };
    const param = schema.properties.parameters.additionalProperties;
    expect(param.oneOf).toEqual(PARAM_KINDS.map((kind) => ({ required: [kind] })));
    for (const key of [...PARAM_KINDS, 'step', 'when']) expect(param.properties[key]?.description, key).toMatch(/\w/);
  });

  test('lets a timeout be written as seconds or as a duration', () => {
    const schema = sweepSpecJsonSchema() as { properties: { budget: { properties: { timeout: { anyOf: { type: string }[] } } } } };
    expect(schema.properties.budget.properties.timeout.anyOf.map((option) => option.type)).toEqual(['number', 'string']);
  });
});

describe('sweepSpecJsonSchema with objective blocks', () => {
  const dataset = z
    .discriminatedUnion('name', [z.strictObject({ name: z.literal('a'), size: z.int().optional() }), z.strictObject({ name: z.literal('b') })])
    .optional();

  test('adds an if/then rule per objective that says what its dataset block holds', () => {
    const schema = sweepSpecJsonSchema({ objectiveBlocks: { mine: { dataset }, quiet: { dataset: false }, free: {} } }) as { allOf: unknown[] };
    expect(schema.allOf).toEqual(
      [
        {
          if: { properties: { objective: { const: 'mine' } }, required: ['objective'] },
          then: { properties: { dataset: z.toJSONSchema(dataset, { target: 'draft-07', io: 'input' }) } },
        },
        { if: { properties: { objective: { const: 'quiet' } }, required: ['objective'] }, then: { properties: { dataset: false } } },
      ].map((rule) => JSON.parse(JSON.stringify(rule, (key, value: unknown) => (key === '$schema' ? undefined : value)))),
    );
  });

  test('without objective blocks there is no rule', () => {
    expect(sweepSpecJsonSchema()).not.toHaveProperty('allOf');
  });
});
