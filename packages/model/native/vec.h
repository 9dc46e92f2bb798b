/*
 * Four-lane float helpers for the recurrent kernel: the gate nonlinearities, subnormal flushing,
 * and loads/stores of the last 1–3 floats of a row.
 *
 * Why our own exp/tanh: there is no libc here (the module must build from this repository alone),
 * and a four-lane polynomial is several times faster than a scalar libm call per element. The
 * polynomials are Cephes' expf/tanhf (relative error about 1e-7), well inside the 1e-5 forward
 * tolerance of CONTRACT.md.
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

/* e^x for x clamped to [-87, 87]: every result, and 1/(1 + result), stays a normal float. */
static inline f4 f4_exp(f4 x) {
  /* pmin/pmax (one x86 instruction each, unlike min/max) in the order that lets NaN through, so a
   * diverged run still shows NaN in its loss. */
  x = wasm_f32x4_pmin(wasm_f32x4_pmax(x, F4(-87.0f)), F4(87.0f));
  f4 n = wasm_f32x4_nearest(f4_mul(x, F4(1.44269504088896341f)));
  /* x − n·ln2 in two steps (Cody–Waite) so the reduced argument keeps its low bits. */
  f4 r = f4_sub(x, f4_mul(n, F4(0.693359375f)));
  r = f4_sub(r, f4_mul(n, F4(-2.12194440e-4f)));
  f4 p = F4(1.9875691500e-4f);
  p = f4_add(f4_mul(p, r), F4(1.3981999507e-3f));
  p = f4_add(f4_mul(p, r), F4(8.3334519073e-3f));
  p = f4_add(f4_mul(p, r), F4(4.1665795894e-2f));
  p = f4_add(f4_mul(p, r), F4(1.6666665459e-1f));
  p = f4_add(f4_mul(p, r), F4(5.0000001201e-1f));
  p = f4_add(f4_add(f4_mul(p, f4_mul(r, r)), r), F4(1.0f));
  /* 2^n built in the exponent field; n is in [-126, 126] after the clamp. */
  v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4(n), wasm_i32x4_splat(127)), 23);
  return f4_mul(p, scale);
}

static inline f4 f4_sigmoid(f4 x) {
  return wasm_f32x4_div(F4(1.0f), f4_add(F4(1.0f), f4_exp(wasm_f32x4_neg(x))));
}

static inline f4 f4_tanh(f4 x) {
  f4 ax = wasm_f32x4_abs(x);
  /* |x| ≥ 0.625: 1 − 2/(e^{2|x|} + 1); e^{2|x|} saturates at e^87, where tanh is 1 in float. */
  f4 big = f4_sub(F4(1.0f), wasm_f32x4_div(F4(2.0f), f4_add(f4_exp(f4_add(ax, ax)), F4(1.0f))));
  /* |x| < 0.625: the odd polynomial, which keeps relative accuracy near 0 where the form above
   * would cancel. */
  f4 z = f4_mul(ax, ax);
  f4 p = F4(-5.70498872745e-3f);
  p = f4_add(f4_mul(p, z), F4(2.06390887954e-2f));
  p = f4_add(f4_mul(p, z), F4(-5.37397155531e-2f));
  p = f4_add(f4_mul(p, z), F4(1.33314422036e-1f));
  p = f4_add(f4_mul(p, z), F4(-3.33332819422e-1f));
  f4 small = f4_add(f4_mul(f4_mul(p, z), ax), ax);
  f4 magnitude = wasm_v128_bitselect(small, big, wasm_f32x4_lt(ax, F4(0.625f)));
  return wasm_v128_or(magnitude, wasm_v128_and(x, wasm_i32x4_splat((int)0x80000000)));
}

static inline f4 f4_relu(f4 x) { return wasm_f32x4_pmax(x, F4(0.0f)); }

/* 1 where x > 0, else 0: the derivative of relu (0 at 0, as tfjs). */
static inline f4 f4_positive(f4 x) { return wasm_v128_and(F4(1.0f), wasm_f32x4_gt(x, F4(0.0f))); }

#endif
