export type { Sampler, SamplingContext } from './sampler.js';
export type { SamplerConfig } from './sampler-config.js';
export { RandomSampler, sampleUniform, type RandomSamplerOptions } from './random.js';
export { GridSampler, type GridSamplerOptions } from './grid.js';
export { gridPoints } from './grid-points.js';
export { TpeSampler } from './tpe/tpe-sampler.js';
export type { TpeSamplerOptions, ResolvedTpeOptions } from './tpe/tpe-options.js';
export { createSampler } from './create-sampler.js';
