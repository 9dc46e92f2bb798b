import { createRandom, mixSeed } from '../../random.js';
import { RandomSampler } from '../../samplers/random.js';
import type { Sampler, SamplingContext } from '../../samplers/sampler.js';
import { countBelow } from '../../samplers/tpe/split-trials.js';
import type { Params } from '../../search-space/distributions.js';
import { assignInOrder } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { observations, type MultiObjectiveHistory } from '../mo-history.js';
import { toMinimized } from '../objective-vector.js';
import { constraintSplits } from './constraint-splits.js';
import { hypervolumeWeights } from './hypervolume-good-set.js';
import { resolveMotpeOptions, type MotpeSamplerOptions, type ResolvedMotpeOptions } from './motpe-options.js';
import { sampleParamConstrained, type TrialSplit } from './sample-param-constrained.js';
import { splitByPareto } from './split-by-pareto.js';

/**
 * Multi-objective TPE (Ozaki et al. 2020) with c-TPE's constraint handling (Watanabe and Hutter
 * 2023), univariate, on core TPE's estimators. Until `nStartupTrials` trials are COMPLETE with a
 * vector it proposes exactly what a RandomSampler with the same seed would. Then each ask:
 * - splits the COMPLETE trials with a vector into good and bad by non-dominated rank, the last
 *   front that does not fit cut by greedy hypervolume subset selection (splitByPareto;
 *   good = min(⌈γ·n⌉, 25));
 * - weighs the good trials in l(x) as core TPE does (default weights), or with
 *   `goodWeights: 'hypervolume'` by each one's hypervolume contribution within the good set, the
 *   largest weighing 1 (hypervolumeWeights), as Optuna 3.1 does;
 * - with the constant liar on, counts QUEUED and RUNNING trials as bad, so parallel asks spread;
 * - with constraints (the history has violationsOf), adds one feasible/infeasible split per
 *   constraint and scores each candidate by the product of all l/g ratios
 *   (sampleParamConstrained); without, that is core TPE's rule (sampleParam) with the weights above.
 * Each param is modelled from the trials where it was active; the bad trials always take core
 * TPE's default weights.
 * PRUNED and FAILED trials are ignored. Stateless; the same seed and history give the same proposal.
 *
 * Cost per ask: O(m·n·f) to find the good fronts of n trials, the greedy cut of the last one,
 * plus the usual TPE estimators.
 */
export class MotpeSampler implements Sampler {
  readonly name = 'motpe';
  readonly options: ResolvedMotpeOptions;
  readonly #history: MultiObjectiveHistory;
  readonly #startup: RandomSampler;

  /** @throws {SpecError} listing each bad option by its spec path. */
  constructor(history: MultiObjectiveHistory, options: MotpeSamplerOptions) {
    this.options = resolveMotpeOptions(options);
    this.#history = history;
    this.#startup = new RandomSampler({ seed: this.options.seed });
  }

  sample(context: SamplingContext): Params {
    const { seed, nStartupTrials, nEiCandidates, gamma, priorWeight, constantLiar, goodWeights } = this.options;
    const observed = observations(context.trials, this.#history);
    if (observed.length < nStartupTrials || observed.length === 0) return this.#startup.sample(context);

    const split = splitByPareto(observed, countBelow(observed.length, gamma), this.#history.directions);
    const pending = constantLiar ? context.trials.filter((trial) => trial.state === 'QUEUED' || trial.state === 'RUNNING') : [];
    const directions = this.#history.directions;
    const objective: TrialSplit = {
      below: split.below.map((o) => o.trial),
      above: byNumber([...split.above.map((o) => o.trial), ...pending]),
      belowWeights: goodWeights === 'hypervolume' ? hypervolumeWeights(split.below.map((o) => toMinimized(o.values, directions))) : undefined,
    };
    const constraints: TrialSplit[] = constraintSplits(observed).map((s) => ({ below: s.below.map((o) => o.trial), above: s.above.map((o) => o.trial) }));

    const random = createRandom(mixSeed(seed, context.number));
    return assignInOrder(context.space, (definition) =>
      sampleParamConstrained(definition.distribution, { name: definition.name, nEiCandidates, priorWeight, random, objective, constraints }),
    );
  }
}

function byNumber(trials: FrozenTrial[]): FrozenTrial[] {
  return trials.sort((a, b) => a.number - b.number);
}
