/** The columns of a CSV header or JSON line, for error messages: `"body", "label"`, or `none`. */
export function describeColumns(columns: readonly string[]): string {
  return columns.map((column) => JSON.stringify(column)).join(', ') || 'none';
}
