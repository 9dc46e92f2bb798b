/** `{ [key]: value }` when the column holds a value, `{}` for NULL: records omit what is unknown. */
export function present<K extends string, V>(key: K, value: V | null | undefined): { [P in K]?: V } {
  return (value === null || value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A metric value as stored: NULL stands for NaN, which SQLite cannot hold. */
export function metricValue(value: number | null): number {
  return value === null ? Number.NaN : value;
}
