import type { Direction, FrozenTrial, NewSweep, Params, TrialState } from '@loopsweep/core';

/** A sweep as the runner would create it (the spec is any JSON-ready document). */
export function newSweep(name: string, direction: Direction = 'maximize', metric = 'val_accuracy'): NewSweep {
  return {
    name,
    spec: {
      name,
      objective: 'rnn-text',
      metric: { name: metric, goal: direction },
      parameters: {
        optimizer: { values: ['sgd', 'momentum', 'adam'] },
        momentum: { uniform: [0.5, 0.99], when: { optimizer: 'momentum' } },
        units: { int: [8, 64] },
      },
      nested: { list: [1, 'two', true, null], unicode: 'é ✓' },
    },
    specHash: `hash-of-${name}`,
    metric,
    direction,
    objective: 'rnn-text',
    seed: 7,
  };
}

/** A trial record for createTrial; `extra` fields left out are absent from the record, as in one the Study makes. */
export function frozenTrial(
  number: number,
  params: Params,
  state: TrialState = 'QUEUED',
  extra: Partial<Pick<FrozenTrial, 'value' | 'attempt' | 'intermediate' | 'seed' | 'stage' | 'origin'>> = {},
): FrozenTrial {
  return {
    number,
    state,
    params,
    intermediate: extra.intermediate ?? new Map(),
    attempt: extra.attempt ?? 1,
    ...(extra.value === undefined ? {} : { value: extra.value }),
    ...(extra.seed === undefined ? {} : { seed: extra.seed }),
    ...(extra.stage === undefined ? {} : { stage: extra.stage }),
    ...(extra.origin === undefined ? {} : { origin: extra.origin }),
  };
}
