/**
 * A short description of a value the user wrote, for "got …" in messages: strings quoted, lists
 * and mappings named rather than dumped (they can be large).
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** A value written as in a spec: strings quoted, others as they are. */
export function formatValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `'${shown}'`;
}
