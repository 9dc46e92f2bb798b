import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { glorotUniform, heNormal, identity, orthogonal, recurrentKernel } from './initializers.js';

function matmulTransposeA(q: Float32Array, n: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    out.push([]);
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let k = 0; k < n; k++) dot += (q[k * n + i] as number) * (q[k * n + j] as number);
      out[i]!.push(dot);
    }
  }
  return out;
}

describe('initializers', () => {
  it('orthogonal gives QᵀQ = I', () => {
    const n = 24;
    const product = matmulTransposeA(orthogonal(n, createRandom(1)), n);
    product.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(i === j ? 1 : 0, 5)));
  });

  it('is seeded: the same seed gives the same values, another seed others', () => {
    expect(orthogonal(8, createRandom(4))).toEqual(orthogonal(8, createRandom(4)));
    expect(glorotUniform(5, 7, createRandom(4))).not.toEqual(glorotUniform(5, 7, createRandom(5)));
  });

  it('glorot stays within its limit and he has the right spread', () => {
    const limit = Math.sqrt(6 / (100 + 50));
    const g = glorotUniform(100, 50, createRandom(2));
    expect(Math.max(...g.map(Math.abs))).toBeLessThanOrEqual(limit);
    const h = heNormal(200, 200, createRandom(3));
    const variance = h.reduce((s, v) => s + v * v, 0) / h.length;
    expect(variance).toBeCloseTo(2 / 200, 3);
  });

  it('initializes each gate block of a recurrent kernel on its own (identity per gate)', () => {
    const units = 3;
    const kernel = recurrentKernel('identity', units, 4, createRandom(0));
    for (let i = 0; i < units; i++) {
      for (let g = 0; g < 4; g++) {
        for (let j = 0; j < units; j++) expect(kernel[i * 12 + g * units + j]).toBe(i === j ? 1 : 0);
      }
    }
    expect(identity(2)).toEqual(Float32Array.from([1, 0, 0, 1]));
  });
});
