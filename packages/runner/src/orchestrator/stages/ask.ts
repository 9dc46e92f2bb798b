/**
 * The *ask* stage: what runs next. The sweep's trial sources are tried in order (retries first,
 * then each stage's own trials, then the sampler); the first with a trial gives it.
 */
import type { FrozenTrial } from '@loopsweep/core';
import type { SweepRun } from '../sweep-run.js';

export function askNext(run: SweepRun): FrozenTrial | undefined {
  for (const source of run.sources) {
    const trial = source.next(run);
    if (trial) return trial;
  }
  return undefined;
}

/** True once no source will ever give another trial. */
export function sourcesDone(run: SweepRun): boolean {
  return run.sources.every((source) => source.done(run));
}
