/**
 * The shape of one plain matrix product run by the kernel's block code (native/sgemm.h):
 * C[m×n] += op(A)[m×k] · op(B)[k×n], all row-major float32.
 */
import { ConfigError } from '../errors.js';

export interface SgemmShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** A is stored as [k, m] (Aᵀ row-major) instead of [m, k]. */
  readonly transposeA?: boolean;
  /** B is stored as [n, k] (Bᵀ row-major) instead of [k, n]. */
  readonly transposeB?: boolean;
}

/** Floats of each operand: A, B and C. */
export function sgemmSizes({ m, n, k }: SgemmShape): { a: number; b: number; c: number } {
  return { a: m * k, b: k * n, c: m * n };
}

/** @throws {ConfigError} naming each dimension that is not a positive integer. */
export function checkSgemmShape(shape: SgemmShape): void {
  const bad = (['m', 'n', 'k'] as const).filter((d) => !Number.isInteger(shape[d]) || shape[d] < 1);
  if (bad.length > 0) throw new ConfigError(`sgemm: ${bad.map((d) => `${d} must be a positive integer, got ${shape[d]}`).join('; ')}`);
}
