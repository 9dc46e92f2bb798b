/** Where commands write: results to stdout, diagnostics to stderr. */

export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export function err(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Machine-readable output of `--json`: one JSON document, stable key names. */
export function outJson(value: unknown): void {
  out(JSON.stringify(value, jsonReplacer, 2));
}

/** Compact JSON on one line (for --watch streams). */
export function outJsonLine(value: unknown): void {
  out(JSON.stringify(value, jsonReplacer));
}

/** Maps become objects, non-finite numbers become strings ("NaN", "Infinity") instead of null. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}
