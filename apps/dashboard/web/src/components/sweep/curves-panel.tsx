/**
 * Learning curves of the selected trials (ticked in the table; by default the best few and the
 * latest pruned ones), for any metric the trials reported. Refetched while a selected trial runs.
 */
import { useMemo, useState } from 'react';
import { segment } from '../../api/client';
import type { CurvesResponse, TrialRow } from '../../api/types';
import { EChart } from '../../charts/echart';
import { curvesOption } from '../../charts/curves-option';
import { useApi } from '../../hooks/use-api';
import { useThrottled } from '../../hooks/use-throttled';
import { ErrorPanel } from '../error-panel';

interface Props {
  readonly sweep: string;
  readonly metricNames: readonly string[];
  readonly defaultMetric: string;
  readonly selected: readonly number[];
  readonly trials: readonly TrialRow[];
  readonly changes: number;
}

const LIVE_REFRESH_MS = 2000;

export function CurvesPanel({ sweep, metricNames, defaultMetric, selected, trials, changes }: Props) {
  const [metric, setMetric] = useState(defaultMetric);
  const running = useMemo(() => {
    const wanted = new Set(selected);
    return trials.some((t) => wanted.has(t.number) && (t.state === 'RUNNING' || t.state === 'QUEUED'));
  }, [trials, selected]);
  const liveChanges = useThrottled(changes, LIVE_REFRESH_MS);
  const sorted = [...selected].sort((a, b) => a - b).join(',');
  const curves = useApi<CurvesResponse>(
    selected.length === 0 ? null : `/sweeps/${segment(sweep)}/curves`,
    { metric, trials: sorted },
    running ? liveChanges : 'settled',
  );
  const option = useMemo(() => (curves.data ? curvesOption(curves.data) : undefined), [curves.data]);
  const names = metricNames.includes(defaultMetric) ? metricNames : [defaultMetric, ...metricNames];
  return (
    <div>
      <div className="filters">
        <label>
          metric
          <select value={metric} onChange={(e) => setMetric(e.target.value)} data-testid="curves-metric">
            {names.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <span className="muted">
          {selected.length === 0
            ? 'Tick trials in the table below to draw their curves.'
            : `${selected.length} trial${selected.length === 1 ? '' : 's'}: ${sorted.replaceAll(',', ', ')}`}
        </span>
      </div>
      {curves.error && <ErrorPanel error={curves.error} what="learning curves" />}
      {option && (
        <EChart option={option} testId="chart-curves" label={`${metric} per step for trials ${sorted}; diamonds mark where pruned trials were stopped`} />
      )}
    </div>
  );
}
