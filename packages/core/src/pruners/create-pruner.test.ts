import { describe, expect, it } from 'vitest';
import { SpecError } from '../errors/spec-error.js';
import { AshaPruner } from './asha.js';
import { createPruner } from './create-pruner.js';
import { HyperbandPruner } from './hyperband.js';
import { MedianPruner } from './median.js';
import { NonePruner } from './none.js';

describe('createPruner', () => {
  it('builds each type, named as in the spec', () => {
    for (const type of ['none', 'median', 'asha', 'hyperband'] as const) expect(createPruner({ type }, { maxEpochs: 8 }).name).toBe(type);
    expect(createPruner({ type: 'none' }, {})).toBeInstanceOf(NonePruner);
  });

  it('passes the median options, with the documented defaults', () => {
    expect(createPruner({ type: 'median' }, {})).toMatchObject({ warmupSteps: 0, minTrials: 5 });
    expect(createPruner({ type: 'median', warmup_steps: 2, min_trials: 3 }, {})).toMatchObject({ warmupSteps: 2, minTrials: 3 });
    expect(createPruner({ type: 'median' }, {})).toBeInstanceOf(MedianPruner);
  });

  it('passes the ASHA options and the budget’s max_epochs', () => {
    const asha = createPruner({ type: 'asha', min_epochs: 2, reduction_factor: 4, min_early_stopping_rate: 1 }, { maxEpochs: 32 });
    expect(asha).toBeInstanceOf(AshaPruner);
    expect((asha as AshaPruner).rungs).toEqual({ minEpochs: 2, reductionFactor: 4, minEarlyStoppingRate: 1, maxEpochs: 32 });
    expect((createPruner({ type: 'asha' }, {}) as AshaPruner).rungs).toEqual({
      minEpochs: 1,
      reductionFactor: 3,
      minEarlyStoppingRate: 0,
      maxEpochs: undefined,
    });
  });

  it('takes Hyperband’s R from the block, else from the budget', () => {
    const fromBudget = createPruner({ type: 'hyperband' }, { maxEpochs: 27 }) as HyperbandPruner;
    expect(fromBudget).toBeInstanceOf(HyperbandPruner);
    expect(fromBudget).toMatchObject({ minEpochs: 1, reductionFactor: 3, maxEpochs: 27 });
    expect(fromBudget.bracketBudgets).toHaveLength(4);
    expect(createPruner({ type: 'hyperband', max_epochs: 9, min_epochs: 1, reduction_factor: 3 }, { maxEpochs: 27 })).toMatchObject({ maxEpochs: 9 });
  });

  it('refuses a hyperband with no max_epochs anywhere, as a spec problem', () => {
    expect(() => createPruner({ type: 'hyperband' }, {})).toThrow(SpecError);
    expect(() => createPruner({ type: 'hyperband' }, {})).toThrow('pruner.max_epochs: hyperband needs max_epochs (or budget.max_epochs)');
    expect(() => createPruner({ type: 'hyperband' }, {})).toThrow(
      expect.objectContaining({ code: 'SPEC', problems: [{ path: 'pruner.max_epochs', message: 'hyperband needs max_epochs (or budget.max_epochs)' }] }),
    );
  });

  it('passes bad options on to the pruner’s own checks', () => {
    expect(() => createPruner({ type: 'asha', reduction_factor: 1 }, {})).toThrow('pruner.reduction_factor: must be an integer >= 2 (got 1)');
    expect(() => createPruner({ type: 'median', min_trials: -1 }, {})).toThrow('pruner.min_trials: must be an integer >= 0 (got -1)');
  });
});
