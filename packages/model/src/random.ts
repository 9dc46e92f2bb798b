/**
 * Seeded randomness. Every random choice in this package (splits, shuffles, initial weights,
 * dropout masks) derives from one integer seed, so the same seed on the same backend gives the
 * same numbers bit for bit.
 */

/** A generator of floats in [0, 1). */
export type RandomSource = () => number;

/** A seeded generator whose position can be saved: `createRandom(r.state())` continues exactly where `r` is. */
export interface SeededRandom extends RandomSource {
  /** The generator's whole state, a 32-bit unsigned integer. */
  state(): number;
}

/** mulberry32: small, fast and good enough for shuffles and masks; state is one 32-bit integer. */
export function createRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.assign(next, { state: () => state });
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: RandomSource): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** A standard normal draw (Box–Muller). */
export function normal(random: RandomSource): number {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Runs `fn` synchronously with `Math.random` replaced by `random`.
 *
 * Why: TensorFlow.js seeds every unseeded random op (dropout masks, initializers) from
 * `Math.random()`, and tfjs-layers offers no per-call seed that varies between batches. Swapping
 * the source only for the length of one synchronous call keeps other code on this thread unaffected
 * (no other JavaScript can run in between), while making every mask reproducible from the seed.
 */
export function withRandomSource<T>(random: RandomSource, fn: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}
