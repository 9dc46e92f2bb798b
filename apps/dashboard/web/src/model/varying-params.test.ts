import { describe, expect, it } from 'vitest';
import { varyingParams } from './varying-params';

describe('varyingParams', () => {
  it('leaves out categorical params with a single value', () => {
    const params = [
      { name: 'optimizer', kind: 'categorical' as const, values: ['adam', 'sgd'], conditional: false },
      { name: 'epochs', kind: 'categorical' as const, values: [5], conditional: false },
      { name: 'lr', kind: 'numeric' as const, log: true, conditional: false },
    ];
    expect(varyingParams(params).map((p) => p.name)).toEqual(['optimizer', 'lr']);
  });
});
