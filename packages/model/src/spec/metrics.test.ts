import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RNN_TEXT_METRICS } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module specifier the files reachable from `entry` by relative imports import. */
function importsReachableFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const specifiers = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else specifiers.add(specifier!);
    }
  };
  visit(entry);
  return specifiers;
}

describe('RNN_TEXT_METRICS', () => {
  it('declares the cost metrics next to the accuracy ones, in reports and in the result', () => {
    for (const name of ['val_accuracy', 'train_seconds', 'parameters', 'inference_ms_per_example'] as const) {
      expect(RNN_TEXT_METRICS[name].in).toEqual(['reports', 'result']);
    }
    expect(RNN_TEXT_METRICS.test_accuracy.in).toEqual(['result']);
  });

  it('comes from the light spec entry, which imports no TensorFlow.js', () => {
    const imported = [...importsReachableFrom(resolve(here, 'index.ts'))];
    expect(imported).toContain('zod'); // the walk reached the dataset schema
    expect(imported.filter((specifier) => specifier.includes('tensorflow'))).toEqual([]);
  });
});
