/**
 * A line with a band around it as three ECharts series: the band's lower edge (invisible), its
 * width stacked on top as a filled area, then the line. No custom series needed. Band series are
 * named with a NUL so legends and tooltips can leave them out.
 */
export interface BandedPoint {
  readonly x: number;
  readonly low: number;
  readonly mid: number;
  readonly high: number;
}

export function bandedLineSeries(label: string, color: string, points: readonly BandedPoint[]) {
  const stack = `band\u0000${label}`;
  return [
    {
      type: 'line' as const,
      name: `${label}\u0000low`,
      stack,
      data: points.map((p) => [p.x, p.low]),
      showSymbol: false,
      lineStyle: { opacity: 0 },
      silent: true,
    },
    {
      type: 'line' as const,
      name: `${label}\u0000band`,
      stack,
      data: points.map((p) => [p.x, p.high - p.low]),
      showSymbol: false,
      lineStyle: { opacity: 0 },
      areaStyle: { color, opacity: 0.18 },
      silent: true,
    },
    {
      type: 'line' as const,
      name: label,
      data: points.map((p) => [p.x, p.mid]),
      showSymbol: points.length < 30,
      itemStyle: { color },
      lineStyle: { color, width: 2 },
    },
  ];
}
