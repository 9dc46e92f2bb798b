/**
 * Seeded weight initialization, computed in JavaScript and written into the model's variables.
 *
 * Why not tfjs's initializers: they draw from `Math.random` unless given a seed, tfjs's
 * `identity` refuses the non-square recurrent kernels of gated cells, and its `orthogonal` runs a
 * slow QR for every matrix. Here every recurrent kernel is initialized per gate block (a square
 * u×u matrix), which is what "orthogonal" and "identity (IRNN)" mean for a gated cell.
 */
import type { KernelInit, RecurrentInit } from './classifier-config.js';
import { normal, type RandomSource } from '../random.js';

/** Row-major values of a [rows, cols] matrix. */
export type Matrix = Float32Array;

export function glorotUniform(rows: number, cols: number, random: RandomSource): Matrix {
  const limit = Math.sqrt(6 / (rows + cols));
  return Float32Array.from({ length: rows * cols }, () => (random() * 2 - 1) * limit);
}

export function heNormal(rows: number, cols: number, random: RandomSource): Matrix {
  const std = Math.sqrt(2 / rows);
  return Float32Array.from({ length: rows * cols }, () => normal(random) * std);
}

export function uniform(size: number, limit: number, random: RandomSource): Float32Array {
  return Float32Array.from({ length: size }, () => (random() * 2 - 1) * limit);
}

export function identity(n: number): Matrix {
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/**
 * A random n×n orthogonal matrix: QR of a Gaussian matrix by modified Gram–Schmidt, with each
 * column's sign fixed by R's diagonal so the distribution is uniform (Haar), as in Saxe et al. 2014.
 */
export function orthogonal(n: number, random: RandomSource): Matrix {
  // Work column by column in float64 for a well-conditioned result.
  const columns = Array.from({ length: n }, () => Float64Array.from({ length: n }, () => normal(random)));
  for (let j = 0; j < n; j++) {
    const v = columns[j] as Float64Array;
    for (let k = 0; k < j; k++) {
      const q = columns[k] as Float64Array;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += (q[i] as number) * (v[i] as number);
      for (let i = 0; i < n; i++) v[i] = (v[i] as number) - dot * (q[i] as number);
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (v[i] as number) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] = (v[i] as number) / norm;
  }
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * n + j] = (columns[j] as Float64Array)[i] as number;
  return out;
}

export function kernelValues(kind: KernelInit, rows: number, cols: number, random: RandomSource): Matrix {
  return kind === 'he' ? heNormal(rows, cols, random) : glorotUniform(rows, cols, random);
}

/** A square u×u recurrent block. */
export function recurrentBlock(kind: RecurrentInit, units: number, random: RandomSource): Matrix {
  if (kind === 'identity') return identity(units);
  if (kind === 'glorot') return glorotUniform(units, units, random);
  return orthogonal(units, random);
}

/** A [units, gates·units] recurrent kernel, each gate's u×u block initialized on its own. */
export function recurrentKernel(kind: RecurrentInit, units: number, gates: number, random: RandomSource): Matrix {
  const out = new Float32Array(units * gates * units);
  for (let g = 0; g < gates; g++) {
    const block = recurrentBlock(kind, units, random);
    for (let i = 0; i < units; i++) {
      for (let j = 0; j < units; j++) out[i * gates * units + g * units + j] = block[i * units + j] as number;
    }
  }
  return out;
}
