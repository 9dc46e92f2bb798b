/** The sweeps list of GET /api/sweeps and the `sweeps` stream. */
import type { SweepReader } from '@loopsweep/store';
import type { SweepListItem } from '../api/types.js';

export function listSweeps(reader: SweepReader): SweepListItem[] {
  // The summary's createdAt is when the sweep started: `sweep run` creates it as it starts.
  return reader.listSweeps().map((summary) => ({ ...summary, startedAt: summary.createdAt }));
}
