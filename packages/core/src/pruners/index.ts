export type { Pruner, PruningContext, VectorObjectives } from './pruner.js';
export type { PrunerConfig } from './pruner-config.js';
export { NonePruner } from './none.js';
export { MedianPruner, type MedianPrunerOptions } from './median.js';
export { AshaPruner, ashaPrune, rungStepsBetween, type AshaPrunerOptions, type Rungs } from './asha.js';
export { HyperbandPruner, type HyperbandPrunerOptions } from './hyperband.js';
export { createPruner } from './create-pruner.js';
export { moAshaPrune } from './mo-asha-prune.js';
