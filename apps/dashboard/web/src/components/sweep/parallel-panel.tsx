/**
 * Parallel coordinates. Drag along any axis to keep a range (several axes combine); the trials
 * inside every range can then filter the table.
 */
import { useMemo, useState } from 'react';
import type { Direction, ParamInfo, TrialRow } from '../../api/types';
import { EChart } from '../../charts/echart';
import type { ECharts } from 'echarts/core';
import { parallelOption, parallelTrials } from '../../charts/parallel-option';

interface Props {
  readonly trials: readonly TrialRow[];
  readonly params: readonly ParamInfo[];
  readonly metric: string;
  readonly direction: Direction;
  readonly onShowInTable: (numbers: readonly number[]) => void;
}

/** ECharts has no public getter for the lines inside the brushed ranges; this reads the series' active set. */
interface ParallelSeriesModel {
  getRawIndicesByActiveState(state: 'active' | 'inactive'): number[];
}

export function ParallelPanel({ trials, params, metric, direction, onShowInTable }: Props) {
  const drawn = useMemo(() => parallelTrials(trials), [trials]);
  const option = useMemo(() => parallelOption(trials, params, metric, direction), [trials, params, metric, direction]);
  const [brushed, setBrushed] = useState<readonly number[]>();
  const on = useMemo(
    () => ({
      axisareaselected: (_: unknown, chart: ECharts) => {
        const model = (chart as unknown as { getModel(): { getSeries(): ParallelSeriesModel[] } }).getModel().getSeries()[0];
        if (!model) return;
        const active = model.getRawIndicesByActiveState('active');
        setBrushed(active.length === drawn.length ? undefined : active.map((i) => drawn[i]!.number));
      },
    }),
    [drawn],
  );
  return (
    <div>
      <div className="filters">
        <span className="muted">
          {drawn.length} completed trials. Drag along an axis to select a range; drag again elsewhere on it to change it, click outside the range to clear it.
        </span>
        {brushed !== undefined && (
          <button type="button" onClick={() => onShowInTable(brushed)} data-testid="brush-to-table">
            show the {brushed.length} selected trials in the table
          </button>
        )}
      </div>
      <EChart
        option={option}
        on={on}
        height={380}
        testId="chart-parallel"
        label={`parallel coordinates of ${params.map((p) => p.name).join(', ')} and ${metric} over completed trials`}
      />
    </div>
  );
}
