/**
 * One line a command objective's program printed: a report (`{"step": 3, "val_accuracy": 0.91}`),
 * its final metrics (`{"final": {...}}`), or anything else, which is its log.
 */

export type CommandLine =
  | { readonly kind: 'report'; readonly step: number; readonly metrics: Readonly<Record<string, number>> }
  | { readonly kind: 'final'; readonly metrics: Readonly<Record<string, number>> }
  | { readonly kind: 'log' };

// Python's json.dumps writes NaN, Infinity and -Infinity bare, which JSON.parse refuses; a
// diverged loss is exactly what a program reports that way.
const NON_FINITE = /([:,[]\s*)(-?Infinity|NaN)(?=\s*[,}\]])/g;
const NON_FINITE_VALUES: Readonly<Record<string, number>> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };
const MARK = '@loopsweep-non-finite:';

export function parseCommandLine(line: string): CommandLine {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return { kind: 'log' };
  let value: unknown;
  try {
    value = JSON.parse(text.replace(NON_FINITE, (_, before: string, word: string) => `${before}"${MARK}${word}"`));
  } catch {
    return { kind: 'log' };
  }
  if (!isRecord(value)) return { kind: 'log' };
  const final = value['final'];
  if (isRecord(final)) return { kind: 'final', metrics: numbersOf(final) };
  const step = numberOf(value['step']);
  if (step === undefined || !Number.isFinite(step)) return { kind: 'log' };
  const { step: _step, ...rest } = value;
  const metrics = numbersOf(rest);
  return Object.keys(metrics).length > 0 ? { kind: 'report', step, metrics } : { kind: 'log' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.startsWith(MARK)) return NON_FINITE_VALUES[value.slice(MARK.length)];
  return undefined;
}

/** The entries that are numbers (NaN and ±Infinity included); anything else is left out. */
function numbersOf(record: Readonly<Record<string, unknown>>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(record)) {
    const number = numberOf(value);
    if (number !== undefined) metrics[name] = number;
  }
  return metrics;
}
