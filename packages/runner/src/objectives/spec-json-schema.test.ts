import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtInSweepSpecJsonSchema } from './spec-json-schema.js';

const COMMITTED = new URL('../../../core/schema/sweep-spec.schema.json', import.meta.url);

interface Rule {
  readonly if: { readonly properties: { readonly objective: { readonly const: string } } };
  readonly then: {
    readonly properties: {
      readonly dataset:
        | false
        | { readonly oneOf: readonly { readonly properties: Readonly<Record<string, { readonly const?: string }>>; readonly additionalProperties: boolean }[] };
    };
  };
}

describe('the editor JSON Schema of sweep specs', () => {
  test('the committed file (@loopsweep/core/sweep-spec.schema.json) is what is generated (else: build, then node packages/runner/scripts/write-spec-schema.mjs)', () => {
    expect(readFileSync(COMMITTED, 'utf8')).toBe(`${JSON.stringify(builtInSweepSpecJsonSchema(), null, 2)}\n`);
  });

  test("knows rnn-text's four datasets, each with only its own keys, and that noop takes none", () => {
    const rules = (builtInSweepSpecJsonSchema() as { allOf: Rule[] }).allOf;
    const byObjective = new Map(rules.map((rule) => [rule.if.properties.objective.const, rule.then.properties.dataset]));
    const rnnText = byObjective.get('rnn-text');
    if (!rnnText) throw new Error('no rule for rnn-text');
    expect(rnnText.oneOf.map((variant) => variant.properties['name']?.const)).toEqual(['spamassassin', 'csv', 'jsonl', 'adding']);
    expect(rnnText.oneOf.every((variant) => variant.additionalProperties === false)).toBe(true);
    expect(Object.keys(rnnText.oneOf[1]?.properties ?? {})).toEqual(expect.arrayContaining(['path', 'text_column', 'label_column', 'delimiter']));
    expect(byObjective.get('noop')).toBe(false);
  });
});
