/**
 * Test support (not exported from the package): seeded synthetic confirmation experiments for the
 * verdict's error-rate tests — normal noise of sd 0.015 around 0.9, the done-when figures.
 */
import { createRandom, mixSeed, normal } from '../../random.js';
import { confirmationVerdict } from '../confirmation-verdict.js';

export const SEEDS = 200;
const SD = 0.015;

/** Share of simulated experiments that name any winner, and that name g0. */
export function winnerRates(offsets: readonly number[], replicates: number, seeds = SEEDS): { any: number; g0: number } {
  let any = 0;
  let g0 = 0;
  for (let s = 0; s < seeds; s++) {
    const random = createRandom(mixSeed(2019, offsets.length, replicates, s));
    const groups = offsets.map((offset, g) => ({ label: `g${g}`, values: Array.from({ length: replicates }, () => 0.9 + offset + SD * normal(random)) }));
    // 1000 resamples: the decision rests on the permutation test, exact at 5 vs 5.
    const verdict = confirmationVerdict(groups, { direction: 'maximize', seed: s, resamples: 1000 });
    if (verdict.decision === 'winner') any++;
    if (verdict.winner === 'g0') g0++;
  }
  return { any: any / seeds, g0: g0 / seeds };
}
