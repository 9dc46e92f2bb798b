/**
 * How what an objective did becomes a TrialOutcome ("failure is data", DESIGN.md). Pure, so that
 * the thread worker and the process host classify the same way.
 */
import type { TrialOutcome } from '@loopsweep/core';
import { describeError, errorIs, errorMessage } from './describe-error.js';

/** What the main thread asked of the trial before it ended, if anything. Cancel outranks prune. */
export type StopRequest = { readonly kind: 'prune' } | { readonly kind: 'cancel'; readonly reason: string };

/**
 * The outcome of an objective that returned. A number must be finite; it becomes `value`, with the
 * last reported metrics as `metrics`. An object must hold numbers only; it becomes `metrics` (its
 * numbers may be NaN: the caller judges its own metric).
 *
 * An objective that returns after its trial was pruned (it did not check its signal) is 'pruned'
 * all the same: the pruner's decision stands, whatever the thread did after it. One that returns
 * after cancel() still completes: its result is real, and the request simply came too late.
 */
export function outcomeOfResult(result: unknown, lastReported: Readonly<Record<string, number>>, stop?: StopRequest): TrialOutcome {
  if (stop?.kind === 'prune') return { status: 'pruned' };
  if (typeof result === 'number') {
    if (!Number.isFinite(result)) return { status: 'failed', kind: 'error', reason: `objective returned ${result}` };
    return { status: 'complete', value: result, metrics: { ...lastReported } };
  }
  if (typeof result === 'object' && result !== null && !Array.isArray(result)) {
    const metrics: Record<string, number> = {};
    for (const [name, value] of Object.entries(result)) {
      if (typeof value !== 'number') {
        return {
          status: 'failed',
          kind: 'error',
          reason: `objective returned a metrics object whose '${name}' is ${describeValue(value)}; every metric must be a number`,
        };
      }
      metrics[name] = value;
    }
    return { status: 'complete', metrics };
  }
  return { status: 'failed', kind: 'error', reason: `objective returned ${describeValue(result)}; return a number or an object of numbers` };
}

/**
 * The outcome of an objective that threw. After cancel() anything thrown means 'cancelled', after
 * prune() it means 'pruned' (the objective stopped because its signal fired, with whatever error it
 * chose). Otherwise a TrialPrunedError is the objective pruning itself, a DivergedError (code
 * DIVERGED) is 'diverged', and anything else is 'error' with `${name}: ${message}`.
 */
export function outcomeOfError(error: unknown, stop: StopRequest | undefined): TrialOutcome {
  if (stop?.kind === 'cancel') return { status: 'failed', kind: 'cancelled', reason: stop.reason };
  if (stop?.kind === 'prune' || errorIs(error, 'TRIAL_PRUNED', 'TrialPrunedError')) return { status: 'pruned' };
  if (errorIs(error, 'DIVERGED', 'DivergedError')) return { status: 'failed', kind: 'diverged', reason: errorMessage(error) };
  return { status: 'failed', kind: 'error', reason: describeError(error) };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}
