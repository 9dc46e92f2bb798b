/**
 * One ECharts instance in a React component: created on mount, given each new option whole (no
 * merging with the last, so removed series disappear), resized with its box, re-themed with the
 * page, disposed on unmount. Charts are images to assistive technology; `label` describes it and
 * each view shows the same numbers as text nearby.
 */
import { useEffect, useRef } from 'react';
import { useResolvedTheme } from '../hooks/theme-context';
import { echarts } from './echarts-setup';

import type { EChartProps } from './echart-props';

/** The module's default export, so that React.lazy can load it (and ECharts with it) on demand. */
export default function EChartCanvas({ option, label, height = 320, on = {}, testId }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const theme = useResolvedTheme();
  const handlers = useRef(on);
  handlers.current = on;
  const eventNames = Object.keys(on).sort().join(',');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element, `loopsweep-${theme}`, { renderer: 'canvas' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option, theme]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || eventNames === '') return;
    const names = eventNames.split(',');
    for (const name of names) instance.on(name, (params: unknown) => handlers.current[name]?.(params, instance));
    return () => {
      for (const name of names) instance.off(name);
    };
  }, [eventNames, theme]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} data-testid={testId} />;
}
