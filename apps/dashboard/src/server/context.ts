/** What every route shares: the one read-only database handle, the cache of derived answers, the live feeds. */
import type { SweepRecord } from '@loopsweep/core';
import type { SweepReader } from '@loopsweep/store';
import { notFound } from './api-error.js';
import type { DerivedCache } from './derived-cache.js';
import type { FeedHub } from './live/feed-hub.js';
import type { MetricNames } from './metric-names.js';
import type { TrialLists } from './trial-list.js';

export interface DashboardContext {
  readonly reader: SweepReader;
  readonly cache: DerivedCache;
  readonly hub: FeedHub;
  readonly metricNames: MetricNames;
  readonly trialLists: TrialLists;
  /** The dashboard package's version, for /api/health. */
  readonly version: string;
  /** The clock for elapsed time and ETA (tests pin it). */
  readonly now: () => number;
}

/** `compute()`'s answer for `key`, computed again only after another connection committed. */
export function cached<T>(context: DashboardContext, key: string, compute: () => T): T {
  return context.cache.get(context.reader.dataVersion(), key, compute);
}

/** @throws {ApiError} 404 naming the sweeps there are, when there is no sweep called `name`. */
export function requireSweep(context: DashboardContext, name: string): SweepRecord {
  const sweep = context.reader.getSweep(name);
  if (sweep !== undefined) return sweep;
  const names = context.reader.listSweeps().map((summary) => summary.name);
  const shown = names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '');
  throw notFound(
    `no sweep named '${name}'`,
    names.length === 0 ? 'the database holds no sweeps yet; start one with `sweep run <spec>`' : `sweeps in this database: ${shown}`,
  );
}
