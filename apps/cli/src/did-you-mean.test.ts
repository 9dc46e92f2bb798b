import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.js';

describe('didYouMean', () => {
  it('suggests a close name and nothing for a far one', () => {
    expect(didYouMean('optimiser', ['optimizer', 'lr', 'cell'])).toBe('optimizer');
    expect(didYouMean('unit', ['units', 'cell'])).toBe('units');
    expect(didYouMean('banana', ['lr', 'cell'])).toBeUndefined();
  });
});
