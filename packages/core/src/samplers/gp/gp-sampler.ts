import { createRandom, mixSeed } from '../../random.js';
import type { ParamValue, Params } from '../../search-space/distributions.js';
import { assignInOrder } from '../../search-space/search-space.js';
import { RandomSampler, sampleUniform } from '../random.js';
import type { Sampler, SamplingContext } from '../sampler.js';
import { maximizeAcquisition } from './acquisition-optimizer.js';
import { fitKernelParams } from './fit-kernel-params.js';
import { selectFitSubset } from './fit-subset.js';
import { decodeValue } from './gp-dimension.js';
import { resolveGpOptions, type GpSamplerOptions, type ResolvedGpOptions } from './gp-options.js';
import { buildPosterior } from './gp-posterior.js';
import type { Inputs } from './kernel-params.js';
import { buildTrainingData, isObservation } from './training-data.js';

/** At most this many observations are used to fit the hyperparameters (see selectFitSubset). */
const FIT_SUBSET_LIMIT = 64;
/** Pool points refined by local search. */
const LOCAL_SEARCHES = 3;

/** The rows `indices` of `inputs` and `y`. */
function subset(inputs: Inputs, y: Float64Array, indices: readonly number[]): { inputs: Inputs; y: Float64Array } {
  const { dims } = inputs;
  const x = new Float64Array(indices.length * dims);
  indices.forEach((i, r) => x.set(inputs.x.subarray(i * dims, (i + 1) * dims), r * dims));
  return { inputs: { ...inputs, x, n: indices.length }, y: Float64Array.from(indices, (i) => y[i] as number) };
}

/**
 * Gaussian-process Bayesian optimization, after Optuna 4's GPSampler: a Matérn 5/2 GP with one
 * length scale per parameter, a kernel scale and a fitted noise (hyperparameters by maximum
 * marginal likelihood under weak priors), and log expected improvement maximized over a seeded
 * candidate pool refined by local search. Best for small budgets (tens to a few hundred trials) of
 * mostly continuous params; its cost grows with the history (about n² per scored candidate).
 *
 * - Until `nStartupTrials` trials are COMPLETE it proposes exactly what a RandomSampler with the
 *   same seed would.
 * - Learns only from COMPLETE trials with finite values; PRUNED and FAILED ones are ignored.
 * - Values are warped before the fit (warpValues): a long tail of bad values compressed, and the
 *   prior mean at the 10th percentile, so unexplored corners are not taken for promising ones.
 * - Pending (QUEUED/RUNNING) trials enter the GP at the worst observed value (constant liar).
 * - Every param with more than one value is a GP dimension, conditional ones included: where a
 *   param is inactive its coordinate is imputed by a constant (inactiveCoordinate). Candidates are
 *   built by walking the space in order (settle), so a proposal has exactly the active params.
 * - Stateless: the proposal is a function of the options and the context; randomness comes from
 *   createRandom(mixSeed(seed, number)).
 */
export class GpSampler implements Sampler {
  readonly name = 'gp';
  readonly options: ResolvedGpOptions;
  readonly #startup: RandomSampler;

  /** @throws {SpecError} listing each bad option by its spec path. */
  constructor(options: GpSamplerOptions) {
    this.options = resolveGpOptions(options);
    this.#startup = new RandomSampler({ seed: this.options.seed });
  }

  sample(context: SamplingContext): Params {
    let observations = 0;
    for (const trial of context.trials) if (isObservation(trial)) observations++;
    if (observations < this.options.nStartupTrials) return this.#startup.sample(context);
    const data = buildTrainingData(context.space, context.trials, context.direction);
    if (data === undefined) return this.#startup.sample(context);

    const fitData = subset(data.inputs, data.y, selectFitSubset(data.y.subarray(0, data.observed), FIT_SUBSET_LIMIT));
    const params = fitKernelParams(fitData.inputs, fitData.y);
    const posterior = buildPosterior(data.inputs, data.y, params);
    if (posterior === undefined) return this.#startup.sample(context);

    const random = createRandom(mixSeed(this.options.seed, context.number));
    const point = maximizeAcquisition(posterior, data, random, { candidates: this.options.nCandidates, localSearches: LOCAL_SEARCHES });
    const proposed = new Map<string, ParamValue>(data.dimensions.map((dimension, d) => [dimension.name, decodeValue(dimension, point[d] as number)]));
    // The point is settled: the active params are exactly those the walk below asks for. Params
    // outside the model (a fixed value, one choice) have one value.
    return assignInOrder(context.space, (definition) => proposed.get(definition.name) ?? sampleUniform(definition.distribution, random));
  }
}
