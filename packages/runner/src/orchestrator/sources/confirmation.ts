/**
 * The confirmation stage of a comparison: once every value's search has finished, each value's
 * best configuration runs again with `compare.confirm.seeds` fresh seeds. These replicates, stored
 * with stage 'confirm' and `origin` = the trial they confirm, are what the verdict is computed on:
 * the search's best value is the maximum of noisy draws and overstates its configuration.
 */
import { SEARCH_STAGE, isBetter, mixSeed, type FrozenTrial, type SweepSpec } from '@loopsweep/core';
import { comparedValues } from './comparison-search.js';
import { RerunTrial } from './rerun-trial.js';
import type { SourceContext, TrialSource } from './trial-source.js';

export const CONFIRM_STAGE = 'confirm';
// Mixed into confirmation seeds so they never equal a search trial's mixSeed(sweep seed, number).
const CONFIRM_SEED_SALT = 0xc0f1;

export class Confirmation implements TrialSource {
  readonly name = 'confirmation';
  readonly #spec: SweepSpec;
  #reruns: RerunTrial[] | undefined;
  #turn = 0;

  constructor(spec: SweepSpec) {
    if (!spec.compare) throw new RangeError('Confirmation needs a spec with a compare block');
    this.#spec = spec;
  }

  next(context: SourceContext): FrozenTrial | undefined {
    const reruns = this.#plan(context);
    // The values take turns, so every value's replicates progress together.
    for (let k = 0; k < reruns.length; k++) {
      const index = (this.#turn + k) % reruns.length;
      const trial = reruns[index]?.next(context);
      if (trial) {
        this.#turn = (index + 1) % reruns.length;
        return trial;
      }
    }
    return undefined;
  }

  done(context: SourceContext): boolean {
    if (!searchFinished(context.study.trials, this.#spec)) return false;
    return this.#plan(context).every((rerun) => rerun.done(context));
  }

  /** Once the search has finished: one re-run source per value that has a COMPLETE search trial. */
  #plan(context: SourceContext): readonly RerunTrial[] {
    if (this.#reruns) return this.#reruns;
    const { study } = context;
    if (!searchFinished(study.trials, this.#spec)) return [];
    const compare = this.#spec.compare!;
    this.#reruns = comparedValues(this.#spec).flatMap((value, index) => {
      const best = bestSearchTrial(study.trials, compare.by, value, study.direction);
      if (!best) return [];
      const seeds = Array.from({ length: compare.confirm.seeds }, (_, j) => mixSeed(this.#spec.sampler.seed, CONFIRM_SEED_SALT, index, j));
      return [new RerunTrial(best.number, seeds, CONFIRM_STAGE)];
    });
    return this.#reruns;
  }
}

/** Every value has its trials_per_value search trials, and none is still waiting or running. */
function searchFinished(trials: readonly FrozenTrial[], spec: SweepSpec): boolean {
  const compare = spec.compare!;
  const search = trials.filter((t) => (t.stage ?? SEARCH_STAGE) === SEARCH_STAGE);
  if (search.some((t) => t.state === 'QUEUED' || t.state === 'RUNNING')) return false;
  return comparedValues(spec).every((value) => search.filter((t) => t.params[compare.by] === value).length >= compare.trials_per_value);
}

/** The value's best COMPLETE search trial (ties: the earlier), or undefined. */
function bestSearchTrial(trials: readonly FrozenTrial[], by: string, value: unknown, direction: 'minimize' | 'maximize'): FrozenTrial | undefined {
  let best: FrozenTrial | undefined;
  for (const trial of trials) {
    if ((trial.stage ?? SEARCH_STAGE) !== SEARCH_STAGE || trial.params[by] !== value || trial.state !== 'COMPLETE' || trial.value === undefined) continue;
    if (!best || isBetter(trial.value, best.value as number, direction)) best = trial;
  }
  return best;
}
