/*
 * GRU, Keras "reset before" (tfjs-layers' formula), gate order z, r, h; hr = h_{t−1}∘r:
 *   [a_z, a_r] = xProj_t[z,r] + hr·U[:, :2H];  z=σ(a_z), ρ=σ(a_r)
 *   ĥ = tanh(xProj_t[h] + (ρ∘hr)·U[:, 2H:]);  h_t = z∘h_{t−1} + (1−z)∘ĥ   (undropped carry)
 * Tape: the activated gates z, ρ, ĥ [T, B, 3H]; ρ∘hr is recomputed in the backward pass.
 */
#ifndef LOOPSWEEP_GRU_H
#define LOOPSWEEP_GRU_H

#include "common.h"

static inline int gru_tape_floats(int T, int B, int H) { return T * B * 3 * H; }

static void gru_forward(const rnn_problem *p, float *out, float *tape, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H, G = 3 * H;
  float *zeros = carve(&scratch, BH), *hrBuf = carve(&scratch, BH), *q = carve(&scratch, BH);
  packed_b uZR = carve_rows(&scratch, p->U, G, H, 2 * H), uH = carve_rows(&scratch, p->U + 2 * H, G, H, H);
  fill(zeros, 0.0f, BH);
  for (int t = 0; t < T; t++) {
    const float *hPrev = t ? out + (t - 1) * BH : zeros;
    const float *hr = dropped(hPrev, p->rdrop, hrBuf, BH);
    float *g = tape + t * B * G, *h = out + t * BH;
    copy(g, p->xProj + t * B * G, B * G);
    if (t) gemm(B, hr, H, 1, uZR, g, G);
    for (int b = 0; b < B; b++) {
      float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 rho = f4_sigmoid(f4_load_upto(gb + H + j, n));
        f4_store_upto(gb + j, f4_sigmoid(f4_load_upto(gb + j, n)), n);
        f4_store_upto(gb + H + j, rho, n);
        f4_store_upto(q + o, f4_mul(rho, f4_load_upto(hr + o, n)), n);
      }
    }
    if (t) gemm(B, q, H, 1, uH, g + 2 * H, G);
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 hh = f4_tanh(f4_load_upto(gb + 2 * H + j, n));
        f4_store_upto(gb + 2 * H + j, hh, n);
        f4 hp = f4_load_upto(hPrev + o, n);
        if (!real) {
          f4_store_upto(h + o, hp, n);
          continue;
        }
        f4 z = f4_load_upto(gb + j, n);
        f4 hn = f4_add(f4_mul(z, hp), f4_mul(f4_sub(F4(1.0f), z), hh));
        f4_store_upto(h + o, maybe_flush(p, hn), n);
      }
    }
  }
}

static void gru_backward(const rnn_problem *p, const float *out, const float *tape, const float *dOut, float *dXProj, float *dU, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H, G = 3 * H;
  float *zeros = carve(&scratch, BH), *hrBuf = carve(&scratch, BH), *dh = carve(&scratch, BH);
  float *dhDirect = carve(&scratch, BH), *dq = carve(&scratch, BH), *dhr = carve(&scratch, BH);
  float *q = carve(&scratch, BH), *dzPacked = carve(&scratch, packed_floats(B, 2 * H));
  /* Uᵀ in the two blocks the backward products use: rows of the z and r gates, rows of ĥ. */
  packed_b uZRT = carve_columns(&scratch, p->U, G, 2 * H, H), uHT = carve_columns(&scratch, p->U + 2 * H, G, H, H);
  fill(zeros, 0.0f, BH);
  fill(dh, 0.0f, BH);
  fill(dU, 0.0f, H * G);
  for (int t = T - 1; t >= 0; t--) {
    add_into(dh, dOut + t * BH, BH);
    const float *g = tape + t * B * G, *hPrev = t ? out + (t - 1) * BH : zeros;
    const float *hr = dropped(hPrev, p->rdrop, hrBuf, BH);
    float *dz = dXProj + t * B * G;
    /* Gradients of a_z and of ĥ's pre-activation first: the reset gate's needs dq = dĥ·U_hᵀ. */
    for (int b = 0; b < B; b++) {
      float *dzb = dz + b * G;
      if (!is_real(p, t, b)) {
        fill(dzb, 0.0f, G);
        continue;
      }
      const float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 z = f4_load_upto(gb + j, n), hh = f4_load_upto(gb + 2 * H + j, n);
        f4 dhv = f4_load_upto(dh + o, n), one = F4(1.0f);
        f4 daz = f4_mul(f4_mul(dhv, f4_sub(f4_load_upto(hPrev + o, n), hh)), f4_mul(z, f4_sub(one, z)));
        f4 dah = f4_mul(f4_mul(dhv, f4_sub(one, z)), f4_sub(one, f4_mul(hh, hh)));
        f4_store_upto(dzb + j, maybe_flush(p, daz), n);
        f4_store_upto(dzb + 2 * H + j, maybe_flush(p, dah), n);
        f4_store_upto(dhDirect + o, f4_mul(dhv, z), n);
      }
    }
    fill(dq, 0.0f, BH);
    gemm(B, dz + 2 * H, G, 1, uHT, dq, H);
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      const float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 rho = f4_load_upto(gb + H + j, n), hrv = f4_load_upto(hr + o, n), dqv = f4_load_upto(dq + o, n);
        /* q for every row: padded rows meet zero gradients in the dU product, and must not be NaN. */
        f4_store_upto(q + o, f4_mul(rho, hrv), n);
        if (!real) {
          f4_store_upto(dhr + o, F4(0.0f), n);
          continue;
        }
        f4 dar = f4_mul(f4_mul(dqv, hrv), f4_mul(rho, f4_sub(F4(1.0f), rho)));
        f4_store_upto(dz + b * G + H + j, maybe_flush(p, dar), n);
        f4_store_upto(dhr + o, f4_mul(dqv, rho), n);
      }
    }
    if (t == 0) break; /* h_0 = 0: nothing reaches U or an earlier state */
    gemm(H, hr, 1, H, pack_rows(dzPacked, dz, G, B, 2 * H), dU, G);
    gemm(H, q, 1, H, pack_rows(dzPacked, dz + 2 * H, G, B, H), dU + 2 * H, G);
    gemm(B, dz, G, 1, uZRT, dhr, H);
    for (int b = 0; b < B; b++) {
      if (!is_real(p, t, b)) continue;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = f4_add(f4_load_upto(dhDirect + o, n), f4_mul(f4_load_upto(dhr + o, n), mask_lanes(p->rdrop, o, n)));
        f4_store_upto(dh + o, maybe_flush(p, v), n);
      }
    }
  }
}

#endif
