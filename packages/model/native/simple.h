/*
 * Simple cell: h_t = act(xProj_t + (h_{t−1}∘r)·U), act = tanh or relu. No tape beyond the outputs:
 * both derivatives follow from h_t itself (1 − h² for tanh, h > 0 for relu).
 */
#ifndef LOOPSWEEP_SIMPLE_H
#define LOOPSWEEP_SIMPLE_H

#include "common.h"

static void simple_forward(const rnn_problem *p, float *out, float *scratch) {
  const int B = p->B, H = p->H, BH = B * H;
  float *zeros = carve(&scratch, BH), *hrBuf = carve(&scratch, BH), *z = carve(&scratch, BH);
  packed_b u = carve_rows(&scratch, p->U, H, H, H);
  fill(zeros, 0.0f, BH);
  for (int t = 0; t < p->T; t++) {
    const float *hPrev = t ? out + (t - 1) * BH : zeros;
    float *h = out + t * BH;
    copy(z, p->xProj + t * BH, BH);
    if (t) gemm(B, dropped(hPrev, p->rdrop, hrBuf, BH), H, 1, u, z, H);
    for (int b = 0; b < B; b++) {
      if (!is_real(p, t, b)) {
        copy(h + b * H, hPrev + b * H, H);
        continue;
      }
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = f4_load_upto(z + o, n);
        v = p->relu ? f4_relu(v) : f4_tanh(v);
        f4_store_upto(h + o, maybe_flush(p, v), n);
      }
    }
  }
}

static void simple_backward(const rnn_problem *p, const float *out, const float *dOut, float *dXProj, float *dU, float *scratch) {
  const int B = p->B, H = p->H, BH = B * H;
  float *hrBuf = carve(&scratch, BH), *dh = carve(&scratch, BH), *dhPrev = carve(&scratch, BH);
  float *dzPacked = carve(&scratch, packed_floats(B, H));
  packed_b uT = carve_columns(&scratch, p->U, H, H, H);
  fill(dh, 0.0f, BH);
  fill(dU, 0.0f, H * H);
  for (int t = p->T - 1; t >= 0; t--) {
    add_into(dh, dOut + t * BH, BH);
    const float *h = out + t * BH;
    float *dz = dXProj + t * BH;
    for (int b = 0; b < B; b++) {
      if (!is_real(p, t, b)) {
        fill(dz + b * H, 0.0f, H);
        continue;
      }
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 hv = f4_load_upto(h + o, n);
        f4 slope = p->relu ? f4_positive(hv) : f4_sub(F4(1.0f), f4_mul(hv, hv));
        f4_store_upto(dz + o, maybe_flush(p, f4_mul(f4_load_upto(dh + o, n), slope)), n);
      }
    }
    if (t == 0) break; /* h_0 = 0: nothing reaches U or an earlier state */
    const float *hr = dropped(out + (t - 1) * BH, p->rdrop, hrBuf, BH);
    gemm(H, hr, 1, H, pack_rows(dzPacked, dz, H, B, H), dU, H);
    fill(dhPrev, 0.0f, BH);
    gemm(B, dz, H, 1, uT, dhPrev, H);
    for (int b = 0; b < B; b++) {
      if (!is_real(p, t, b)) continue; /* padding: dh passes through unchanged */
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = f4_mul(f4_load_upto(dhPrev + o, n), mask_lanes(p->rdrop, o, n));
        f4_store_upto(dh + o, maybe_flush(p, v), n);
      }
    }
  }
}

#endif
