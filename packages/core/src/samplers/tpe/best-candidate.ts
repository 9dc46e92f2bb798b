/**
 * TPE's last step for one param, shared by univariate TPE and MOTPE / c-TPE: draw candidates from
 * one model's l(x), score each by the sum over the (l, g) model pairs of log l(x) − log g(x), and
 * keep the best (ties: the first drawn). Plain TPE has one pair; c-TPE adds one per constraint.
 */
import type { RandomSource } from '../../random.js';
import type { ParamValue } from '../../search-space/distributions.js';
import type { NumericDomain } from './numeric-domain.js';
import { numericLogLikelihoods } from './param-estimators.js';
import { pick, sampleParzen, type ParzenEstimator } from './parzen-estimator.js';

/** A numeric param's best of `count` candidates drawn from `drawFrom`, scored at their legal values (grid points, not the raw draws). */
export function bestNumericCandidate(
  domain: NumericDomain,
  drawFrom: ParzenEstimator,
  models: readonly (readonly [below: ParzenEstimator, above: ParzenEstimator])[],
  count: number,
  random: RandomSource,
): number {
  const values = new Float64Array(count);
  const positions = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const value = domain.toValue(sampleParzen(drawFrom, random));
    values[i] = value;
    positions[i] = domain.toInternal(value);
  }
  const scores = new Float64Array(count);
  const logL = new Float64Array(count);
  const logG = new Float64Array(count);
  for (const [below, above] of models) {
    numericLogLikelihoods(below, domain, positions, logL);
    numericLogLikelihoods(above, domain, positions, logG);
    for (let i = 0; i < count; i++) scores[i] = (scores[i] as number) + (logL[i] as number) - (logG[i] as number);
  }
  let best = 0;
  for (let i = 1; i < count; i++) if ((scores[i] as number) > (scores[best] as number)) best = i;
  return values[best] as number;
}

/** A categorical param's best of `count` choices drawn from exp(`drawLogL`), scored over `models` (each a pair of log-probability arrays). */
export function bestCategoricalCandidate(
  choices: readonly ParamValue[],
  drawLogL: Float64Array,
  models: readonly (readonly [logL: Float64Array, logG: Float64Array])[],
  count: number,
  random: RandomSource,
): ParamValue {
  const score = new Float64Array(choices.length);
  for (const [logL, logG] of models) {
    for (let c = 0; c < choices.length; c++) score[c] = (score[c] as number) + (logL[c] as number) - (logG[c] as number);
  }
  const cumulative = new Float64Array(choices.length);
  let running = 0;
  for (let c = 0; c < choices.length; c++) {
    running += Math.exp(drawLogL[c] as number);
    cumulative[c] = running;
  }
  let best = -1;
  for (let i = 0; i < count; i++) {
    const c = pick(cumulative, random());
    if (best < 0 || (score[c] as number) > (score[best] as number)) best = c;
  }
  return choices[best] as ParamValue;
}
