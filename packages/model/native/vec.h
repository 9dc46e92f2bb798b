/*
 * Four-lane float helpers for the recurrent kernel: the gate nonlinearities, subnormal flushing,
 * and loads/stores of the last 1–3 floats of a row.
 *
 * Why our own tanh and sigmoid: there is no libc here (the module must build from this repository
 * alone), and a four-lane rational function is several times faster than a scalar libm call per
 * element (absolute error about 2.6e-7, well inside the 1e-5 forward tolerance of CONTRACT.md).
 */
#ifndef LOOPSWEEP_VEC_H
#define LOOPSWEEP_VEC_H

#include <wasm_simd128.h>

typedef v128_t f4;

#define F4(x) wasm_f32x4_splat(x)

static inline f4 f4_add(f4 a, f4 b) { return wasm_f32x4_add(a, b); }
static inline f4 f4_sub(f4 a, f4 b) { return wasm_f32x4_sub(a, b); }
static inline f4 f4_mul(f4 a, f4 b) { return wasm_f32x4_mul(a, b); }
static inline f4 f4_load(const float *p) { return wasm_v128_load(p); }
static inline void f4_store(float *p, f4 v) { wasm_v128_store(p, v); }

/* The first n (1..3) floats of p, zeros after: the tail of a row whose length is not a multiple
 * of 4. Reading past the row could touch the next array or the end of memory. */
static inline f4 f4_load_n(const float *p, int n) {
  f4 v = F4(0.0f);
  v = wasm_f32x4_replace_lane(v, 0, p[0]);
  if (n > 1) v = wasm_f32x4_replace_lane(v, 1, p[1]);
  if (n > 2) v = wasm_f32x4_replace_lane(v, 2, p[2]);
  return v;
}

static inline void f4_store_n(float *p, f4 v, int n) {
  p[0] = wasm_f32x4_extract_lane(v, 0);
  if (n > 1) p[1] = wasm_f32x4_extract_lane(v, 1);
  if (n > 2) p[2] = wasm_f32x4_extract_lane(v, 2);
}

/* Loads min(4, n) floats: the whole-vector path when it can, else the tail path. */
static inline f4 f4_load_upto(const float *p, int n) { return n >= 4 ? f4_load(p) : f4_load_n(p, n); }
static inline void f4_store_upto(float *p, f4 v, int n) {
  if (n >= 4) f4_store(p, v);
  else f4_store_n(p, v, n);
}

/*
 * Values below 2^-100 to zero, so that neither they nor their products become subnormal
 * (|x| < 2^-126). WebAssembly has no flush-to-zero mode, and an x86 multiply or add that produces
 * a subnormal is several times slower; gradients through long sequences decay into that range
 * (issue 5). Why 2^-100 and not 2^-126: a value kept just above 2^-126 turns subnormal as soon as
 * it is multiplied by a gate derivative or a weight, so flushing at 2^-126 exactly made the
 * backward pass slower than not flushing at all (measured: LSTM T=200, 27 vs 11 ms of CPU on
 * gradients of 1e-37; 10.7 ms at 2^-100). 26 binary orders of headroom keep products of a flushed
 * quantity and a weight or derivative normal. Results move by less than 2^-100 ≈ 8e-31 per value.
 * The test is on the magnitude bits, in integer lanes, so the flush itself never computes with a
 * subnormal.
 */
#define FLUSH_BELOW_BITS 0x0d800000 /* 2^-100 as float bits: biased exponent 27 */

static inline f4 f4_flush(f4 x) {
  v128_t magnitude = wasm_v128_and(x, wasm_i32x4_splat(0x7fffffff));
  return wasm_v128_andnot(x, wasm_u32x4_lt(magnitude, wasm_i32x4_splat(FLUSH_BELOW_BITS)));
}

/*
 * tanh as a rational function: an odd degree-13 numerator over an even degree-6 denominator, x
 * clamped to ±7.9053 (where tanh is 1 − 2.6e-7); Eigen's generic_fast_tanh_float coefficients.
 * Why not 1 − 2/(e^{2x} + 1): the gates' nonlinearities cost as much as the step's matrix product at
 * H = 64 (LSTM forward: 4.2 ms against 2.0 ms of product at T = 100), and this needs no exp, no
 * second branch for small |x| and no select: about half the instructions, one division either way.
 * Largest error against float64 tanh: 2.6e-7 absolute, well inside CONTRACT.md's 1e-5. pmin/pmax in
 * the order that lets NaN through, so a diverged run still shows NaN in its loss.
 */
static inline f4 f4_tanh(f4 x) {
  x = wasm_f32x4_pmax(wasm_f32x4_pmin(x, F4(7.90531110763549805f)), F4(-7.90531110763549805f));
  f4 x2 = f4_mul(x, x);
  f4 p = F4(-2.76076847742355e-16f);
  p = f4_add(f4_mul(p, x2), F4(2.00018790482477e-13f));
  p = f4_add(f4_mul(p, x2), F4(-8.60467152213735e-11f));
  p = f4_add(f4_mul(p, x2), F4(5.12229709037114e-08f));
  p = f4_add(f4_mul(p, x2), F4(1.48572235717979e-05f));
  p = f4_add(f4_mul(p, x2), F4(6.37261928875436e-04f));
  p = f4_add(f4_mul(p, x2), F4(4.89352455891786e-03f));
  f4 q = F4(1.19825839466702e-06f);
  q = f4_add(f4_mul(q, x2), F4(1.18534705686654e-04f));
  q = f4_add(f4_mul(q, x2), F4(2.26843463243900e-03f));
  q = f4_add(f4_mul(q, x2), F4(4.89352518554385e-03f));
  return wasm_f32x4_div(f4_mul(x, p), q);
}

/* σ(x) = (1 + tanh(x/2))/2: the same rational, so no exp; absolute error ≤ 1.3e-7. */
static inline f4 f4_sigmoid(f4 x) { return f4_add(F4(0.5f), f4_mul(F4(0.5f), f4_tanh(f4_mul(F4(0.5f), x)))); }

static inline f4 f4_relu(f4 x) { return wasm_f32x4_pmax(x, F4(0.0f)); }

/* 1 where x > 0, else 0: the derivative of relu (0 at 0, as tfjs). */
static inline f4 f4_positive(f4 x) { return wasm_v128_and(F4(1.0f), wasm_f32x4_gt(x, F4(0.0f))); }

#endif
