import { describe, expect, it } from 'vitest';
import { createRandom } from '../../random.js';
import { contains, type Distribution } from '../../search-space/distributions.js';
import { decodeValue, encodeValue, gpDimension, gridCoordinate, gridIndexAt, randomCoordinate, valueCount, type NumericGpDimension } from './gp-dimension.js';

const KINDS: Record<string, Distribution> = {
  float: { kind: 'float', low: -2, high: 3, log: false },
  'float log': { kind: 'float', low: 1e-5, high: 1e-1, log: true },
  'float step': { kind: 'float', low: 0, high: 1, log: false, step: 0.1 },
  int: { kind: 'int', low: -3, high: 7, log: false, step: 1 },
  'int step': { kind: 'int', low: 2, high: 31, log: false, step: 4 },
  'int log': { kind: 'int', low: 1, high: 1000, log: true, step: 1 },
  'int log step': { kind: 'int', low: 1, high: 64, log: true, step: 3 },
  categorical: { kind: 'categorical', choices: ['a', 2, true] },
};

describe('gpDimension', () => {
  it.each(Object.keys(KINDS))('%s: every coordinate, in range or not, decodes to a legal value', (kind) => {
    const distribution = KINDS[kind] as Distribution;
    const dimension = gpDimension({ name: 'p', distribution });
    expect(dimension).toBeDefined();
    for (let u = -0.5; u <= 1.5; u += 0.0037) expect(contains(distribution, decodeValue(dimension!, dimension!.kind === 'categorical' ? u * 3 : u))).toBe(true);
    const random = createRandom(3);
    for (let i = 0; i < 200; i++) expect(contains(distribution, decodeValue(dimension!, randomCoordinate(dimension!, random)))).toBe(true);
  });

  it.each(Object.keys(KINDS))('%s: a legal value encodes inside [0, 1] (or to its index) and decodes back to itself', (kind) => {
    const distribution = KINDS[kind] as Distribution;
    const dimension = gpDimension({ name: 'p', distribution })!;
    const random = createRandom(9);
    for (let i = 0; i < 100; i++) {
      const value = decodeValue(dimension, randomCoordinate(dimension, random));
      const u = encodeValue(dimension, value) as number;
      if (dimension.kind !== 'categorical') {
        expect(u).toBeGreaterThanOrEqual(0);
        expect(u).toBeLessThanOrEqual(1);
      }
      expect(decodeValue(dimension, u)).toBe(value);
    }
  });

  it('gives each grid point of a discrete dimension an equal cell, the end points included', () => {
    const dimension = gpDimension({ name: 'p', distribution: KINDS.int as Distribution }) as NumericGpDimension;
    expect(dimension.kind).toBe('discrete');
    expect(valueCount(dimension)).toBe(11);
    for (let k = 0; k < 11; k++) {
      expect(gridCoordinate(dimension, k)).toBeCloseTo((k + 0.5) / 11, 12);
      expect(gridIndexAt(dimension, gridCoordinate(dimension, k))).toBe(k);
    }
  });

  it('models log params in log space: the geometric middle of the range is at 0.5', () => {
    const dimension = gpDimension({ name: 'p', distribution: KINDS['float log'] as Distribution })!;
    expect(encodeValue(dimension, 1e-3)).toBeCloseTo(0.5, 12);
  });

  it('leaves out what there is nothing to model, and cannot place a value of the wrong type', () => {
    expect(gpDimension({ name: 'p', distribution: { kind: 'fixed', value: 3 } })).toBeUndefined();
    expect(gpDimension({ name: 'p', distribution: { kind: 'categorical', choices: ['only'] } })).toBeUndefined();
    expect(gpDimension({ name: 'p', distribution: { kind: 'float', low: 1, high: 1, log: false } })).toBeUndefined();
    const float = gpDimension({ name: 'p', distribution: KINDS.float as Distribution })!;
    expect(encodeValue(float, 'x')).toBeUndefined();
    expect(encodeValue(float, undefined)).toBeUndefined();
    // A choice no longer offered counts as different from every choice.
    expect(encodeValue(gpDimension({ name: 'p', distribution: KINDS.categorical as Distribution })!, 'gone')).toBe(-1);
  });
});
