/** One sweep, live: summary, population (PBT), strategy comparison, history, curves, parallel coordinates, importance, trials. */
import { useMemo, useState } from 'react';
import { ConnectionBanner } from '../components/connection-banner';
import { ErrorPanel } from '../components/error-panel';
import { Loading } from '../components/loading';
import { Section } from '../components/section';
import { CurvesPanel } from '../components/sweep/curves-panel';
import { FrontPanel } from '../components/sweep/front-panel';
import { HistoryPanel } from '../components/sweep/history-panel';
import { ImportancePanel } from '../components/sweep/importance-panel';
import { ParallelPanel } from '../components/sweep/parallel-panel';
import { PopulationPanel } from '../components/sweep/population-panel';
import { StrategyPanel } from '../components/sweep/strategy-panel';
import { ReportLink } from '../components/sweep/report-link';
import { SummaryPanel } from '../components/sweep/summary-panel';
import { TrialFilters } from '../components/sweep/trial-filters';
import { TrialsTable } from '../components/sweep/trials-table';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useSweepLive } from '../hooks/use-sweep-live';
import { useThrottled } from '../hooks/use-throttled';
import { defaultCurveSelection } from '../model/default-selection';
import { filterTrials, NO_FILTER, type TrialFilter } from '../model/trial-filter';
import { DEFAULT_SORT, sortTrials, type TrialSort } from '../model/trial-sort';
import { varyingParams } from '../model/varying-params';

/** How often the comparison and importance may be recomputed while trials finish. */
const ANALYSIS_REFRESH_MS = 5000;

const CONTENTS = [
  ['summary', 'Summary'],
  ['front', 'Pareto front'],
  ['population', 'Population'],
  ['strategies', 'Strategy comparison'],
  ['history', 'Optimization history'],
  ['curves', 'Learning curves'],
  ['parallel', 'Parallel coordinates'],
  ['importance', 'Importance and slices'],
  ['trials', 'Trials'],
] as const;

export function SweepPage({ sweep }: { sweep: string }) {
  useDocumentTitle(sweep);
  const live = useSweepLive(sweep);
  const [filter, setFilter] = useState<TrialFilter>(NO_FILTER);
  const [sort, setSort] = useState<TrialSort>(DEFAULT_SORT);
  // undefined: the user has not picked curves yet, so the default selection follows the sweep live.
  const [picked, setPicked] = useState<readonly number[]>();
  const analysisRefresh = useThrottled(live.finished, ANALYSIS_REFRESH_MS);

  const { overview, trials } = live;
  const direction = overview?.summary.direction ?? 'maximize';
  const autoSelection = useMemo(() => defaultCurveSelection(trials ?? [], direction), [trials, direction]);
  const selected = picked ?? autoSelection;
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const shown = useMemo(() => sortTrials(filterTrials(trials ?? [], filter), sort), [trials, filter, sort]);
  const varying = useMemo(() => varyingParams(overview?.parameters ?? []), [overview?.parameters]);
  const pbt = overview?.sampler.type === 'pbt';
  const toggle = (n: number) => setPicked(selectedSet.has(n) ? selected.filter((x) => x !== n) : [...selected, n]);

  return (
    <>
      <ConnectionBanner state={live.connection} />
      <main id="main">
        <h1>{sweep}</h1>
        {live.error && <ErrorPanel error={live.error} what="sweep" />}
        {!live.error && (!overview || !trials) && <Loading what="the sweep" />}
        {overview && trials && (
          <>
            <nav aria-label="On this page" className="muted">
              {CONTENTS.filter(([id]) => (id !== 'front' || overview.multiObjective) && (id !== 'population' || pbt)).map(([id, title], i) => (
                <span key={id}>
                  {i > 0 && ' · '}
                  <a href={`#${id}`}>{title}</a>
                </span>
              ))}
            </nav>
            <Section id="summary" title="Summary" actions={<ReportLink sweep={sweep} />}>
              <SummaryPanel overview={overview} />
            </Section>
            {overview.multiObjective && (
              <Section id="front" title="Pareto front">
                <FrontPanel sweep={sweep} objectives={overview.multiObjective.objectives} refresh={analysisRefresh} />
              </Section>
            )}
            {pbt && (
              <Section id="population" title="Population">
                <PopulationPanel sweep={sweep} params={overview.parameters} refresh={analysisRefresh} />
              </Section>
            )}
            <Section id="strategies" title="Strategy comparison">
              <StrategyPanel sweep={sweep} params={varying} refresh={analysisRefresh} />
            </Section>
            <Section id="history" title="Optimization history">
              <HistoryPanel sweep={sweep} trials={trials} metric={overview.summary.metric} direction={direction} />
            </Section>
            <Section id="curves" title="Learning curves">
              <CurvesPanel
                sweep={sweep}
                metricNames={overview.metricNames}
                defaultMetric={overview.summary.metric}
                selected={selected}
                trials={trials}
                changes={live.changes}
              />
            </Section>
            <Section id="parallel" title="Parallel coordinates">
              <ParallelPanel
                trials={trials}
                params={varying}
                metric={overview.summary.metric}
                direction={direction}
                onShowInTable={(numbers) => {
                  setFilter({ ...filter, numbers });
                  document.getElementById('trials')?.scrollIntoView();
                }}
              />
            </Section>
            <Section id="importance" title="Parameter importance and slice plots">
              <ImportancePanel sweep={sweep} metric={overview.summary.metric} params={varying} trials={trials} refresh={analysisRefresh} />
            </Section>
            <Section
              id="trials"
              title="Trials"
              actions={
                <span className="muted" data-testid="trial-count">
                  {shown.length === trials.length ? `${trials.length} trials` : `${shown.length} of ${trials.length} trials`}
                </span>
              }
            >
              <TrialFilters params={varying} trials={trials} filter={filter} onChange={setFilter} />
              <p className="table-hint">
                Click a row, or focus the table and use ↑/↓ and Enter, to open a trial; Space or the tick box adds it to the learning curves.
              </p>
              <TrialsTable
                sweep={sweep}
                trials={shown}
                params={overview.parameters}
                sort={sort}
                onSort={setSort}
                selected={selectedSet}
                onToggle={toggle}
                viewKey={JSON.stringify([sort, filter])}
              />
            </Section>
          </>
        )}
      </main>
    </>
  );
}
