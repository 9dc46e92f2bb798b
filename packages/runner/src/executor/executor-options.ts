/** Option checks and outcomes shared by the executors. */
import type { TrialOutcome } from '@loopsweep/core';

/** How long cancel() waits for an objective to honour its signal before the runner ends its thread or process. */
export const DEFAULT_CANCEL_GRACE_MS = 10_000;

/** @throws {RangeError} `${name} must be a positive integer, got …` */
export function validateCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** @throws {RangeError} unless a finite number >= 0. */
export function validateGraceMs(value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`cancelGraceMs must be a finite number >= 0, got ${value}`);
  return value;
}

export function cancelledOutcome(reason: string): TrialOutcome {
  return { status: 'failed', kind: 'cancelled', reason };
}
