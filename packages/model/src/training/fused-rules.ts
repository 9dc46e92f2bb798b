/**
 * The per-element update rules of the fused optimizer step: one loop over a variable's elements
 * [from, to) that reads the gradient once and updates the weight and its slots in place.
 *
 * Each rule repeats tfjs 4.22's op sequence for its optimizer (adam_optimizer.js,
 * momentum_optimizer.js, …) one float32 rounding at a time: every op's result goes through
 * Math.fround, and every scalar operand is the float32 tfjs would make of it. A product, sum,
 * quotient or square root of float32s computed in float64 and then rounded to float32 is the
 * correctly rounded float32 result (float64 has more than 2·24 + 2 bits), which is what the
 * `cpu` and `wasm` kernels compute, so the fused step equals the op-by-op one bit for bit.
 */
const f = Math.fround;

/**
 * Writes elements [from, to) of the new weight `out` from the weight `w` and the gradient `g`,
 * updating the slots in place (`out` may be `w`).
 */
export type UpdateRule = (w: Float32Array, out: Float32Array, g: Float32Array, slots: readonly Float32Array[], from: number, to: number) => void;

/**
 * Weight decay, as {@link TrainingOptimizer.applyGradients} defines it, for one variable. Zero
 * means none (a variable exempt by decaysWeight, or weightDecay 0).
 */
export interface Decay {
  /** λ of the L2 term λ·w added to the gradient (every optimizer but adamw). */
  readonly l2: number;
  /** lr·λ of adamw's decoupled decay w ← w − lr·λ·w, applied before Adam's update. */
  readonly shrink: number;
}

/** tfjs: w ← c·g + w with c = −lr. */
export function sgdRule(lr: number, decay: Decay): UpdateRule {
  const c = f(-lr);
  const l2 = f(decay.l2);
  return (w, out, g, _slots, from, to) => {
    for (let i = from; i < to; i++) {
      const wi = w[i] as number;
      const gi = l2 > 0 ? f((g[i] as number) + f(wi * l2)) : (g[i] as number);
      out[i] = f(f(c * gi) + wi);
    }
  };
}

/** tfjs: a ← m·a + g; w ← c·a + w, or with Nesterov w ← c·(g + a·m) + w; c = −lr. */
export function momentumRule(lr: number, momentum: number, nesterov: boolean, decay: Decay): UpdateRule {
  const c = f(-lr);
  const m = f(momentum);
  const l2 = f(decay.l2);
  return (w, out, g, [a], from, to) => {
    const acc = a as Float32Array;
    for (let i = from; i < to; i++) {
      const wi = w[i] as number;
      const gi = l2 > 0 ? f((g[i] as number) + f(wi * l2)) : (g[i] as number);
      const ai = f(f(m * (acc[i] as number)) + gi);
      acc[i] = ai;
      out[i] = nesterov ? f(f(c * f(gi + f(ai * m))) + wi) : f(f(c * ai) + wi);
    }
  };
}

/** tfjs (not centered): s ← ρ·s + (1−ρ)·g²; a ← μ·a + lr·g / √(s + ε); w ← w − a. */
export function rmspropRule(lr: number, rho: number, momentum: number, epsilon: number, decay: Decay): UpdateRule {
  const rate = f(lr);
  const r = f(rho);
  const oneMinusR = f(1 - rho);
  const mu = f(momentum);
  const eps = f(epsilon);
  const l2 = f(decay.l2);
  return (w, out, g, [meanSquare, moment], from, to) => {
    const s = meanSquare as Float32Array;
    const a = moment as Float32Array;
    for (let i = from; i < to; i++) {
      const wi = w[i] as number;
      const gi = l2 > 0 ? f((g[i] as number) + f(wi * l2)) : (g[i] as number);
      const si = f(f((s[i] as number) * r) + f(f(gi * gi) * oneMinusR));
      const ai = f(f((a[i] as number) * mu) + f(f(gi * rate) / f(Math.sqrt(f(si + eps)))));
      s[i] = si;
      a[i] = ai;
      out[i] = f(wi - ai);
    }
  };
}

/** tfjs: s ← s + g²; w ← (g / √(s + ε))·(−lr) + w, ε the backend's (1e-7 on cpu and wasm). */
export function adagradRule(lr: number, backendEpsilon: number, decay: Decay): UpdateRule {
  const negLr = f(-lr);
  const eps = f(backendEpsilon);
  const l2 = f(decay.l2);
  return (w, out, g, [accumulator], from, to) => {
    const s = accumulator as Float32Array;
    for (let i = from; i < to; i++) {
      const wi = w[i] as number;
      const gi = l2 > 0 ? f((g[i] as number) + f(wi * l2)) : (g[i] as number);
      const si = f((s[i] as number) + f(gi * gi));
      s[i] = si;
      out[i] = f(f(f(gi / f(Math.sqrt(f(si + eps)))) * negLr) + wi);
    }
  };
}

export interface AdamCoefficients {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** β₁ᵗ and β₂ᵗ as tfjs accumulated them (float32), t counting this step. */
  readonly accBeta1: number;
  readonly accBeta2: number;
}

/**
 * tfjs: m ← β₁·m + (1−β₁)·g; v ← β₂·v + (1−β₂)·g²; w ← (m̂ / (√v̂ + ε))·(−lr) + w with
 * m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ). adamw first shrinks w by lr·λ·w (tfjs ops in the
 * op-by-op path too).
 */
export function adamRule(k: AdamCoefficients, decay: Decay): UpdateRule {
  const b1 = f(k.beta1);
  const b2 = f(k.beta2);
  const oneMinusB1 = f(1 - k.beta1);
  const oneMinusB2 = f(1 - k.beta2);
  const correction1 = f(1 - k.accBeta1);
  const correction2 = f(1 - k.accBeta2);
  const eps = f(k.epsilon);
  const negLr = f(-k.lr);
  const l2 = f(decay.l2);
  const shrink = f(decay.shrink);
  return (w, out, g, [first, second], from, to) => {
    const m = first as Float32Array;
    const v = second as Float32Array;
    for (let i = from; i < to; i++) {
      let wi = w[i] as number;
      if (shrink > 0) wi = f(wi - f(wi * shrink));
      const gi = l2 > 0 ? f((g[i] as number) + f(wi * l2)) : (g[i] as number);
      const mi = f(f((m[i] as number) * b1) + f(gi * oneMinusB1));
      const vi = f(f((v[i] as number) * b2) + f(f(gi * gi) * oneMinusB2));
      m[i] = mi;
      v[i] = vi;
      const mHat = f(mi / correction1);
      const vHat = f(vi / correction2);
      out[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + eps)) * negLr) + wi);
    }
  };
}

/** The rule factories of one implementation (JavaScript here; WebAssembly in kernel-rules.ts). */
export interface RuleSet {
  sgd: typeof sgdRule;
  momentum: typeof momentumRule;
  rmsprop: typeof rmspropRule;
  adagrad: typeof adagradRule;
  adam: typeof adamRule;
}

/** The JavaScript rules: `cpu`, and `wasm` when the kernel cannot run. */
export const JS_RULES: RuleSet = { sgd: sgdRule, momentum: momentumRule, rmsprop: rmspropRule, adagrad: adagradRule, adam: adamRule };
