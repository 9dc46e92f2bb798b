import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { createRandom } from '../random.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import type { SgemmShape } from './sgemm-shape.js';

const kernel = loadRnnKernel();

function randomMatrix(n: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: n }, () => random() * 2 - 1);
}

/** c + op(a)·op(b) in float64, row-major, reading the transposed layouts as SgemmShape says. */
function naiveProduct(shape: SgemmShape, a: Float32Array, b: Float32Array, c: Float32Array): Float64Array {
  const { m, n, k } = shape;
  const out = Float64Array.from(c);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a[shape.transposeA ? p * m + i : i * k + p]! * b[shape.transposeB ? j * k + p : p * n + j]!;
      out[i * n + j]! += sum;
    }
  }
  return out;
}

// Odd sizes reach the row tail (m not a multiple of 4) and the column tail (n not of 8).
const SHAPES: SgemmShape[] = [
  { m: 1, n: 1, k: 1 },
  { m: 3, n: 5, k: 7 },
  { m: 9, n: 13, k: 6 },
  { m: 32, n: 256, k: 64 },
  { m: 37, n: 20, k: 33, transposeA: true },
  { m: 6, n: 11, k: 17, transposeB: true },
  { m: 13, n: 9, k: 10, transposeA: true, transposeB: true },
];

describe('the kernel sgemm', () => {
  for (const [index, shape] of SHAPES.entries()) {
    const label = `${shape.m}×${shape.k}·${shape.k}×${shape.n}${shape.transposeA ? ', A transposed' : ''}${shape.transposeB ? ', B transposed' : ''}`;
    it(`matches a naive float64 product, ${label}, onto a nonzero C`, () => {
      const a = randomMatrix(shape.m * shape.k, 10 + index);
      const b = randomMatrix(shape.k * shape.n, 20 + index);
      const c = randomMatrix(shape.m * shape.n, 30 + index);
      const got = kernel.sgemm(shape, a, b, c);
      const want = naiveProduct(shape, a, b, c);
      const worst = got.reduce((max, v, i) => Math.max(max, Math.abs(v - want[i]!)), 0);
      // float32 sums of k products of values in (−1, 1): error grows like k·2^−24.
      expect(worst).toBeLessThanOrEqual(shape.k * 2 ** -22);
      expect(
        got.some((v, i) => v !== c[i]),
        'the product changed nothing',
      ).toBe(true);
    });
  }

  it('accumulates into C on each run of a placed product', () => {
    const shape = { m: 5, n: 9, k: 4 };
    const placed = kernel.placeSgemm(shape);
    placed.a.set(randomMatrix(20, 1));
    placed.b.set(randomMatrix(36, 2));
    placed.run();
    const once = placed.c.slice();
    placed.run();
    // The second run adds its products onto the first's C, one by one: equal to 2·C up to rounding.
    expect(once.some((v) => v !== 0)).toBe(true);
    expect(placed.c.reduce((max, v, i) => Math.max(max, Math.abs(v - 2 * once[i]!)), 0)).toBeLessThanOrEqual(1e-5);
  });

  it('refuses shapes and arrays that do not fit, naming each one', () => {
    expect(() => kernel.sgemm({ m: 0, n: 2, k: 1.5 }, new Float32Array(0), new Float32Array(3))).toThrow(ConfigError);
    expect(() => kernel.sgemm({ m: 0, n: 2, k: 1.5 }, new Float32Array(0), new Float32Array(3))).toThrow(
      /m must be a positive integer, got 0; k must be a positive integer, got 1.5/,
    );
    expect(() => kernel.sgemm({ m: 2, n: 3, k: 4 }, new Float32Array(8), new Float32Array(11), new Float32Array(5))).toThrow(
      /b has 11 values, expected 12; c has 5 values, expected 6/,
    );
  });
});
