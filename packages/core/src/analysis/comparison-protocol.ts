/**
 * The comparison protocol of a sweep, as far as the verdict needs it: which parameter it compares,
 * how many search trials each value got and how many seeds confirm each value's best
 * configuration. Read defensively from the stored spec document (JSON written by any version), so
 * an old database or a spec without a `compare:` block simply has no protocol.
 */

export interface ComparisonProtocol {
  /** The compared parameter (`compare.by`). */
  readonly by: string;
  /** `compare.trials_per_value`: search trials per value. */
  readonly trialsPerValue?: number;
  /** `compare.confirm.seeds`: replicates of each value's best configuration. */
  readonly seeds?: number;
  /** `compare.confidence`: the confidence the verdict is asked at. */
  readonly confidence?: number;
}

const positiveInteger = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `compare:` block of a stored spec document, or undefined when it has none (or none with a `by`). */
export function comparisonProtocolOf(spec: unknown): ComparisonProtocol | undefined {
  if (!isRecord(spec) || !isRecord(spec['compare'])) return undefined;
  const block = spec['compare'];
  const by = block['by'];
  if (typeof by !== 'string' || by === '') return undefined;
  const trialsPerValue = positiveInteger(block['trials_per_value']);
  const seeds = isRecord(block['confirm']) ? positiveInteger(block['confirm']['seeds']) : undefined;
  const confidence = typeof block['confidence'] === 'number' && block['confidence'] > 0 && block['confidence'] < 1 ? block['confidence'] : undefined;
  return {
    by,
    ...(trialsPerValue !== undefined ? { trialsPerValue } : {}),
    ...(seeds !== undefined ? { seeds } : {}),
    ...(confidence !== undefined ? { confidence } : {}),
  };
}

/**
 * Seeds suggested to confirm an exploratory ranking. The analysis package's power study found
 * about 9–10 replicates per value give 90% power for an effect of 2 noise standard deviations
 * among 3–5 values; fewer seeds would mostly answer "no clear winner".
 */
export const SUGGESTED_CONFIRM_SEEDS = 10;

/** The `compare:` block that would confirm an exploratory ranking by `by`, as YAML to paste into the spec. */
export function suggestedProtocolYaml(by: string, trialsPerValue: number, confidence: number): string {
  return [
    'compare:',
    `  by: ${by}`,
    `  trials_per_value: ${Math.max(1, Math.round(trialsPerValue))}`,
    `  confirm: { seeds: ${SUGGESTED_CONFIRM_SEEDS} }`,
    `  confidence: ${confidence}`,
  ].join('\n');
}
