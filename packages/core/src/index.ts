/**
 * @loopsweep/core — the brain of a sweep, pure TypeScript with no I/O: sweep specs, search
 * spaces, samplers, pruners and the study state machine. Core owns the interfaces the other
 * packages implement (Sampler, Pruner, and later TrialStore and TrialExecutor).
 */
export * from './errors/index.js';
export * from './search-space/distributions.js';
export * from './search-space/search-space.js';
export * from './trial/trial-state.js';
export * from './trial/frozen-trial.js';
export { createRandom, mixSeed, type RandomSource } from './random.js';
export * from './samplers/index.js';
export * from './pruners/index.js';
export * from './spec/index.js';
export * from './study/index.js';
export * from './store/index.js';
export * from './executor/index.js';
export * from './objective/index.js';
export * from './analysis/index.js';
export { formatNumber, formatParamValue } from './format/format-number.js';
export * from './multi-objective/index.js';
export * from './pbt/index.js';
