/** Four significant digits, or scientific notation for very large or small magnitudes: short verdict sentences. */
export function formatValue(value: number): string {
  return Math.abs(value) >= 1000 || (Math.abs(value) < 0.001 && value !== 0) ? value.toExponential(3) : Number(value.toPrecision(4)).toString();
}

/** A p-value for a sentence: "< 0.001" below that, else three decimals. */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`;
}
