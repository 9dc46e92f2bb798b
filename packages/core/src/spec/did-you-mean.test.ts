import { describe, expect, test } from 'vitest';
import { closestMatch, didYouMean, editDistance } from './did-you-mean.js';

describe('did you mean', () => {
  test.each([
    ['seed', 'sed', 1],
    ['name', 'nmae', 1],
    ['trials', 'trails', 1],
    ['parallel', 'parralel', 2],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });

  test('suggests the closest candidate within two edits', () => {
    expect(closestMatch('sed', ['type', 'seed', 'shuffle'])).toBe('seed');
    expect(closestMatch('log_unifrom', ['uniform', 'log_uniform', 'int_log_uniform'])).toBe('log_uniform');
    expect(closestMatch('Seed', ['seed'])).toBe('seed');
  });

  test('suggests nothing far away, nor for short words that share nothing', () => {
    expect(closestMatch('gamma', ['type', 'seed'])).toBeUndefined();
    expect(closestMatch('zz', ['lr', 'x'])).toBeUndefined();
  });

  test('words the hint', () => {
    expect(didYouMean('radnom', ['tpe', 'random', 'grid'])).toBe("did you mean 'random'?");
    expect(didYouMean('bayes', ['tpe', 'random', 'grid'])).toBeUndefined();
  });
});

describe('did you mean, for keys people shorten or camelCase', () => {
  test('a word that starts exactly one snake_case candidate', () => {
    expect(closestMatch('text', ['name', 'path', 'text_column', 'label_column'])).toBe('text_column');
    expect(closestMatch('label', ['name', 'path', 'text_column', 'label_column'])).toBe('label_column');
    expect(closestMatch('val', ['val_split', 'val_loss'])).toBeUndefined();
  });

  test('camelCase and kebab-case spellings of a snake_case key', () => {
    expect(closestMatch('textColumn', ['text_column', 'label_column'])).toBe('text_column');
    expect(closestMatch('max-len', ['max_len', 'vocab'])).toBe('max_len');
  });
});
