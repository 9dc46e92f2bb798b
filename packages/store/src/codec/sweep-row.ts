import type { Direction, SweepRecord, SweepStatus } from '@loopsweep/core';

/** A `sweeps` row as the driver returns it. */
export interface SweepRow {
  readonly id: number;
  readonly name: string;
  readonly spec: string;
  readonly spec_hash: string;
  readonly metric: string;
  readonly direction: string;
  readonly objective: string;
  readonly status: string;
  readonly seed: number;
  readonly created_at: number;
  readonly finished_at: number | null;
}

export const SWEEP_COLUMNS = 'id, name, spec, spec_hash, metric, direction, objective, status, seed, created_at, finished_at';

/** The record of a row; the spec is parsed back from its JSON. */
export function toSweepRecord(row: SweepRow): SweepRecord {
  return {
    id: row.id,
    name: row.name,
    spec: JSON.parse(row.spec) as unknown,
    specHash: row.spec_hash,
    metric: row.metric,
    direction: row.direction as Direction,
    objective: row.objective,
    status: row.status as SweepStatus,
    seed: row.seed,
    createdAt: row.created_at,
    ...(row.finished_at === null ? {} : { finishedAt: row.finished_at }),
  };
}
