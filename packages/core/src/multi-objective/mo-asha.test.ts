import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import type { Direction } from '../trial/frozen-trial.js';
import { hypervolume } from './hypervolume.js';
import { moAshaPromotions, type RungEntry } from './mo-asha.js';
import { nonDominatedSort } from './non-dominated-sort.js';

const directions: Direction[] = ['maximize', 'minimize'];

/**
 * Synthetic learning curves for a (val_accuracy ↑, train_seconds ↓) sweep: accuracy rises towards
 * its final value as 1 − slow/epoch, seconds grow linearly with the epoch. Each trial has its own
 * final accuracy, speed per epoch and slowness.
 */
function makeCurves(count: number, seed: number) {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, number) => {
    const final = 0.6 + 0.35 * random();
    const secondsPerEpoch = 1 + 9 * random();
    const slow = 0.1 * random();
    return { number, at: (epoch: number): [number, number] => [final - slow / epoch, secondsPerEpoch * epoch] };
  });
}

describe('moAshaPromotions', () => {
  it('promotes ⌊n/η⌋ trials, whole fronts first, both directions respected', () => {
    const entries: RungEntry[] = [
      { number: 0, values: [0.9, 10] },
      { number: 1, values: [0.8, 5] },
      { number: 2, values: [0.7, 20] },
      { number: 3, values: [0.85, 12] },
      { number: 4, values: [0.6, 30] },
      { number: 5, values: [0.5, 40] },
    ];
    // Front 0: 0 and 1; 3 is beaten by 0 only; 2, 4 and 5 are dominated further down.
    expect(moAshaPromotions(entries, directions, 3)).toEqual([0, 1]);
    expect(moAshaPromotions(entries, directions, 2)).toEqual([0, 1, 3]);
    // Minimizing accuracy and maximizing seconds turns the order around: 5 beats everything, then 4.
    expect(moAshaPromotions(entries, ['minimize', 'maximize'], 3)).toEqual([5, 4]);
  });

  it('always promotes at least one, and nothing from an empty rung', () => {
    expect(moAshaPromotions([{ number: 7, values: [1, 1] }], directions, 3)).toEqual([7]);
    expect(moAshaPromotions([], directions, 3)).toEqual([]);
  });

  it('cuts an oversized front by crowding (keeping its ends) or by hypervolume contribution', () => {
    // Five points on one front, bunched near (0.8, 10).
    const entries: RungEntry[] = [
      { number: 0, values: [0.5, 1] },
      { number: 1, values: [0.79, 9.9] },
      { number: 2, values: [0.8, 10] },
      { number: 3, values: [0.81, 10.1] },
      { number: 4, values: [0.95, 30] },
    ];
    const crowding = moAshaPromotions(entries, directions, 2, { tieBreak: 'crowding' });
    expect(crowding).toHaveLength(2);
    expect(crowding.sort()).toEqual([0, 4]);
    const reference = [0.4, 40];
    const byVolume = moAshaPromotions(entries, directions, 2, { reference });
    // Greedy removal drops 2, then 1 (slivers), then 0, whose box (0.1 × 9.1) is smaller than 3's
    // once 1 and 2 are gone; {3, 4} is also the best pair of all ten.
    expect(byVolume.sort()).toEqual([3, 4]);
    const volumeOf = (numbers: number[]) =>
      hypervolume(
        numbers.map((n) => entries[n]!.values),
        reference,
        directions,
      );
    for (let a = 0; a < 5; a++) for (let b = a + 1; b < 5; b++) expect(volumeOf(byVolume)).toBeGreaterThanOrEqual(volumeOf([a, b]));
  });

  it('puts feasible trials first under constraints', () => {
    const entries: RungEntry[] = [
      { number: 0, values: [0.99, 1], violation: 3 },
      { number: 1, values: [0.6, 50] },
      { number: 2, values: [0.98, 2], violation: 1 },
    ];
    expect(moAshaPromotions(entries, directions, 1.5)).toEqual([1, 2]);
  });

  it('keeps the true front members of synthetic learning curves that share one shape', () => {
    for (const seed of [1, 2, 3]) {
      // Every curve approaches its final accuracy the same way (0.05/epoch behind), so a rung's
      // order is the final order and the rule must keep every final front member it has room for.
      const curves = makeCurves(27, seed).map((curve) => {
        const [final, seconds] = curve.at(1);
        return { number: curve.number, at: (epoch: number): [number, number] => [final - 0.05 / epoch, seconds * epoch] };
      });
      const trueFront = nonDominatedSort(
        curves.map((curve) => curve.at(27)),
        directions,
      )[0]!.map((i) => curves[i]!.number);
      expect(trueFront.length, `seed ${seed}: the front must fit in a rung's 9 promotions`).toBeLessThanOrEqual(9);
      const promoted = moAshaPromotions(
        curves.map((curve) => ({ number: curve.number, values: curve.at(1) })),
        directions,
        3,
      );
      expect(promoted).toHaveLength(9);
      for (const number of trueFront) expect(promoted, `trial ${number} (seed ${seed})`).toContain(number);
    }
  });

  // 40 of the 42 front members over these 12 seeds when written.
  it('keeps most true front members of crossing curves at the first rung', () => {
    let kept = 0;
    let total = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const curves = makeCurves(27, seed);
      const trueFront = nonDominatedSort(
        curves.map((curve) => curve.at(27)),
        directions,
      )[0]!.map((i) => curves[i]!.number);
      const promoted = new Set(
        moAshaPromotions(
          curves.map((curve) => ({ number: curve.number, values: curve.at(1) })),
          directions,
          3,
        ),
      );
      total += trueFront.length;
      kept += trueFront.filter((number) => promoted.has(number)).length;
    }
    expect(kept / total).toBeGreaterThanOrEqual(0.8);
  });

  it('uses at most half the epochs of no pruning and keeps 90% of the hypervolume (successive halving over 81 curves, 12 seeds)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const curves = makeCurves(81, seed);
      const maxEpoch = 27;
      const reference = [0.55, 300];
      const full = hypervolume(
        curves.map((curve) => curve.at(maxEpoch)),
        reference,
        directions,
      );
      let epochs = 0;
      let alive = curves;
      let reached = 0;
      for (const epoch of [1, 3, 9, 27]) {
        epochs += alive.length * (epoch - reached);
        reached = epoch;
        if (epoch === maxEpoch) break;
        const promoted = new Set(
          moAshaPromotions(
            alive.map((curve) => ({ number: curve.number, values: curve.at(epoch) })),
            directions,
            3,
          ),
        );
        alive = alive.filter((curve) => promoted.has(curve.number));
      }
      // Pruned trials stop where they were; their vectors at that point are worse than at the end, so only finished ones count.
      const kept = hypervolume(
        alive.map((curve) => curve.at(maxEpoch)),
        reference,
        directions,
      );
      expect(epochs).toBeLessThanOrEqual((81 * maxEpoch) / 2);
      expect(kept / full, `seed ${seed}`).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('throws on a reduction factor of 1 or less', () => {
    expect(() => moAshaPromotions([], directions, 1)).toThrow(/must be > 1/);
  });
});
