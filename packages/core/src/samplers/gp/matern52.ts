/**
 * The Matérn 5/2 correlation as a function of the squared scaled distance d² (Σ_d λ_d·Δ_d², with
 * λ_d the inverse squared length scale): (1 + r + r²/3)·e^(−r) with r = √(5·d²). Written in d²
 * rather than r so that its derivative has no 1/r at zero distance, and twice differentiable, which
 * keeps the acquisition smooth enough for gradient steps (an RBF kernel is too smooth for
 * hyperparameter response surfaces, Matérn 1/2 too rough).
 */

/** The correlation at squared scaled distance `d2` ≥ 0: 1 at 0, falling monotonically to 0. */
export function matern52(d2: number): number {
  const r = Math.sqrt(5 * d2);
  return (1 + r + (r * r) / 3) * Math.exp(-r);
}

/** d matern52 / d(d²) = −(5/6)·(1 + r)·e^(−r): finite (−5/6) at zero distance. */
export function matern52Slope(d2: number): number {
  const r = Math.sqrt(5 * d2);
  return (-5 / 6) * (1 + r) * Math.exp(-r);
}
