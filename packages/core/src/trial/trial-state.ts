/**
 * A trial's life: QUEUED → RUNNING → COMPLETE | PRUNED | FAILED.
 * RUNNING → QUEUED re-queues an interrupted trial (a retry); QUEUED → FAILED cancels one that never ran.
 */
export const TRIAL_STATES = ['QUEUED', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAILED'] as const;
export type TrialState = (typeof TRIAL_STATES)[number];

const LEGAL: Readonly<Record<TrialState, readonly TrialState[]>> = {
  QUEUED: ['RUNNING', 'FAILED'],
  RUNNING: ['COMPLETE', 'PRUNED', 'FAILED', 'QUEUED'],
  COMPLETE: [],
  PRUNED: [],
  FAILED: [],
};

export function isFinished(state: TrialState): boolean {
  return state === 'COMPLETE' || state === 'PRUNED' || state === 'FAILED';
}

export function canTransition(from: TrialState, to: TrialState): boolean {
  return LEGAL[from].includes(to);
}
