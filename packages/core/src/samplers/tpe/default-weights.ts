/** Below this many observations every one weighs the same; past it the oldest fade out. */
const FLAT = 25;

/**
 * The weights of n observations, oldest first (Optuna's default_weights): all 1 below 25; else
 * the newest 25 weigh 1 and the older n − 25 ramp linearly from 1/n (the oldest) up to 1, so a
 * long sweep follows where it is now more than where it began.
 */
export function defaultWeights(n: number): Float64Array {
  const weights = new Float64Array(n).fill(1);
  const ramp = n - FLAT;
  if (ramp <= 0) return weights;
  if (ramp === 1) {
    weights[0] = 1 / n;
    return weights;
  }
  const first = 1 / n;
  for (let i = 0; i < ramp; i++) weights[i] = first + ((1 - first) * i) / (ramp - 1);
  return weights;
}
