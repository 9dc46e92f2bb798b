/*
 * The WebAssembly SIMD kernel of loopsweep's fast recurrent layers: the whole recurrence of one
 * layer direction, forward and backward through time, for the cells of
 * src/models/fast-rnn/CONTRACT.md; and a plain matrix product on the same block code (sgemm.h). Built by scripts/build-kernel.mjs (clang --target=wasm32
 * -msimd128, no libc); the JavaScript side is src/kernels/rnn-kernel.ts.
 *
 * Memory is the module's own; the caller places every array in it (from __heap_base up), calls,
 * and copies results out. The kernel keeps no state between calls, so one instance serves any
 * number of layers and calls in turn, and each worker thread has its own instance.
 */
#include "simple.h"
#include "lstm.h"
#include "gru.h"
#include "loop.h"
#include "sgemm.h"

#define EXPORT(name) __attribute__((export_name(#name)))

enum { CELL_SIMPLE = 0, CELL_LSTM = 1, CELL_GRU = 2, CELL_LOOP = 3 };
enum { FLAG_FLUSH_SUBNORMALS = 1, FLAG_RELU = 2 };

/* Floats the forward pass records for the backward pass (beyond the outputs), per call. */
EXPORT(rnn_tape_floats) int rnn_tape_floats(int cell, int T, int B, int H) {
  switch (cell) {
    case CELL_LSTM: return lstm_tape_floats(T, B, H);
    case CELL_GRU: return gru_tape_floats(T, B, H);
    case CELL_LOOP: return loop_tape_floats(T, B, H);
    default: return 0;
  }
}

/* Floats of working space either pass needs; the caller provides it, nothing is kept. */
EXPORT(rnn_scratch_floats) int rnn_scratch_floats(int B, int H) { return scratch_floats(B, H); }

static rnn_problem problem(int flags, int T, int B, int H, const float *xProj, const float *U, const float *mask, const float *rdrop, const float *W2, const float *b2, const float *d1, const float *d2) {
  rnn_problem p = {T, B, H, (flags & FLAG_RELU) != 0, (flags & FLAG_FLUSH_SUBNORMALS) != 0, xProj, U, mask, rdrop, W2, b2, d1, d2};
  return p;
}

/* out [T, B, H] and tape (rnn_tape_floats) from the inputs; returns 0, or -1 for an unknown cell. */
EXPORT(rnn_forward)
int rnn_forward(int cell, int flags, int T, int B, int H, const float *xProj, const float *U, const float *mask, const float *rdrop, const float *W2, const float *b2, const float *d1, const float *d2, float *out, float *tape, float *scratch) {
  rnn_problem p = problem(flags, T, B, H, xProj, U, mask, rdrop, W2, b2, d1, d2);
  scratch_end = scratch + scratch_floats(B, H);
  switch (cell) {
    case CELL_SIMPLE: simple_forward(&p, out, scratch); return 0;
    case CELL_LSTM: lstm_forward(&p, out, tape, scratch); return 0;
    case CELL_GRU: gru_forward(&p, out, tape, scratch); return 0;
    case CELL_LOOP: loop_forward(&p, out, tape, scratch); return 0;
    default: return -1;
  }
}

/*
 * Gradients from dOut [T, B, H] and the forward pass's out and tape: dXProj [T, B, G·H], dU and,
 * for the loop cell, dW2 and db2 (all overwritten). The same inputs as the forward call, except
 * that xProj is not needed. Returns 0, or -1 for an unknown cell.
 */
EXPORT(rnn_backward)
int rnn_backward(int cell, int flags, int T, int B, int H, const float *U, const float *mask, const float *rdrop, const float *W2, const float *d1, const float *d2, const float *out, const float *tape, const float *dOut, float *dXProj, float *dU, float *dW2, float *db2, float *scratch) {
  rnn_problem p = problem(flags, T, B, H, 0, U, mask, rdrop, W2, 0, d1, d2);
  scratch_end = scratch + scratch_floats(B, H);
  switch (cell) {
    case CELL_SIMPLE: simple_backward(&p, out, dOut, dXProj, dU, scratch); return 0;
    case CELL_LSTM: lstm_backward(&p, out, tape, dOut, dXProj, dU, scratch); return 0;
    case CELL_GRU: gru_backward(&p, out, tape, dOut, dXProj, dU, scratch); return 0;
    case CELL_LOOP: loop_backward(&p, out, tape, dOut, dXProj, dU, dW2, db2, scratch); return 0;
    default: return -1;
  }
}

/* Floats of scratch rnn_sgemm needs (B packed). */
EXPORT(rnn_sgemm_scratch_floats) int rnn_sgemm_scratch_floats(int K, int N) { return packed_floats(K, N); }

/* C[M×N] += op(A)·op(B), row-major; flags: 1 = A stored transposed [K, M], 2 = B stored transposed [N, K]. */
EXPORT(rnn_sgemm) void rnn_sgemm(int flags, int M, int N, int K, const float *A, const float *B, float *C, float *scratch) {
  sgemm(M, N, K, A, (flags & SGEMM_TRANSPOSE_A) != 0, B, (flags & SGEMM_TRANSPOSE_B) != 0, C, scratch);
}
