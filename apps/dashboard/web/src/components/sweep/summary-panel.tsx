/** The sweep at a glance: best trial and its params, trials by state, pace, time left. */
import type { ReactNode } from 'react';
import type { SweepOverview } from '../../api/types';
import { formatDuration, formatNumber, formatParam } from '../../model/format';
import { Link } from '../../routing/link';
import { trialHref } from '../../routing/routes';
import { StateCounts } from '../state-counts';

function Stat({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function SummaryPanel({ overview }: { overview: SweepOverview }) {
  const { summary, bestTrial, budget } = overview;
  return (
    <div data-testid="summary">
      <dl className="stats">
        <Stat label={`best ${summary.metric} (${summary.direction})`} testId="best-value">
          {bestTrial ? (
            <>
              {formatNumber(bestTrial.value)} <Link href={trialHref(summary.name, bestTrial.number)}>trial #{bestTrial.number}</Link>
            </>
          ) : (
            '— no completed trial yet'
          )}
        </Stat>
        <Stat label="trials" testId="trial-total">
          {summary.total}
          {budget.trials !== undefined ? ` of ${budget.trials}` : ''} · <StateCounts counts={summary.counts} />
        </Stat>
        <Stat label="status">{summary.status}</Stat>
        <Stat label="throughput">{overview.throughputPerHour === undefined ? '—' : `${formatNumber(overview.throughputPerHour)} trials/h`}</Stat>
        <Stat label="elapsed">{formatDuration(overview.elapsedMs)}</Stat>
        <Stat label="time left (ETA)">{formatDuration(overview.etaMs)}</Stat>
        <Stat label="sampler · pruner">
          {overview.sampler.type} · {overview.pruner.type}
        </Stat>
        <Stat label="objective">{overview.objective}</Stat>
      </dl>
      {bestTrial && (
        <p>
          <span className="muted">best trial's params: </span>
          {Object.entries(bestTrial.params).map(([name, value], i) => (
            <span key={name}>
              {i > 0 && ', '}
              <code>
                {name}={formatParam(value)}
              </code>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
