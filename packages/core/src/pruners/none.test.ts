import { describe, expect, it } from 'vitest';
import { NonePruner } from './none.js';
import { describePrunerConformance } from './testing/pruner-conformance.js';
import { makeTrial } from './testing/trials.js';

describePrunerConformance('none', () => new NonePruner(), { prunesNaN: false });

describe('NonePruner', () => {
  it('keeps a trial far worse than every other', () => {
    const others = [0, 1, 2, 3, 4, 5].map((n) => makeTrial(n, [0.9, 0.95, 0.97], 'COMPLETE'));
    const bad = makeTrial(6, [0.1, 0.1, 0.1]);
    expect(new NonePruner().prune({ direction: 'maximize', trials: [...others, bad] }, bad)).toBe(false);
  });
});
