/*
 * LSTM (gate order i, f, c, o as tfjs-layers):
 *   z = xProj_t + (h_{t−1}∘r)·U;  i=σ(z_i) f=σ(z_f) g=tanh(z_c) o=σ(z_o)
 *   c_t = f∘c_{t−1} + i∘g;  h_t = o∘tanh(c_t)
 * Tape: the activated gates [T, B, 4H], c_t [T, B, H] and tanh(c_t) [T, B, H].
 */
#ifndef LOOPSWEEP_LSTM_H
#define LOOPSWEEP_LSTM_H

#include "common.h"

static inline int lstm_tape_floats(int T, int B, int H) { return T * B * 6 * H; }

static void lstm_forward(const rnn_problem *p, float *out, float *tape, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H, G = 4 * H;
  float *gates = tape, *cs = tape + T * B * G, *tcs = cs + T * BH;
  float *zeros = carve(&scratch, BH), *hrBuf = carve(&scratch, BH);
  packed_b u = carve_rows(&scratch, p->U, G, H, G);
  fill(zeros, 0.0f, BH);
  for (int t = 0; t < T; t++) {
    const float *hPrev = t ? out + (t - 1) * BH : zeros, *cPrev = t ? cs + (t - 1) * BH : zeros;
    float *g = gates + t * B * G, *h = out + t * BH, *c = cs + t * BH, *tc = tcs + t * BH;
    copy(g, p->xProj + t * B * G, B * G);
    if (t) gemm(B, dropped(hPrev, p->rdrop, hrBuf, BH), H, 1, u, g, G);
    for (int b = 0; b < B; b++) {
      int real = is_real(p, t, b);
      float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 i = f4_sigmoid(f4_load_upto(gb + j, n));
        f4 f = f4_sigmoid(f4_load_upto(gb + H + j, n));
        f4 gg = f4_tanh(f4_load_upto(gb + 2 * H + j, n));
        f4 og = f4_sigmoid(f4_load_upto(gb + 3 * H + j, n));
        f4_store_upto(gb + j, i, n), f4_store_upto(gb + H + j, f, n);
        f4_store_upto(gb + 2 * H + j, gg, n), f4_store_upto(gb + 3 * H + j, og, n);
        f4 cp = f4_load_upto(cPrev + o, n);
        f4 cv = maybe_flush(p, f4_add(f4_mul(f, cp), f4_mul(i, gg)));
        f4 tcv = f4_tanh(cv);
        f4_store_upto(tc + o, tcv, n);
        if (real) {
          f4_store_upto(c + o, cv, n);
          f4_store_upto(h + o, maybe_flush(p, f4_mul(og, tcv)), n);
        } else {
          f4_store_upto(c + o, cp, n);
          f4_store_upto(h + o, f4_load_upto(hPrev + o, n), n);
        }
      }
    }
  }
}

static void lstm_backward(const rnn_problem *p, const float *out, const float *tape, const float *dOut, float *dXProj, float *dU, float *scratch) {
  const int T = p->T, B = p->B, H = p->H, BH = B * H, G = 4 * H;
  const float *gates = tape, *cs = tape + T * B * G, *tcs = cs + T * BH;
  float *zeros = carve(&scratch, BH), *hrBuf = carve(&scratch, BH), *dh = carve(&scratch, BH);
  float *dc = carve(&scratch, BH), *dhPrev = carve(&scratch, BH), *dzPacked = carve(&scratch, packed_floats(B, G));
  packed_b uT = carve_columns(&scratch, p->U, G, G, H);
  fill(zeros, 0.0f, BH);
  fill(dh, 0.0f, BH);
  fill(dc, 0.0f, BH);
  fill(dU, 0.0f, H * G);
  for (int t = T - 1; t >= 0; t--) {
    add_into(dh, dOut + t * BH, BH);
    const float *g = gates + t * B * G, *tc = tcs + t * BH, *cPrev = t ? cs + (t - 1) * BH : zeros;
    float *dz = dXProj + t * B * G;
    for (int b = 0; b < B; b++) {
      float *dzb = dz + b * G;
      if (!is_real(p, t, b)) {
        fill(dzb, 0.0f, G); /* dh and dc pass through unchanged */
        continue;
      }
      const float *gb = g + b * G;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 i = f4_load_upto(gb + j, n), f = f4_load_upto(gb + H + j, n);
        f4 gg = f4_load_upto(gb + 2 * H + j, n), og = f4_load_upto(gb + 3 * H + j, n);
        f4 tcv = f4_load_upto(tc + o, n), dhv = f4_load_upto(dh + o, n);
        f4 one = F4(1.0f);
        f4 dct = f4_add(f4_load_upto(dc + o, n), f4_mul(f4_mul(dhv, og), f4_sub(one, f4_mul(tcv, tcv))));
        f4 dzi = f4_mul(f4_mul(dct, gg), f4_mul(i, f4_sub(one, i)));
        f4 dzf = f4_mul(f4_mul(dct, f4_load_upto(cPrev + o, n)), f4_mul(f, f4_sub(one, f)));
        f4 dzg = f4_mul(f4_mul(dct, i), f4_sub(one, f4_mul(gg, gg)));
        f4 dzo = f4_mul(f4_mul(dhv, tcv), f4_mul(og, f4_sub(one, og)));
        f4_store_upto(dzb + j, maybe_flush(p, dzi), n), f4_store_upto(dzb + H + j, maybe_flush(p, dzf), n);
        f4_store_upto(dzb + 2 * H + j, maybe_flush(p, dzg), n), f4_store_upto(dzb + 3 * H + j, maybe_flush(p, dzo), n);
        f4_store_upto(dc + o, maybe_flush(p, f4_mul(dct, f)), n);
      }
    }
    if (t == 0) break; /* h_0 = 0: nothing reaches U or an earlier state */
    const float *hr = dropped(out + (t - 1) * BH, p->rdrop, hrBuf, BH);
    gemm(H, hr, 1, H, pack_rows(dzPacked, dz, G, B, G), dU, G);
    fill(dhPrev, 0.0f, BH);
    gemm(B, dz, G, 1, uT, dhPrev, H);
    for (int b = 0; b < B; b++) {
      if (!is_real(p, t, b)) continue;
      for (int j = 0; j < H; j += 4) {
        int o = b * H + j, n = H - j;
        f4 v = f4_mul(f4_load_upto(dhPrev + o, n), mask_lanes(p->rdrop, o, n));
        f4_store_upto(dh + o, maybe_flush(p, v), n);
      }
    }
  }
}

#endif
