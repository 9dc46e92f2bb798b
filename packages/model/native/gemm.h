/*
 * C += A·B for the small products of one recurrent step (B = 32, H = 64..256 typical).
 *
 * B is row-major with row stride ldb, so a 4-lane load takes 4 neighbouring columns; A is read one
 * element at a time and broadcast, so it may be stored either way round (ars, acs = strides of its
 * rows and columns): A = h is (H, 1), A = hᵀ is (1, H). That lets the kernel use U, Uᵀ and hᵀ
 * without ever building a transposed copy of the per-step operands.
 *
 * Register blocking: 4 rows × 8 columns of C live in 8 vector registers across the whole k loop,
 * so each k costs 2 vector loads and 4 broadcasts for 32 multiply-adds. With the 2 B vectors and
 * the broadcast that is 11 of x64's 16 vector registers, leaving V8 room not to spill.
 */
#ifndef LOOPSWEEP_GEMM_H
#define LOOPSWEEP_GEMM_H

#include "vec.h"

#define A_AT(A, i, k) ((A) + (i) * ars + (k) * acs)

/* One block of `rows` (1..4) rows × 8 columns. */
static inline void gemm_block8(int rows, int K, const float *A, int ars, int acs, const float *B, int ldb, float *C, int ldc) {
  f4 c00 = f4_load(C), c01 = f4_load(C + 4);
  f4 c10 = c00, c11 = c01, c20 = c00, c21 = c01, c30 = c00, c31 = c01;
  if (rows > 1) c10 = f4_load(C + ldc), c11 = f4_load(C + ldc + 4);
  if (rows > 2) c20 = f4_load(C + 2 * ldc), c21 = f4_load(C + 2 * ldc + 4);
  if (rows > 3) c30 = f4_load(C + 3 * ldc), c31 = f4_load(C + 3 * ldc + 4);
  if (rows == 4) {
    for (int k = 0; k < K; k++) {
      const float *b = B + k * ldb;
      f4 b0 = f4_load(b), b1 = f4_load(b + 4);
      f4 a0 = wasm_v128_load32_splat(A_AT(A, 0, k));
      f4 a1 = wasm_v128_load32_splat(A_AT(A, 1, k));
      f4 a2 = wasm_v128_load32_splat(A_AT(A, 2, k));
      f4 a3 = wasm_v128_load32_splat(A_AT(A, 3, k));
      c00 = f4_add(c00, f4_mul(a0, b0)), c01 = f4_add(c01, f4_mul(a0, b1));
      c10 = f4_add(c10, f4_mul(a1, b0)), c11 = f4_add(c11, f4_mul(a1, b1));
      c20 = f4_add(c20, f4_mul(a2, b0)), c21 = f4_add(c21, f4_mul(a2, b1));
      c30 = f4_add(c30, f4_mul(a3, b0)), c31 = f4_add(c31, f4_mul(a3, b1));
    }
  } else {
    /* The last 1–3 rows of C: one row at a time, same order of additions per element. */
    for (int k = 0; k < K; k++) {
      const float *b = B + k * ldb;
      f4 b0 = f4_load(b), b1 = f4_load(b + 4);
      f4 a0 = wasm_v128_load32_splat(A_AT(A, 0, k));
      c00 = f4_add(c00, f4_mul(a0, b0)), c01 = f4_add(c01, f4_mul(a0, b1));
      if (rows > 1) {
        f4 a1 = wasm_v128_load32_splat(A_AT(A, 1, k));
        c10 = f4_add(c10, f4_mul(a1, b0)), c11 = f4_add(c11, f4_mul(a1, b1));
      }
      if (rows > 2) {
        f4 a2 = wasm_v128_load32_splat(A_AT(A, 2, k));
        c20 = f4_add(c20, f4_mul(a2, b0)), c21 = f4_add(c21, f4_mul(a2, b1));
      }
    }
  }
  f4_store(C, c00), f4_store(C + 4, c01);
  if (rows > 1) f4_store(C + ldc, c10), f4_store(C + ldc + 4, c11);
  if (rows > 2) f4_store(C + 2 * ldc, c20), f4_store(C + 2 * ldc + 4, c21);
  if (rows > 3) f4_store(C + 3 * ldc, c30), f4_store(C + 3 * ldc + 4, c31);
}

/* One row × `cols` (1..7) columns: the right edge of C when N is not a multiple of 8. */
static inline void gemm_edge(int cols, int K, const float *A, int acs, const float *B, int ldb, float *C) {
  f4 c0 = f4_load_upto(C, cols), c1 = cols > 4 ? f4_load_n(C + 4, cols - 4) : F4(0.0f);
  for (int k = 0; k < K; k++) {
    const float *b = B + k * ldb;
    f4 a = wasm_v128_load32_splat(A + k * acs);
    c0 = f4_add(c0, f4_mul(a, f4_load_upto(b, cols)));
    if (cols > 4) c1 = f4_add(c1, f4_mul(a, f4_load_n(b + 4, cols - 4)));
  }
  f4_store_upto(C, c0, cols);
  if (cols > 4) f4_store_n(C + 4, c1, cols - 4);
}

/* C[M×N] (row stride ldc) += A[M×K] · B[K×N]. */
static void gemm(int M, int N, int K, const float *A, int ars, int acs, const float *B, int ldb, float *C, int ldc) {
  int n8 = N & ~7;
  /* Columns outer: the K×8 strip of B (8 KB at K = 256) stays in L1 while every row block uses it. */
  for (int j = 0; j < n8; j += 8) {
    for (int i = 0; i < M; i += 4) {
      int rows = M - i < 4 ? M - i : 4;
      gemm_block8(rows, K, A_AT(A, i, 0), ars, acs, B + j, ldb, C + i * ldc + j, ldc);
    }
  }
  if (n8 < N) {
    for (int i = 0; i < M; i++) gemm_edge(N - n8, K, A_AT(A, i, 0), acs, B + n8, ldb, C + i * ldc + n8);
  }
}

#undef A_AT

#endif
