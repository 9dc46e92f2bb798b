import type { EventKind } from '@loopsweep/core';
import { present } from '../codec/nullable.js';
import type { SweepEvent } from './types.js';

export const EVENT_COLUMNS = 'id, trial_number, at, kind, message';

export interface EventRowColumns {
  readonly id: number;
  readonly trial_number: number | null;
  readonly at: number;
  readonly kind: string;
  readonly message: string;
}

export function toSweepEvent(row: EventRowColumns): SweepEvent {
  return { id: row.id, ...present('trialNumber', row.trial_number), at: row.at, kind: row.kind as EventKind, message: row.message };
}
