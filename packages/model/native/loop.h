/*
 * The seed's loop cell, with fresh dropout masks d1, d2 per step:
 *   s1 = relu(tanh(xProj_t + h_{t−1}·U1)), a_t = s1∘d1_t
 *   s2 = relu(tanh(a_t·W2 + b2)),          h_t = s2∘d2_t
 * Tape: s1 and s2 [T, B, H]; relu(tanh(x))' = (s > 0)·(1 − s²) follows from s alone.
 */
#ifndef LOOPSWEEP_LOOP_H
#define LOOPSWEEP_LOOP_H

#include "common.h"

static inline int loop_tape_floats(int T, int B, int H) { return T * B * 2 * H; }

static inline f4 rectified_tanh_slope(f4 s) { return f4_mul(f4_positive(s), f4_sub(F4(1.0f), f4_mul(s, s))); }

static void loop_forward(const rnn_problem *p, float *out, float *tape, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H;
  float *s1s = tape, *s2s = tape + T * BH;
  float *zeros = carve(&scratch, BH), *a = carve(&scratch, BH);
  packed_b u = carve_rows(&scratch, p->U, H, H, H), w2 = carve_rows(&scratch, p->W2, H, H, H);
  fill(zeros, 0.0f, BH);
  for (int t = 0; t < T; t++) {
    const float *hPrev = t ? out + (t - 1) * BH : zeros;
    float *s1 = s1s + t * BH, *s2 = s2s + t * BH, *h = out + t * BH;
    const float *d1 = p->d1 ? p->d1 + t * BH : 0, *d2 = p->d2 ? p->d2 + t * BH : 0;
    copy(s1, p->xProj + t * BH, BH);
    if (t) gemm(B, hPrev, H, 1, u, s1, H);
    for (int o = 0; o < BH; o += 4) {
      int n = BH - o;
      f4 v = maybe_flush(p, f4_relu(f4_tanh(f4_load_upto(s1 + o, n))));
      f4_store_upto(s1 + o, v, n);
      f4_store_upto(a + o, f4_mul(v, mask_lanes(d1, o, n)), n);
    }
    for (int b = 0; b < B; b++) copy(s2 + b * H, p->b2, H);
    gemm(B, a, H, 1, w2, s2, H);
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = maybe_flush(p, f4_relu(f4_tanh(f4_load_upto(s2 + o, n))));
        f4_store_upto(s2 + o, v, n);
        f4_store_upto(h + o, real ? f4_mul(v, mask_lanes(d2, o, n)) : f4_load_upto(hPrev + o, n), n);
      }
    }
  }
}

static void loop_backward(const rnn_problem *p, const float *out, const float *tape, const float *dOut, float *dXProj, float *dU, float *dW2, float *db2, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H;
  const float *s1s = tape, *s2s = tape + T * BH;
  float *dh = carve(&scratch, BH), *dq2 = carve(&scratch, BH), *a = carve(&scratch, BH);
  float *da = carve(&scratch, BH), *dhPrev = carve(&scratch, BH);
  float *packed = carve(&scratch, packed_floats(B, H));
  packed_b uT = carve_columns(&scratch, p->U, H, H, H), w2T = carve_columns(&scratch, p->W2, H, H, H);
  fill(dh, 0.0f, BH);
  fill(dU, 0.0f, H * H);
  fill(dW2, 0.0f, H * H);
  fill(db2, 0.0f, H);
  for (int t = T - 1; t >= 0; t--) {
    add_into(dh, dOut + t * BH, BH);
    const float *s1 = s1s + t * BH, *s2 = s2s + t * BH;
    const float *d1 = p->d1 ? p->d1 + t * BH : 0, *d2 = p->d2 ? p->d2 + t * BH : 0;
    float *dp = dXProj + t * BH;
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = F4(0.0f);
        if (real) v = f4_mul(f4_mul(f4_load_upto(dh + o, n), mask_lanes(d2, o, n)), rectified_tanh_slope(f4_load_upto(s2 + o, n)));
        f4_store_upto(dq2 + o, maybe_flush(p, v), n);
        f4_store_upto(a + o, f4_mul(f4_load_upto(s1 + o, n), mask_lanes(d1, o, n)), n);
      }
      add_into(db2, dq2 + b * H, H);
    }
    gemm(H, a, 1, H, pack_rows(packed, dq2, H, B, H), dW2, H);
    fill(da, 0.0f, BH);
    gemm(B, dq2, H, 1, w2T, da, H);
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = F4(0.0f);
        if (real) v = f4_mul(f4_mul(f4_load_upto(da + o, n), mask_lanes(d1, o, n)), rectified_tanh_slope(f4_load_upto(s1 + o, n)));
        f4_store_upto(dp + o, maybe_flush(p, v), n);
      }
    }
    if (t == 0) break; /* h_0 = 0: nothing reaches U1 or an earlier state */
    gemm(H, out + (t - 1) * BH, 1, H, pack_rows(packed, dp, H, B, H), dU, H);
    fill(dhPrev, 0.0f, BH);
    gemm(B, dp, H, 1, uT, dhPrev, H);
    for (int b = 0; b < B; b++) {
      if (is_real(p, t, b)) copy(dh + b * H, dhPrev + b * H, H);
    }
    if (p->flush) {
      for (int o = 0; o < BH; o += 4) f4_store_upto(dh + o, f4_flush(f4_load_upto(dh + o, BH - o)), BH - o);
    }
  }
}

#endif
