/**
 * The charts' light and dark themes. Canvas cannot inherit CSS, so the page's palette
 * (styles.css) is repeated here; series colours are chosen to stay apart in both themes and for
 * the common colour-vision deficiencies (Okabe–Ito order).
 */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#999999'];

/** One colour per trial state, the same in the table, the history and the curves. */
export const STATE_COLORS = { COMPLETE: '#0072B2', PRUNED: '#E69F00', FAILED: '#D55E00', RUNNING: '#009E73', QUEUED: '#999999' } as const;

interface Palette {
  readonly text: string;
  readonly muted: string;
  readonly line: string;
  readonly split: string;
  readonly tooltip: string;
}

const PALETTES: Readonly<Record<'light' | 'dark', Palette>> = {
  light: { text: '#1f2328', muted: '#59636e', line: '#8c959f', split: '#e5e8eb', tooltip: '#ffffff' },
  dark: { text: '#e6edf3', muted: '#9198a1', line: '#6e7681', split: '#30363d', tooltip: '#161b22' },
};

function axis(p: Palette) {
  return {
    axisLine: { lineStyle: { color: p.line } },
    axisTick: { lineStyle: { color: p.line } },
    axisLabel: { color: p.muted },
    splitLine: { lineStyle: { color: p.split } },
    nameTextStyle: { color: p.muted },
  };
}

function theme(p: Palette): object {
  return {
    color: SERIES_COLORS,
    // Live data redraws every few seconds; animating each redraw would make the charts swim.
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: p.text, fontFamily: 'system-ui, sans-serif' },
    title: { textStyle: { color: p.text, fontSize: 14, fontWeight: 600 }, subtextStyle: { color: p.muted } },
    legend: { textStyle: { color: p.text }, inactiveColor: p.split },
    tooltip: { backgroundColor: p.tooltip, borderColor: p.line, textStyle: { color: p.text } },
    categoryAxis: axis(p),
    valueAxis: axis(p),
    logAxis: axis(p),
    parallelAxis: { ...axis(p), areaSelectStyle: { color: p.line, opacity: 0.3 } },
    visualMap: { textStyle: { color: p.text } },
    // Value labels on bars: the page's text colour, without ECharts' default halo (a white ring in dark mode).
    bar: { label: { color: p.text, textBorderWidth: 0 } },
    dataZoom: { textStyle: { color: p.muted }, borderColor: p.split },
  };
}

export function registerChartThemes(register: (name: string, theme: object) => void): void {
  register('loopsweep-light', theme(PALETTES.light));
  register('loopsweep-dark', theme(PALETTES.dark));
}
