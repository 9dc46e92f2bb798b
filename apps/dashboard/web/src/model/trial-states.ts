import type { TrialState } from '../api/types';

/** States in the order the page lists them: finished first, the best outcome first. */
export const TRIAL_STATE_ORDER: readonly TrialState[] = ['COMPLETE', 'PRUNED', 'FAILED', 'RUNNING', 'QUEUED'];
