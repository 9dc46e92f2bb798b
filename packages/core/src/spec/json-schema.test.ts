import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { sweepSpecJsonSchema, SWEEP_SPEC_SCHEMA_ID } from './json-schema.js';
import { PARAM_KINDS } from './sweep-spec.js';

const COMMITTED = new URL('../../schema/sweep-spec.schema.json', import.meta.url);

describe('sweepSpecJsonSchema', () => {
  test('the committed schema file is what the zod schema generates (else: npm run build, then node scripts/write-schema.mjs)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(`${JSON.stringify(sweepSpecJsonSchema(), null, 2)}\n`);
  });

  test('identifies itself and describes the spec for editors', () => {
    const schema = sweepSpecJsonSchema() as { $schema: string; $id: string; title: string; description: string; required: string[]; additionalProperties: boolean };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(SWEEP_SPEC_SCHEMA_ID);
    expect(schema.title).toBe('Sweep spec');
    expect(schema.description).toContain('yaml-language-server');
    expect(schema.required).toEqual(['name', 'objective', 'metric', 'parameters']);
    expect(schema.additionalProperties).toBe(false);
  });

  test('tells editors a parameter takes exactly one kind key, and describes each', () => {
    const schema = sweepSpecJsonSchema() as { properties: { parameters: { additionalProperties: { oneOf: unknown[]; properties: Record<string, { description?: string }> } } } };
    const param = schema.properties.parameters.additionalProperties;
    expect(param.oneOf).toEqual(PARAM_KINDS.map((kind) => ({ required: [kind] })));
    for (const key of [...PARAM_KINDS, 'step', 'when']) expect(param.properties[key]?.description, key).toMatch(/\w/);
  });

  test('lets a timeout be written as seconds or as a duration', () => {
    const schema = sweepSpecJsonSchema() as { properties: { budget: { properties: { timeout: { anyOf: { type: string }[] } } } } };
    expect(schema.properties.budget.properties.timeout.anyOf.map((option) => option.type)).toEqual(['number', 'string']);
  });
});
