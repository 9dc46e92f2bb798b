/*
 * What every cell's forward and backward share: the problem description, whole-array helpers, and
 * the scratch-space carving. Layouts (all row-major float32, time-major):
 *   xProj, dXProj [T, B, G·H]; out, dOut [T, B, H]; U, dU [H, G·H]; mask [T, B];
 *   rdrop [B, H]; loop: W2, dW2 [H, H], b2, db2 [H], d1, d2 [T, B, H].
 * Optional inputs are null pointers (address 0 is never handed out by the JavaScript side).
 */
#ifndef LOOPSWEEP_COMMON_H
#define LOOPSWEEP_COMMON_H

#include "gemm.h"

typedef struct {
  int T, B, H;
  int relu;  /* simple cell: relu instead of tanh */
  int flush; /* flush values below 2^-100 to zero (see vec.h) */
  const float *xProj, *U, *mask, *rdrop;
  const float *W2, *b2, *d1, *d2; /* loop cell */
} rnn_problem;

/* Whether (t, b) is a real token; padding carries the state over unchanged. */
static inline int is_real(const rnn_problem *p, int t, int b) { return !p->mask || p->mask[t * p->B + b] != 0.0f; }

static inline f4 maybe_flush(const rnn_problem *p, f4 x) { return p->flush ? f4_flush(x) : x; }

static void fill(float *dst, float value, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) f4_store(dst + i, F4(value));
  for (; i < n; i++) dst[i] = value;
}

static void copy(float *dst, const float *src, int n) { __builtin_memcpy(dst, src, (unsigned long)n * sizeof(float)); }

static void add_into(float *dst, const float *src, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) f4_store(dst + i, f4_add(f4_load(dst + i), f4_load(src + i)));
  for (; i < n; i++) dst[i] += src[i];
}

/* h∘r into dst, or h itself without recurrent dropout. */
static const float *dropped(const float *h, const float *r, float *dst, int n) {
  if (!r) return h;
  int i = 0;
  for (; i + 4 <= n; i += 4) f4_store(dst + i, f4_mul(f4_load(h + i), f4_load(r + i)));
  for (; i < n; i++) dst[i] = h[i] * r[i];
  return dst;
}

/* A lane of an optional per-element mask (dropout), 1 where absent. */
static inline f4 mask_lanes(const float *m, int offset, int n) { return m ? f4_load_upto(m + offset, n) : F4(1.0f); }

/* The end of the caller's scratch area: carving past it is a bug here, so it traps. */
static float *scratch_end;

/* Hands out consecutive pieces of the scratch area, each a multiple of 4 floats. */
static inline float *carve(float **cursor, int n) {
  float *piece = *cursor;
  *cursor += (n + 3) & ~3;
  if (*cursor > scratch_end) __builtin_trap();
  return piece;
}

/* Packs into a fresh piece of scratch; see gemm.h. */
static inline packed_b carve_rows(float **cursor, const float *src, int ld, int K, int N) { return pack_rows(carve(cursor, packed_floats(K, N)), src, ld, K, N); }
static inline packed_b carve_columns(float **cursor, const float *src, int ld, int K, int N) { return pack_columns(carve(cursor, packed_floats(K, N)), src, ld, K, N); }

/*
 * An upper bound of what any cell carves: 8 state-sized buffers; U packed and Uᵀ packed, at most
 * 4H × H each, in at most two blocks (8 floats of rounding per row of a block); W2 and W2ᵀ packed
 * (loop); and one step's gradient operand packed, B × 4H.
 */
static inline int scratch_floats(int B, int H) {
  int state = (B * H + 3) & ~3, weights = (4 * H + 16) * (H + 16), loopWeights = (H + 8) * (H + 8), gradient = (4 * H + 16) * B;
  return 8 * state + 2 * weights + 2 * loopWeights + gradient + 64;
}

#endif
