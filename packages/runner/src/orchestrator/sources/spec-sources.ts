/**
 * The trial sources a spec asks for, after retries and any the caller adds: the sampler for an
 * ordinary sweep; for a comparison (`compare:`), its search stage then its confirmation stage; for
 * population-based training, its first members then their exploit successors.
 */
import type { FrozenTrial, SweepSpec } from '@loopsweep/core';
import { ComparisonSearch } from './comparison-search.js';
import { Confirmation } from './confirmation.js';
import { PbtExploits } from './pbt-exploits.js';
import { PbtPopulation } from './pbt-population.js';
import { SamplerTrials } from './sampler-trials.js';
import type { TrialSource } from './trial-source.js';

export function specSources(spec: SweepSpec, trials: readonly FrozenTrial[]): TrialSource[] {
  if (spec.compare) return [new ComparisonSearch(spec), new Confirmation(spec)];
  if (spec.sampler.type === 'pbt') return [new PbtPopulation(spec), new PbtExploits(spec)];
  return [new SamplerTrials(trials)];
}
