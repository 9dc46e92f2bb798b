import type { FrozenTrial } from '../trial/frozen-trial.js';
import { ashaPrune, checkRungs } from './asha.js';
import { integerAtLeast, throwIfAny } from './check-options.js';
import type { Pruner, PruningContext } from './pruner.js';

export interface HyperbandPrunerOptions {
  /** r. Default 1. */
  readonly minEpochs?: number;
  /** R: the full budget in steps; a trial that reached it is never pruned (but for NaN). */
  readonly maxEpochs: number;
  /** η. Default 3. */
  readonly reductionFactor?: number;
}

/**
 * Hyperband (Li et al., JMLR 2018), as Optuna's HyperbandPruner: ⌊log_η(R/r)⌋ + 1 brackets, each
 * an ASHA whose first rung is at r·η^b for bracket b, and whose trials compete only with each
 * other. A trial's bracket is a fixed hash of its number, weighted by each bracket's share of
 * Hyperband's trials, ⌈B·η^s/(s+1)⌉ for s = B−1−b (B brackets): the most aggressive bracket gets
 * the most trials.
 */
export class HyperbandPruner implements Pruner {
  readonly name = 'hyperband';
  readonly minEpochs: number;
  readonly maxEpochs: number;
  readonly reductionFactor: number;
  /** Per bracket, its weight in the assignment of trials (Hyperband's n_i, up to a factor). */
  readonly bracketBudgets: readonly number[];
  readonly #totalBudget: number;

  /** @throws {SpecError} listing each bad option (r ≥ 1, η ≥ 2, R ≥ r, all integers). */
  constructor(options: HyperbandPrunerOptions) {
    const { minEpochs, reductionFactor, maxEpochs } = checkRungs(
      { minEpochs: options.minEpochs ?? 1, reductionFactor: options.reductionFactor ?? 3, minEarlyStoppingRate: 0, maxEpochs: options.maxEpochs },
      'pruner.max_epochs',
    );
    throwIfAny(integerAtLeast('pruner.max_epochs', maxEpochs as number, minEpochs, `min_epochs (${minEpochs})`));
    this.minEpochs = minEpochs;
    this.reductionFactor = reductionFactor;
    this.maxEpochs = maxEpochs as number;
    // Counted in integers, not with Math.log: log(243)/log(3) is 4.999…, which would lose a bracket.
    let count = 1;
    while (minEpochs * reductionFactor ** count <= this.maxEpochs) count++;
    this.bracketBudgets = Array.from({ length: count }, (_, b) => {
      const s = count - 1 - b;
      return Math.ceil((count * reductionFactor ** s) / (s + 1));
    });
    this.#totalBudget = this.bracketBudgets.reduce((a, b) => a + b, 0);
  }

  /** The bracket of trial `number`: also its ASHA's min_early_stopping_rate. */
  bracketOf(number: number): number {
    let n = hash32(number) % this.#totalBudget;
    for (let b = 0; b < this.bracketBudgets.length; b++) {
      n -= this.bracketBudgets[b] as number;
      if (n < 0) return b;
    }
    throw new Error('unreachable: the budgets sum to the modulus');
  }

  prune(context: PruningContext, trial: FrozenTrial): boolean {
    const bracket = this.bracketOf(trial.number);
    const peers = context.trials.filter((t) => this.bracketOf(t.number) === bracket);
    const rungs = { minEpochs: this.minEpochs, reductionFactor: this.reductionFactor, minEarlyStoppingRate: bracket, maxEpochs: this.maxEpochs };
    return ashaPrune(rungs, context.direction, peers, trial);
  }
}

/**
 * murmur3's 32-bit finalizer. Kept here, not shared, because the bracket of every stored trial
 * depends on it: changing it would move trials between brackets on resume.
 */
function hash32(n: number): number {
  let h = n >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
