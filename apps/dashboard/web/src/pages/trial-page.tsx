/** One trial: state and reason, params, metrics (curves and table), events; live while it runs. */
import { useMemo } from 'react';
import { EChart } from '../charts/echart';
import { trialMetricsOption } from '../charts/trial-metrics-option';
import { ConnectionBanner } from '../components/connection-banner';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { Section } from '../components/section';
import { EventsList } from '../components/trial/events-list';
import { MetricsTable } from '../components/trial/metrics-table';
import { TrialOverview } from '../components/trial/trial-overview';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useTrialLive } from '../hooks/use-trial-live';
import { Link } from '../routing/link';
import { sweepHref, trialHref } from '../routing/routes';

export function TrialPage({ sweep, trial }: { sweep: string; trial: number }) {
  useDocumentTitle(`${sweep} #${trial}`);
  const { data, error, connection } = useTrialLive(sweep, trial);
  const option = useMemo(() => (data && data.metrics.length > 0 ? trialMetricsOption(data) : undefined), [data]);
  return (
    <>
      <ConnectionBanner state={connection} />
      <main id="main">
        <h1>
          Trial #{trial} <span className="muted">of {sweep}</span>
        </h1>
        <p>
          <Link href={sweepHref(sweep)}>← back to the sweep</Link>
          {trial > 0 && (
            <>
              {' · '}
              <Link href={trialHref(sweep, trial - 1)}>previous trial</Link>
            </>
          )}
          {' · '}
          <Link href={trialHref(sweep, trial + 1)}>next trial</Link>
        </p>
        {error && !data && <ErrorPanel error={error} what="trial" />}
        {!error && !data && <Loading what={`trial #${trial}`} />}
        {data && (
          <>
            <Section id="trial" title="State and parameters">
              <TrialOverview trial={data} />
            </Section>
            <Section id="metrics" title="Metrics">
              {option && <EChart option={option} testId="chart-trial-metrics" label={`metrics of trial ${trial} per step`} />}
              <MetricsTable trial={data} />
            </Section>
            <Section id="events" title="Events">
              <EventsList events={data.events} />
            </Section>
          </>
        )}
      </main>
    </>
  );
}
