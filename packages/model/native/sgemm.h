/*
 * C += op(A)·op(B) as a whole product: gemm.h's block code (the very loops every recurrent step
 * runs) behind a plain sgemm interface, so that one core's matrix-multiply rate can be measured
 * with the project's own code (tools/bench/sgemm-peak.mjs), the yardstick for "share of peak".
 * Packing B is part of each call, as it is of each step's gradient product.
 */
#ifndef LOOPSWEEP_SGEMM_H
#define LOOPSWEEP_SGEMM_H

#include "gemm.h"

enum { SGEMM_TRANSPOSE_A = 1, SGEMM_TRANSPOSE_B = 2 };

/*
 * C[M×N] (row-major) += op(A)[M×K]·op(B)[K×N]. A is [M, K] row-major, or [K, M] when transposeA;
 * B is [K, N] row-major, or [N, K] when transposeB. scratch holds packed_floats(K, N) floats.
 */
static void sgemm(int M, int N, int K, const float *A, int transposeA, const float *B, int transposeB, float *C, float *scratch) {
  packed_b packed = transposeB ? pack_columns(scratch, B, K, K, N) : pack_rows(scratch, B, N, K, N);
  if (transposeA) gemm(M, A, 1, M, packed, C, N);
  else gemm(M, A, K, 1, packed, C, N);
}

#endif
