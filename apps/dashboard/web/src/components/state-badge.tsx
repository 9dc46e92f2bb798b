import type { TrialState } from '../api/types';

export function StateBadge({ state }: { state: TrialState }) {
  return <span className={`state state-${state}`}>{state.toLowerCase()}</span>;
}
