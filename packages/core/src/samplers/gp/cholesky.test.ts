import { describe, expect, it } from 'vitest';
import { cholesky, inverseFromCholesky, solveLower, solveLowerColumns, solveUpperTransposed } from './cholesky.js';

/** A seeded symmetric positive-definite n × n matrix: B·Bᵀ + n·I. */
function spd(n: number): Float64Array {
  const b = Float64Array.from({ length: n * n }, (_, i) => Math.sin(i * 12.9898) * 0.5);
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = i === j ? n : 0;
      for (let k = 0; k < n; k++) sum += (b[i * n + k] as number) * (b[j * n + k] as number);
      a[i * n + j] = sum;
    }
  }
  return a;
}

function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) out[i * n + j] = (out[i * n + j] as number) + (a[i * n + k] as number) * (b[k * n + j] as number);
  return out;
}

describe('cholesky', () => {
  const n = 9;
  const a = spd(n);
  const l = cholesky(a, n) as Float64Array;

  it('factors A into L·Lᵀ with L lower triangular', () => {
    expect(l).toBeDefined();
    const lt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lt[i * n + j] = l[j * n + i] as number;
    const product = multiply(l, lt, n);
    for (let i = 0; i < n * n; i++) expect(product[i]).toBeCloseTo(a[i] as number, 10);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(l[i * n + j]).toBe(0);
  });

  it('returns undefined for a matrix that is not positive definite', () => {
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeUndefined();
    expect(cholesky(Float64Array.from([0]), 1)).toBeUndefined();
  });

  it('solves A·x = b with the two triangular solves', () => {
    const b = Float64Array.from({ length: n }, (_, i) => i - 3);
    const x = Float64Array.from(b);
    solveLower(l, n, x);
    solveUpperTransposed(l, n, x);
    for (let i = 0; i < n; i++) {
      let ax = 0;
      for (let k = 0; k < n; k++) ax += (a[i * n + k] as number) * (x[k] as number);
      expect(ax).toBeCloseTo(b[i] as number, 10);
    }
  });

  it('solves many right-hand sides at once exactly as one at a time (odd sizes hit the unrolled loop’s tail)', () => {
    for (const size of [1, 2, 5, 9]) {
      const m = spd(size);
      const f = cholesky(m, size) as Float64Array;
      const columns = 7;
      const block = Float64Array.from({ length: size * columns }, (_, i) => Math.cos(i));
      const expected = Float64Array.from(block);
      solveLowerColumns(f, size, block, columns);
      for (let c = 0; c < columns; c++) {
        const column = Float64Array.from({ length: size }, (_, i) => expected[i * columns + c] as number);
        solveLower(f, size, column);
        for (let i = 0; i < size; i++) expect(block[i * columns + c]).toBeCloseTo(column[i] as number, 12);
      }
    }
  });

  it('inverts A from its factor', () => {
    const product = multiply(a, inverseFromCholesky(l, n), n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(product[i * n + j]).toBeCloseTo(i === j ? 1 : 0, 10);
  });
});
