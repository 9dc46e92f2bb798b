import { TRIAL_STATE_ORDER } from '../model/trial-states';
import type { TrialState } from '../api/types';

/** "12 complete · 3 pruned …", leaving out states with no trials. */
export function StateCounts({ counts }: { counts: Readonly<Record<TrialState, number>> }) {
  const shown = TRIAL_STATE_ORDER.filter((state) => counts[state] > 0);
  if (shown.length === 0) return <span className="muted">no trials yet</span>;
  return (
    <span className="counts">
      {shown.map((state) => (
        <span key={state} className={`state state-${state}`}>
          {counts[state]} {state.toLowerCase()}
        </span>
      ))}
    </span>
  );
}
