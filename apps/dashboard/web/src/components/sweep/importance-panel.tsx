/** Which parameters mattered (the server's fast importance) and the metric against each one (slice plots). */
import { useMemo } from 'react';
import { segment } from '../../api/client';
import type { ImportanceResponse, ParamInfo, TrialRow } from '../../api/types';
import { EChart } from '../../charts/echart';
import { importanceOption } from '../../charts/importance-option';
import { sliceHeight, sliceOption } from '../../charts/slice-option';
import { useApi } from '../../hooks/use-api';
import { formatPercent } from '../../model/format';
import { ErrorPanel } from '../error-panel';
import { Loading } from '../loading';

interface Props {
  readonly sweep: string;
  readonly metric: string;
  readonly params: readonly ParamInfo[];
  readonly trials: readonly TrialRow[];
  readonly refresh: number;
}

export function ImportancePanel({ sweep, metric, params, trials, refresh }: Props) {
  const importance = useApi<ImportanceResponse>(`/sweeps/${segment(sweep)}/importance`, { metric }, refresh);
  // Only the params the page shows (a fixed param's importance is 0 by definition).
  const barOption = useMemo(
    () =>
      importance.data
        ? importanceOption(
            importance.data,
            params.map((p) => p.name),
          )
        : undefined,
    [importance.data, params],
  );
  const slices = useMemo(() => sliceOption(trials, params), [trials, params]);
  const data = importance.data;
  return (
    <div>
      <div>
        <h3>Parameter importance</h3>
        {importance.error && <ErrorPanel error={importance.error} what="parameter importance" />}
        {!data && !importance.error && <Loading what="importance" />}
        {data && (
          <>
            <p className="muted">
              {data.method}, over {data.trialsUsed} completed trials.{' '}
              {data.importances[0] && data.importances[0].importance > 0 && (
                <>
                  Most important: <strong>{data.importances[0].param}</strong> ({formatPercent(data.importances[0].importance, 1)}).
                </>
              )}
            </p>
            {barOption && (
              <EChart
                option={barOption}
                height={Math.max(160, 28 * params.length + 48)}
                testId="chart-importance"
                label={`importance of each parameter for ${metric}`}
              />
            )}
          </>
        )}
      </div>
      <div>
        <h3>Slice plots</h3>
        <p className="muted">{metric} of each completed trial against each parameter.</p>
        <EChart option={slices} height={sliceHeight(params.length)} testId="chart-slices" label={`${metric} against each parameter`} />
      </div>
    </div>
  );
}
