import type { SearchSpace } from '../../search-space/search-space.js';

/**
 * DESIGN.md's example space, written out by hand so the sampler tests do not depend on the spec
 * parser: two conditional params (momentum when optimizer = momentum, clip_norm when clip =
 * global_norm), log floats, an int log param and plain categoricals.
 */
export const DESIGN_SPACE: SearchSpace = {
  params: [
    { name: 'cell', distribution: { kind: 'categorical', choices: ['simple', 'lstm', 'gru', 'loop'] } },
    { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] } },
    { name: 'lr', distribution: { kind: 'float', low: 1e-4, high: 1e-1, log: true } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
    { name: 'clip', distribution: { kind: 'categorical', choices: ['none', 'value', 'global_norm'] } },
    { name: 'clip_norm', distribution: { kind: 'float', low: 0.1, high: 10, log: true }, when: { clip: ['global_norm'] } },
    { name: 'schedule', distribution: { kind: 'categorical', choices: ['constant', 'step', 'cosine', 'warmup_cosine'] } },
    { name: 'units', distribution: { kind: 'int', low: 16, high: 256, log: true, step: 1 } },
    { name: 'dropout', distribution: { kind: 'float', low: 0, high: 0.5, log: false } },
  ],
};

/**
 * The same tree with every param enumerable (lists and steps instead of ranges), for grid
 * samplers: 4 cells × (4 + 5 momentum) optimizer branches × 4 lr × (2 + 3 clip_norm) clip branches
 * × 4 schedules × 2 units × 2 dropouts = 11,520 points.
 */
export const ENUMERABLE_DESIGN_SPACE: SearchSpace = {
  params: [
    { name: 'cell', distribution: { kind: 'categorical', choices: ['simple', 'lstm', 'gru', 'loop'] } },
    { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] } },
    { name: 'lr', distribution: { kind: 'categorical', choices: [1e-4, 1e-3, 1e-2, 1e-1] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.9, log: false, step: 0.1 }, when: { optimizer: ['momentum'] } },
    { name: 'clip', distribution: { kind: 'categorical', choices: ['none', 'value', 'global_norm'] } },
    { name: 'clip_norm', distribution: { kind: 'categorical', choices: [0.1, 1, 10] }, when: { clip: ['global_norm'] } },
    { name: 'schedule', distribution: { kind: 'categorical', choices: ['constant', 'step', 'cosine', 'warmup_cosine'] } },
    { name: 'units', distribution: { kind: 'int', low: 16, high: 256, log: true, step: 240 } },
    { name: 'dropout', distribution: { kind: 'float', low: 0, high: 0.5, log: false, step: 0.5 } },
  ],
};
