/**
 * A chart. ECharts is most of the app's bytes, so it loads in its own chunk the first time a
 * chart is shown: the sweeps list, which has none, never waits for it.
 */
import { lazy, Suspense } from 'react';
import type { EChartProps } from './echart-props';

const EChartCanvas = lazy(() => import('./echart-canvas'));

export function EChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 320 }} aria-busy="true" />}>
      <EChartCanvas {...props} />
    </Suspense>
  );
}
