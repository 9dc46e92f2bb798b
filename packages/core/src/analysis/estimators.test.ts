import { describe, expect, it } from 'vitest';
import { chooseEstimator, iqmOf, IQM_MIN_REPLICATES, meanOf } from './estimators.js';

describe('estimators', () => {
  it('mean and IQM match numpy.mean and scipy.stats.trim_mean(x, 0.25)', () => {
    expect(meanOf([1, 2, 3, 10])).toBe(4);
    // trim_mean([1..8], 0.25) trims 2 per end → mean(3, 4, 5, 6) = 4.5
    expect(iqmOf([1, 2, 3, 4, 5, 6, 7, 8])).toBe(4.5);
    // n = 5 trims ⌊5/4⌋ = 1 per end → mean(2, 3, 100)
    expect(iqmOf([1, 2, 3, 100, 1000])).toBe(35);
    expect(iqmOf([7, 9])).toBe(8);
    expect(meanOf([])).toBeNaN();
    expect(iqmOf([])).toBeNaN();
  });

  it('auto picks the IQM only when every group is large enough', () => {
    expect(chooseEstimator([IQM_MIN_REPLICATES, IQM_MIN_REPLICATES + 3])).toBe('iqm');
    expect(chooseEstimator([IQM_MIN_REPLICATES, IQM_MIN_REPLICATES - 1])).toBe('mean');
    expect(chooseEstimator([])).toBe('mean');
  });
});
