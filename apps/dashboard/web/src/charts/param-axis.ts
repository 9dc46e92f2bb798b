/** How one parameter is laid on an axis: its categories in spec order, or a (log) value scale. */
import type { ParamInfo, ParamValue, TrialRow } from '../api/types';
import { valueKey } from '../model/trial-filter';

/** The categories a categorical param shows: the spec's choices, plus any value seen in trials that the spec lacks. */
export function categoriesOf(param: ParamInfo, trials: readonly Pick<TrialRow, 'params'>[]): string[] {
  const seen = new Set((param.values ?? []).map(valueKey));
  for (const trial of trials) {
    const value = trial.params[param.name];
    if (value !== undefined) seen.add(valueKey(value));
  }
  return [...seen];
}

/** A numeric param whose values are all > 0 and that the spec samples on a log scale. */
export function isLogParam(param: ParamInfo, trials: readonly Pick<TrialRow, 'params'>[]): boolean {
  return (
    param.log === true &&
    trials.every((t) => {
      const v = t.params[param.name];
      return typeof v !== 'number' || v > 0;
    })
  );
}

export function numericValue(value: ParamValue | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
