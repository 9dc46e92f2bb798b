import type { Observation } from '../mo-history.js';

export interface ConstraintSplit {
  /** Trials that satisfy the constraint (or, when none does, the least violating tenth). */
  readonly below: readonly Observation[];
  readonly above: readonly Observation[];
}

/**
 * c-TPE's per-constraint splits (Watanabe and Hutter 2023), in their simplest form: for each
 * constraint, the trials that satisfy it are "good" and those that violate it "bad", so l(x)/g(x)
 * says where that constraint tends to hold. When no trial satisfies a constraint yet, the
 * ⌈10%⌉ least violating ones are good instead, so the search still moves towards the feasible
 * side. A constraint every trial satisfies says nothing and gets no split. Where the paper picks
 * each constraint's quantile adaptively and combines the ratios as γ/(γ + (1 − γ)·g/l), this uses
 * the feasibility boundary and multiplies plain l/g ratios.
 * O(c·n log n) for c constraints.
 */
export function constraintSplits(observations: readonly Observation[]): ConstraintSplit[] {
  const count = observations.reduce((most, o) => Math.max(most, o.violations.length), 0);
  const splits: ConstraintSplit[] = [];
  for (let k = 0; k < count; k++) {
    const violation = (o: Observation): number => o.violations[k] ?? Infinity;
    let below = observations.filter((o) => violation(o) === 0);
    if (below.length === observations.length) continue;
    if (below.length === 0) {
      const best = observations.slice().sort((a, b) => violation(a) - violation(b) || a.trial.number - b.trial.number);
      below = best.slice(0, Math.max(1, Math.ceil(0.1 * observations.length)));
    }
    const good = new Set(below);
    splits.push({ below, above: observations.filter((o) => !good.has(o)) });
  }
  return splits;
}
