/**
 * Dense Cholesky factorization and triangular solves over row-major Float64Arrays. At the sizes a
 * GP sampler sees (n ≤ a few hundred) a plain O(n³/3) factorization is a few million flops; the
 * cost that matters is the O(n²) solve per acquisition evaluation, hence the batched solve.
 */

/**
 * The lower-triangular L with L·Lᵀ = A, for a symmetric positive-definite n × n `a` (row-major; only
 * its lower triangle is read). Returns undefined when a pivot is not positive (A not numerically
 * positive definite), so the caller can add jitter or give up.
 */
export function cholesky(a: Float64Array, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = a[rowI + j] as number;
      for (let k = 0; k < j; k++) sum -= (l[rowI + k] as number) * (l[rowJ + k] as number);
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[rowI + i] = Math.sqrt(sum);
      } else {
        l[rowI + j] = sum / (l[rowJ + j] as number);
      }
    }
  }
  return l;
}

/** Solves L·x = b in place (`b` becomes x), L lower-triangular n × n. */
export function solveLower(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const row = i * n;
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= (l[row + k] as number) * (b[k] as number);
    b[i] = sum / (l[row + i] as number);
  }
}

/** Solves Lᵀ·x = b in place (`b` becomes x), L lower-triangular n × n. */
export function solveUpperTransposed(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i] as number;
    for (let k = i + 1; k < n; k++) sum -= (l[k * n + i] as number) * (b[k] as number);
    b[i] = sum / (l[i * n + i] as number);
  }
}

/**
 * Solves L·X = B in place for `columns` right-hand sides at once: `b` is n × columns row-major and
 * becomes X. The inner loop runs along a row of B, contiguous in memory, which is several times
 * faster than one solve per column.
 */
export function solveLowerColumns(l: Float64Array, n: number, b: Float64Array, columns: number): void {
  for (let i = 0; i < n; i++) {
    const rowL = i * n;
    const rowI = i * columns;
    // Four earlier rows per sweep along row i: one load and store of b[i, c] per four multiply-adds
    // instead of per one, which is what bounds this loop.
    let k = 0;
    for (; k + 3 < i; k += 4) {
      const l0 = l[rowL + k] as number;
      const l1 = l[rowL + k + 1] as number;
      const l2 = l[rowL + k + 2] as number;
      const l3 = l[rowL + k + 3] as number;
      const r0 = k * columns;
      const r1 = r0 + columns;
      const r2 = r1 + columns;
      const r3 = r2 + columns;
      for (let c = 0; c < columns; c++) {
        b[rowI + c] =
          (b[rowI + c] as number) - l0 * (b[r0 + c] as number) - l1 * (b[r1 + c] as number) - l2 * (b[r2 + c] as number) - l3 * (b[r3 + c] as number);
      }
    }
    for (; k < i; k++) {
      const lik = l[rowL + k] as number;
      const rowK = k * columns;
      for (let c = 0; c < columns; c++) b[rowI + c] = (b[rowI + c] as number) - lik * (b[rowK + c] as number);
    }
    const inverse = 1 / (l[rowL + i] as number);
    for (let c = 0; c < columns; c++) b[rowI + c] = (b[rowI + c] as number) * inverse;
  }
}

/** A⁻¹ from A's Cholesky factor L (A⁻¹ = L⁻ᵀ·L⁻¹), n × n row-major, symmetric. About n³/3 flops. */
export function inverseFromCholesky(l: Float64Array, n: number): Float64Array {
  // Row j of `t` holds column j of L⁻¹ (zero above j), so both loops below run along contiguous rows.
  const t = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const row = j * n;
    t[row + j] = 1 / (l[j * n + j] as number);
    for (let i = j + 1; i < n; i++) {
      const rowL = i * n;
      let sum = 0;
      for (let k = j; k < i; k++) sum -= (l[rowL + k] as number) * (t[row + k] as number);
      t[row + i] = sum / (l[rowL + i] as number);
    }
  }
  // A⁻¹_ij = Σ_k L⁻¹_ki·L⁻¹_kj over k ≥ max(i, j) = i for j ≤ i.
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const rowI = i * n;
    for (let j = 0; j <= i; j++) {
      const rowJ = j * n;
      let sum = 0;
      for (let k = i; k < n; k++) sum += (t[rowI + k] as number) * (t[rowJ + k] as number);
      inverse[rowI + j] = sum;
      inverse[j * n + i] = sum;
    }
  }
  return inverse;
}
