/**
 * A small horizontal offset for points that share a category, so that a column of identical
 * values reads as many trials. Derived from the trial number (not Math.random) so the picture is
 * the same on every redraw.
 */
export function jitter(seed: number, width = 0.3): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 0) / 2 ** 32 - 0.5) * 2 * width;
}
