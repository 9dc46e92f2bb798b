import { describe, expect, it } from 'vitest';
import { ParamsError } from '../errors.js';
import { strategyFrom } from './build-from-params.js';
import { parseParams } from './parse-params.js';

describe('embedding_update', () => {
  it('defaults to dense, which leaves the strategy as before; lazy reaches the strategy', () => {
    expect(parseParams({}).embedding_update).toBe('dense');
    expect(strategyFrom(parseParams({}), 1, 3)).not.toHaveProperty('embeddingUpdate');
    expect(strategyFrom(parseParams({ embedding_update: 'dense' }), 1, 3)).not.toHaveProperty('embeddingUpdate');
    expect(strategyFrom(parseParams({ embedding_update: 'lazy', optimizer: 'adamw' }), 1, 3).embeddingUpdate).toBe('lazy');
  });

  it('refuses an unknown value, and lazy with an optimizer that has no lazy step', () => {
    expect(() => parseParams({ embedding_update: 'sparse' })).toThrow(/embedding_update.*must be one of "dense", "lazy", got "sparse"/s);
    let caught: unknown;
    try {
      parseParams({ embedding_update: 'lazy', optimizer: 'adadelta' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ParamsError);
    expect((caught as ParamsError).problems).toEqual([
      {
        param: 'embedding_update',
        message: 'lazy is defined for optimizer sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad; adadelta updates every row (use dense)',
      },
    ]);
  });
});
