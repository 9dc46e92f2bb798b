/**
 * A y axis's title, written along the axis at mid-height: above the axis it would collide with
 * the legend, which sits at the top of every chart.
 */
export const sideName = (name: string) => ({ name, nameLocation: 'middle' as const, nameGap: 46 });
