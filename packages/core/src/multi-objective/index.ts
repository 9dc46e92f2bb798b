/**
 * Multi-objective building blocks (issue 17): Pareto ranking, hypervolume, the NSGA-II and MOTPE
 * samplers and MO-ASHA's promotion rule, and the Pareto front readers show. Specs reach them
 * through `metrics:` and `constraints:` (createStudy, createSampler).
 */
export type { ObjectiveVector } from './objective-vector.js';
export { toMinimized } from './objective-vector.js';
export { dominates, constrainedDominates } from './dominance.js';
export { constraintViolation, boundViolation, type ConstraintBound } from './constraint-violation.js';
export { nonDominatedSort, ranksFromFronts, type NonDominatedSortOptions } from './non-dominated-sort.js';
export { crowdingDistance } from './crowding-distance.js';
export { hypervolume } from './hypervolume.js';
export { hypervolumeContributions } from './hypervolume-contributions.js';
export { defaultReferencePoint, REFERENCE_MARGIN } from './reference-point.js';
export { moAshaPromotions, type RungEntry, type MoAshaPromotionOptions } from './mo-asha.js';
export type { MultiObjectiveHistory } from './mo-history.js';
export { Nsga2Sampler } from './nsga2/nsga2-sampler.js';
export type { Nsga2Replacement, Nsga2SamplerOptions, ResolvedNsga2Options } from './nsga2/nsga2-options.js';
export { selectByHypervolume } from './hypervolume-subset.js';
export { MotpeSampler } from './motpe/motpe-sampler.js';
export type { MotpeGoodWeights, MotpeSamplerOptions, ResolvedMotpeOptions } from './motpe/motpe-options.js';
export { summarizeFront, hypervolumeHistory, type FrontObjective, type ValuedTrial, type FrontMember, type FrontSummary } from './pareto-front.js';
