/** A trial's state, why it ended that way, its value and timing, and its params. */
import type { TrialDetailResponse } from '../../api/types';
import { formatDuration, formatNumber, formatParam, formatTime } from '../../model/format';
import { durationOf } from '../../model/trial-sort';
import { StateBadge } from '../state-badge';

export function TrialOverview({ trial, metric }: { trial: TrialDetailResponse; metric?: string }) {
  return (
    <div className="grid-2">
      <dl className="stats" data-testid="trial-state">
        <div className="stat">
          <dt>state</dt>
          <dd>
            <StateBadge state={trial.state} />
          </dd>
        </div>
        <div className="stat">
          <dt>{metric ?? 'value'}</dt>
          <dd>{formatNumber(trial.value)}</dd>
        </div>
        <div className="stat">
          <dt>started</dt>
          <dd>{formatTime(trial.startedAt)}</dd>
        </div>
        <div className="stat">
          <dt>duration</dt>
          <dd>{formatDuration(durationOf(trial))}</dd>
        </div>
        <div className="stat">
          <dt>attempt</dt>
          <dd>{trial.attempt}</dd>
        </div>
        <div className="stat">
          <dt>last step</dt>
          <dd>{trial.lastStep ?? '—'}</dd>
        </div>
        {trial.failureReason && (
          <div className="stat" style={{ gridColumn: '1 / -1' }}>
            <dt>reason</dt>
            <dd data-testid="failure-reason">{trial.failureReason}</dd>
          </div>
        )}
      </dl>
      <table className="plain" data-testid="trial-params">
        <caption className="muted" style={{ textAlign: 'left' }}>
          parameters
        </caption>
        <tbody>
          {Object.entries(trial.params).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="mono">{formatParam(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
