/** Trial rows for the model's unit tests: what the API sends, built field by field. */
import type { TrialRow } from '../api/types';

export function row(number: number, fields: Partial<TrialRow> = {}): TrialRow {
  return { number, state: 'COMPLETE', params: {}, attempt: 1, updatedAt: 1000 + number, ...fields };
}
