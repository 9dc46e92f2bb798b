/**
 * The kinds of values a parameter can take. A sweep spec's parameter (`log_uniform: [1e-4, 1e-1]`,
 * `values: [sgd, adam]`, …) is parsed into one of these.
 */

export type ParamValue = string | number | boolean;
export type Params = Readonly<Record<string, ParamValue>>;

export type Distribution =
  /** One of a list of values (strings, numbers or booleans), unordered. */
  | { readonly kind: 'categorical'; readonly choices: readonly ParamValue[] }
  /**
   * A real number in [low, high]; `log`: uniform in log space (low > 0); `step`: only
   * low + k·step (then never log).
   */
  | { readonly kind: 'float'; readonly low: number; readonly high: number; readonly log: boolean; readonly step?: number }
  /** An integer in [low, high] on the grid low + k·step (step ≥ 1, default 1); `log`: log-uniform. */
  | { readonly kind: 'int'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number }
  /** Always this value. */
  | { readonly kind: 'fixed'; readonly value: ParamValue };

/** Whether `value` is a legal value of `distribution` (exact, no tolerance for steps beyond 1e-9·range). */
export function contains(distribution: Distribution, value: ParamValue): boolean {
  switch (distribution.kind) {
    case 'categorical':
      return distribution.choices.includes(value);
    case 'fixed':
      return distribution.value === value;
    case 'float':
    case 'int': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (distribution.kind === 'int' && !Number.isInteger(value)) return false;
      if (value < distribution.low || value > distribution.high) return false;
      const step = distribution.step;
      if (step === undefined) return true;
      const k = (value - distribution.low) / step;
      return Math.abs(k - Math.round(k)) <= 1e-9 * Math.max(1, Math.abs(k));
    }
  }
}

/** The finite list of values of a distribution, or undefined for a continuous one (grid search). */
export function enumerate(distribution: Distribution): readonly ParamValue[] | undefined {
  switch (distribution.kind) {
    case 'categorical':
      return distribution.choices;
    case 'fixed':
      return [distribution.value];
    case 'int':
    case 'float': {
      const step = distribution.step;
      if (step === undefined) return undefined;
      const count = Math.floor((distribution.high - distribution.low) / step + 1e-9) + 1;
      // Computed from low each time (not accumulated) so the values are exact multiples.
      return Array.from({ length: count }, (_, k) =>
        distribution.kind === 'int' ? distribution.low + k * step : Number((distribution.low + k * step).toPrecision(15)),
      );
    }
  }
}
