/*
 * C += A·B for the small products of one recurrent step (B = 32, H = 16..256).
 *
 * B is packed first: strips of 8 columns, each strip its K rows of 8 floats one after another
 * (columns past N are zeros). Why: a row of U at H = 256 is 4 KB (LSTM), so the 8 columns of one
 * strip read straight from U sit 4 KB apart, all in the same L1 set; reading them packed is one
 * contiguous stream. U and Uᵀ are packed once per call; the per-step gradient operand once per
 * step (a copy of K·N floats against M·K·N multiply-adds).
 *
 * A is read one element at a time and broadcast, so it may be stored either way round (ars, acs =
 * strides of its rows and columns): A = h is (H, 1), A = hᵀ is (1, H); no transposed copy of the
 * per-step states is made.
 *
 * Register blocking: 4 rows × 8 columns of C live in 8 vector registers across the whole k loop,
 * so each k costs 2 vector loads and 4 broadcasts for 32 multiply-adds. With the 2 B vectors and
 * the broadcast that is 11 of x64's 16 vector registers, leaving V8 room not to spill.
 */
#ifndef LOOPSWEEP_GEMM_H
#define LOOPSWEEP_GEMM_H

#include "vec.h"

/* A packed K×N right-hand operand (see above). */
typedef struct {
  const float *strips;
  int K, N;
} packed_b;

/* Floats a packed K×N operand takes. */
static inline int packed_floats(int K, int N) { return ((N + 7) / 8) * 8 * K; }

/* Packs B(k, j) = src[k·ld + j] into dst (packed_floats(K, N) floats). */
static packed_b pack_rows(float *dst, const float *src, int ld, int K, int N) {
  packed_b packed = {dst, K, N};
  for (int j0 = 0; j0 < N; j0 += 8) {
    int cols = N - j0;
    const float *s = src + j0;
    if (cols >= 8) {
      for (int k = 0; k < K; k++, s += ld, dst += 8) f4_store(dst, f4_load(s)), f4_store(dst + 4, f4_load(s + 4));
    } else {
      for (int k = 0; k < K; k++, s += ld, dst += 8) {
        f4_store(dst, f4_load_upto(s, cols));
        f4_store(dst + 4, cols > 4 ? f4_load_n(s + 4, cols - 4) : F4(0.0f));
      }
    }
  }
  return packed;
}

/* Packs B(k, j) = src[j·ld + k], the transpose of a row-major matrix; once per call, so plain loops. */
static packed_b pack_columns(float *dst, const float *src, int ld, int K, int N) {
  packed_b packed = {dst, K, N};
  for (int j0 = 0; j0 < N; j0 += 8) {
    for (int k = 0; k < K; k++, dst += 8) {
      for (int c = 0; c < 8; c++) dst[c] = j0 + c < N ? src[(j0 + c) * ld + k] : 0.0f;
    }
  }
  return packed;
}

#define A_AT(A, i, k) ((A) + (i) * ars + (k) * acs)

/* One block of `rows` (1..4) rows × `cols` (1..8) columns of C, from one strip of B. */
static inline void gemm_block(int rows, int cols, int K, const float *A, int ars, int acs, const float *strip, float *C, int ldc) {
  f4 c0[4], c1[4];
  for (int r = 0; r < 4; r++) {
    float *row = C + (r < rows ? r : 0) * ldc;
    c0[r] = cols >= 8 ? f4_load(row) : f4_load_upto(row, cols);
    c1[r] = cols >= 8 ? f4_load(row + 4) : cols > 4 ? f4_load_n(row + 4, cols - 4) : F4(0.0f);
  }
  f4 c00 = c0[0], c01 = c1[0], c10 = c0[1], c11 = c1[1], c20 = c0[2], c21 = c1[2], c30 = c0[3], c31 = c1[3];
  if (rows == 4) {
    for (int k = 0; k < K; k++, strip += 8) {
      f4 b0 = f4_load(strip), b1 = f4_load(strip + 4);
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
    /* The last 1–3 rows of C: the same order of additions per element as the 4-row path. */
    for (int k = 0; k < K; k++, strip += 8) {
      f4 b0 = f4_load(strip), b1 = f4_load(strip + 4);
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
  c0[0] = c00, c1[0] = c01, c0[1] = c10, c1[1] = c11, c0[2] = c20, c1[2] = c21, c0[3] = c30, c1[3] = c31;
  for (int r = 0; r < rows; r++) {
    float *row = C + r * ldc;
    if (cols >= 8) {
      f4_store(row, c0[r]), f4_store(row + 4, c1[r]);
    } else {
      f4_store_upto(row, c0[r], cols);
      if (cols > 4) f4_store_n(row + 4, c1[r], cols - 4);
    }
  }
}

/* C[M×N] (row stride ldc) += A[M×K] · B, B packed K×N. */
static void gemm(int M, const float *A, int ars, int acs, packed_b B, float *C, int ldc) {
  /* Strips outer: one strip (8 KB at K = 256) stays in L1 while every row block uses it. */
  for (int j0 = 0; j0 < B.N; j0 += 8) {
    int cols = B.N - j0 < 8 ? B.N - j0 : 8;
    const float *strip = B.strips + j0 * B.K;
    for (int i = 0; i < M; i += 4) {
      int rows = M - i < 4 ? M - i : 4;
      gemm_block(rows, cols, B.K, A_AT(A, i, 0), ars, acs, strip, C + i * ldc + j0, ldc);
    }
  }
}

#undef A_AT

#endif
