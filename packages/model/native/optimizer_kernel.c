// The fused optimizer step for tfjs's `wasm` backend: one pass over a variable's elements that
// reads the weight, the gradient and the slots once and writes the new weight and slots, where
// tfjs runs ~10 XNNPACK ops (and as many temporary buffers) per variable.
//
// The module imports tfjs-wasm's own memory (linked with --import-memory), so every pointer here is
// a byte offset into that heap: no copying in or out. It must therefore never write anywhere else:
// no static data and no shadow stack (leaf functions over scalars; scripts/build-optimizer-kernel.mjs
// checks the built module has no data segment and never moves the stack pointer).
//
// Each function repeats tfjs 4.22's op sequence for its optimizer in float32, one rounding per
// op, in the same order (fused-rules.ts, the JavaScript twin used on `cpu`, says which); wasm has
// no fused multiply-add to contract into, so the results are tfjs's bit for bit. `l2` > 0 adds
// the L2 term l2·w to the gradient first; adam's `shrink` > 0 applies adamw's decoupled decay
// w ← w − shrink·w first. Elements [from, to) are updated.

#define EXPORT(name) __attribute__((export_name(#name)))
typedef float f32;

// Weight decay variants as separate loops, so each loop is branch-free and vectorizes.
#define DECAY_VARIANTS(BODY)                                  \
  if (l2 > 0) {                                               \
    for (int i = from; i < to; i++) {                         \
      f32 wi = w[i];                                          \
      f32 gi = g[i] + wi * l2;                                \
      BODY                                                    \
    }                                                         \
  } else {                                                    \
    for (int i = from; i < to; i++) {                         \
      f32 wi = w[i];                                          \
      f32 gi = g[i];                                          \
      BODY                                                    \
    }                                                         \
  }

// tfjs: w ← c·g + w, c = −lr.
EXPORT(sgd)
void sgd(const f32 *restrict w, f32 *restrict out, const f32 *restrict g, int from, int to, f32 c, f32 l2) {
  DECAY_VARIANTS(out[i] = c * gi + wi;)
}

// tfjs: a ← m·a + g; w ← c·a + w (Nesterov: w ← c·(g + a·m) + w); c = −lr.
EXPORT(momentum)
void momentum(const f32 *restrict w, f32 *restrict out, const f32 *restrict g, f32 *restrict a, int from, int to, f32 c, f32 m, int nesterov, f32 l2) {
  if (nesterov) {
    DECAY_VARIANTS(f32 ai = m * a[i] + gi; a[i] = ai; out[i] = c * (gi + ai * m) + wi;)
  } else {
    DECAY_VARIANTS(f32 ai = m * a[i] + gi; a[i] = ai; out[i] = c * ai + wi;)
  }
}

// tfjs (not centered): s ← s·ρ + g²·(1−ρ); a ← a·μ + g·lr / √(s + ε); w ← w − a.
EXPORT(rmsprop)
void rmsprop(const f32 *restrict w, f32 *restrict out, const f32 *restrict g, f32 *restrict s, f32 *restrict a, int from, int to, f32 lr, f32 rho,
             f32 oneMinusRho, f32 mu, f32 eps, f32 l2) {
  DECAY_VARIANTS(f32 si = s[i] * rho + (gi * gi) * oneMinusRho; f32 ai = a[i] * mu + (gi * lr) / __builtin_sqrtf(si + eps); s[i] = si; a[i] = ai;
                 out[i] = wi - ai;)
}

// tfjs: s ← s + g²; w ← (g / √(s + ε))·(−lr) + w.
EXPORT(adagrad)
void adagrad(const f32 *restrict w, f32 *restrict out, const f32 *restrict g, f32 *restrict s, int from, int to, f32 negLr, f32 eps, f32 l2) {
  DECAY_VARIANTS(f32 si = s[i] + gi * gi; s[i] = si; out[i] = (gi / __builtin_sqrtf(si + eps)) * negLr + wi;)
}

#define ADAM_BODY                                   \
  f32 mi = m[i] * b1 + gi * oneMinusB1;             \
  f32 vi = v[i] * b2 + (gi * gi) * oneMinusB2;      \
  m[i] = mi;                                        \
  v[i] = vi;                                        \
  f32 mHat = mi / correction1;                      \
  f32 vHat = vi / correction2;                      \
  out[i] = (mHat / (__builtin_sqrtf(vHat) + eps)) * negLr + wi;

// tfjs: m ← m·β₁ + g·(1−β₁); v ← v·β₂ + g²·(1−β₂); w ← (m̂ / (√v̂ + ε))·(−lr) + w,
// m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
EXPORT(adam)
void adam(const f32 *restrict w, f32 *restrict out, const f32 *restrict g, f32 *restrict m, f32 *restrict v, int from, int to, f32 b1, f32 b2,
          f32 oneMinusB1, f32 oneMinusB2, f32 correction1, f32 correction2, f32 eps, f32 negLr, f32 l2, f32 shrink) {
  if (shrink > 0) {
    for (int i = from; i < to; i++) {
      f32 w0 = w[i];
      f32 wi = w0 - w0 * shrink;
      f32 gi = g[i];
      ADAM_BODY
    }
  } else {
    DECAY_VARIANTS(ADAM_BODY)
  }
}
