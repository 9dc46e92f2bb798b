/** Population-based training (issue 18): its options, explore, exploit and the pruner that stops the bottom members. */
export { resolvePbtOptions, PBT_DEFAULTS, type PbtOptions, type ResolvedPbtOptions } from './pbt-options.js';
export { explore, type ExploreOptions } from './explore.js';
export { isExploited, topMembers, rankedAt, quantileCount, EXPLOIT_STAGE } from './exploit.js';
export { PbtPruner } from './pbt-pruner.js';
