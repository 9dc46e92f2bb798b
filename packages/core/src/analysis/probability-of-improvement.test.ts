import { describe, expect, it } from 'vitest';
import { probabilityOfImprovement } from './probability-of-improvement.js';

describe('probabilityOfImprovement', () => {
  it('counts pairs won, ties as one half, lower winning when minimizing', () => {
    expect(probabilityOfImprovement([3, 4], [1, 2])).toBe(1);
    expect(probabilityOfImprovement([1, 2], [1, 2])).toBe(0.5);
    // pairs (2,1) win, (2,2) tie, (2,3) lose → (1 + 0.5) / 3
    expect(probabilityOfImprovement([2], [1, 2, 3])).toBe(0.5);
    expect(probabilityOfImprovement([3, 4], [1, 2], 'minimize')).toBe(0);
    expect(probabilityOfImprovement([], [1])).toBeNaN();
  });
});
