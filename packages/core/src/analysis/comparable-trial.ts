import type { FrozenTrial } from '../trial/frozen-trial.js';

/**
 * A stored trial as the strategy analyses read it: its final value and learning curve, plus the
 * seed it ran with, the stage that asked for it ('search' when absent, 'confirm' for a comparison
 * protocol's replicates) and, for a replicate, the trial whose configuration it re-runs. The store's
 * `comparableTrials` builds these from the database, so `sweep compare`, `sweep run`'s summary and
 * the dashboard all judge the same rows.
 */
export type ComparableTrial = Pick<FrozenTrial, 'number' | 'state' | 'params' | 'value' | 'intermediate' | 'seed' | 'stage' | 'origin'> & {
  /** Why a FAILED trial failed, if known: 'diverged…' reasons are counted as divergences. */
  readonly failureReason?: string;
};
