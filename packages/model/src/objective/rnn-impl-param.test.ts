import { describe, expect, it } from 'vitest';
import { ConfigError, ParamsError } from '../errors.js';
import { validateClassifierConfig } from '../models/validate-config.js';
import { classifierConfigFrom } from './build-from-params.js';
import { parseParams } from './parse-params.js';

const input = { kind: 'tokens', vocabSize: 100, maxLen: 10 } as const;
const output = { kind: 'classification', classes: 2 } as const;

describe('rnn_impl', () => {
  it('defaults to the fast layers and passes either choice to the model config', () => {
    expect(classifierConfigFrom(parseParams({}), input, output, 1).rnnImplementation).toBe('fast');
    expect(classifierConfigFrom(parseParams({ rnn_impl: 'tfjs-layers' }), input, output, 1).rnnImplementation).toBe('tfjs-layers');
  });

  it('refuses anything else, naming the choices', () => {
    expect(() => parseParams({ rnn_impl: 'slow' })).toThrow(ParamsError);
    expect(() => parseParams({ rnn_impl: 'slow' })).toThrow(/rnn_impl.*must be one of "fast", "tfjs-layers", got "slow"/s);
    expect(() => validateClassifierConfig({ input, output, cell: 'lstm', units: 4, seed: 1, rnnImplementation: 'slow' as never })).toThrow(ConfigError);
    expect(() => validateClassifierConfig({ input, output, cell: 'lstm', units: 4, seed: 1, rnnImplementation: 'slow' as never })).toThrow(
      /rnnImplementation must be one of fast, tfjs-layers, got 'slow'/,
    );
  });
});
