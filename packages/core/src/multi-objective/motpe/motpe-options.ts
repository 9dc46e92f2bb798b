import { resolveTpeOptions, type ResolvedTpeOptions, type TpeSamplerOptions } from '../../samplers/tpe/tpe-options.js';

/**
 * MOTPE takes TPE's options with TPE's defaults and checks: `seed`, `nStartupTrials` (10),
 * `nEiCandidates` (24), `gamma` (0.1 of the finished trials, at most 25, are "good"),
 * `priorWeight` (1), `constantLiar` (true).
 */
export type MotpeSamplerOptions = TpeSamplerOptions;
export type ResolvedMotpeOptions = ResolvedTpeOptions;

/** @throws {SpecError} listing each bad option by its spec path. */
export function resolveMotpeOptions(options: MotpeSamplerOptions): ResolvedMotpeOptions {
  return resolveTpeOptions(options);
}
