import type { Direction } from '../../trial/frozen-trial.js';
import { crowdingDistance } from '../crowding-distance.js';
import type { Observation } from '../mo-history.js';
import { nonDominatedSort } from '../non-dominated-sort.js';

/** A parent candidate with its standing in its population. */
export interface RankedMember {
  readonly observation: Observation;
  /** Non-dominated rank within the population (constrained domination), 0 = best. */
  readonly rank: number;
  /** Crowding distance within its front; larger is better. */
  readonly crowding: number;
}

/**
 * The parent population for `generation`, rebuilt from the history as NSGA-II's elitist
 * replacement would have evolved it (Deb et al. 2002): the survivors of generation 0 are its
 * finished trials; each later generation's survivors are the best `size` of the previous
 * survivors plus that generation's finished trials, by (rank, crowding distance). Trials belong to
 * generation ⌊number / size⌋, so the structure does not depend on when they finished; trials still
 * running simply are not there yet.
 *
 * O(g · m·(2s)²) for g generations of size s at worst (one sort of at most 2s points each).
 * @returns the population with each member's rank and crowding, or [] when nothing before
 *   `generation` has finished.
 */
export function elitePopulation(observations: readonly Observation[], generation: number, size: number, directions: readonly Direction[]): RankedMember[] {
  const byGeneration: Observation[][] = Array.from({ length: generation }, () => []);
  for (const observation of observations) {
    const g = Math.floor(observation.trial.number / size);
    if (g < generation) (byGeneration[g] as Observation[]).push(observation);
  }
  let survivors: Observation[] = [];
  for (const offspring of byGeneration) survivors = selectBest([...survivors, ...offspring], size, directions).map((member) => member.observation);
  return rankMembers(survivors, directions);
}

/**
 * The best `size` of `pool` by rank then crowding distance (ties: lower trial number), each with
 * its standing. Only the fronts needed are ranked: O(m·n log n + m·n·f) for the f points of the
 * fronts taken, not the O(m·n²) of ranking a large pool whole.
 */
export function selectBest(pool: readonly Observation[], size: number, directions: readonly Direction[]): RankedMember[] {
  const ranked = rankMembers(pool, directions, size);
  if (ranked.length <= size) return ranked;
  return ranked.sort(compareMembers).slice(0, size);
}

/**
 * The parent population of steady-state NSGA-II (Durillo et al. 2009): the best `size` of all
 * finished trials so far by (rank, crowding distance), so a child can descend from a trial of its
 * own generation as soon as that trial finishes. Depends on the set of finished trials only, not on
 * the order they finished in. O(m·n log n + m·n·f) for n trials (see selectBest).
 */
export function steadyStatePopulation(observations: readonly Observation[], size: number, directions: readonly Direction[]): RankedMember[] {
  return selectBest(observations, size, directions);
}

/** Better first: lower rank, then larger crowding, then lower number (deterministic). */
export function compareMembers(a: RankedMember, b: RankedMember): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.crowding !== b.crowding) return a.crowding > b.crowding ? -1 : 1;
  return a.observation.trial.number - b.observation.trial.number;
}

function rankMembers(pool: readonly Observation[], directions: readonly Direction[], limit = Infinity): RankedMember[] {
  if (pool.length === 0) return [];
  const fronts = nonDominatedSort(
    pool.map((o) => o.values),
    directions,
    { violations: pool.map((o) => o.violation), limit },
  );
  const members: RankedMember[] = [];
  fronts.forEach((front, rank) => {
    const distances = crowdingDistance(front.map((i) => (pool[i] as Observation).values));
    front.forEach((i, k) => members.push({ observation: pool[i] as Observation, rank, crowding: distances[k] as number }));
  });
  return members;
}
