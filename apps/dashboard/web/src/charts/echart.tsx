/**
 * A chart. ECharts is most of the app's bytes, so it loads in its own chunk the first time a
 * chart is shown: the sweeps list, which has none, never waits for it. A failed load is retried,
 * and if it still fails only the chart says so; the rest of the page goes on.
 */
import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../components/error-boundary';
import type { EChartProps } from './echart-props';
import { importWithRetry } from './import-with-retry';

const EChartCanvas = lazy(() => importWithRetry(() => import('./echart-canvas')));

export function EChart(props: EChartProps) {
  const height = props.height ?? 320;
  return (
    <ErrorBoundary
      fallback={(error) => (
        <div className="chart chart-error" style={{ height }} role="alert">
          This chart could not be drawn ({error.message}). Reload the page to try again.
        </div>
      )}
    >
      <Suspense fallback={<div className="chart" style={{ height }} aria-busy="true" />}>
        <EChartCanvas {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}
