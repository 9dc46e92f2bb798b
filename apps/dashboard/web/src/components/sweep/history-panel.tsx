import { useMemo } from 'react';
import type { Direction, TrialRow } from '../../api/types';
import { EChart } from '../../charts/echart';
import { historyOption } from '../../charts/history-option';
import { navigate } from '../../routing/navigation';
import { trialHref } from '../../routing/routes';

/** Optimization history; clicking a point opens that trial. */
export function HistoryPanel({ sweep, trials, metric, direction }: { sweep: string; trials: readonly TrialRow[]; metric: string; direction: Direction }) {
  const option = useMemo(() => historyOption(trials, metric, direction), [trials, metric, direction]);
  const on = useMemo(
    () => ({
      click: (params: unknown) => {
        const { seriesType, value } = params as { seriesType: string; value: [number, number] };
        if (seriesType === 'scatter') navigate(trialHref(sweep, value[0]));
      },
    }),
    [sweep],
  );
  return (
    <EChart
      option={option}
      on={on}
      testId="chart-history"
      label={`${metric} of each trial by trial number, with the best so far; pruned and failed trials marked`}
    />
  );
}
