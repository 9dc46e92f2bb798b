/** GET /api/sweeps/:name — a sweep's page header: summary, settings, params, best trial, pace. */
import type { SweepRecord } from '@loopsweep/core';
import type { SweepSummary, TrialTimes } from '@loopsweep/store';
import type { SweepOverview } from '../api/types.js';
import { cached, type DashboardContext } from './context.js';
import { multiObjectiveInfo, sweepParameters, sweepSettings } from './sweep-spec-info.js';

const HOUR_MS = 3_600_000;

/** Throughput, elapsed time and ETA from the trials' times; absent where they cannot be known yet. */
export function pace(
  summary: SweepSummary,
  times: TrialTimes,
  budgetTrials: number | undefined,
  now: number,
): Pick<SweepOverview, 'throughputPerHour' | 'elapsedMs' | 'etaMs'> {
  if (times.firstStartedAt === undefined) return {};
  const running = summary.status === 'running';
  const end = running ? now : (times.lastFinishedAt ?? now);
  const elapsedMs = Math.max(0, end - times.firstStartedAt);
  const finished = summary.counts.COMPLETE + summary.counts.PRUNED + summary.counts.FAILED;
  if (finished === 0 || elapsedMs === 0) return { elapsedMs };
  const throughputPerHour = (finished / elapsedMs) * HOUR_MS;
  const left = budgetTrials === undefined ? undefined : budgetTrials - finished;
  const etaMs = running && left !== undefined && left > 0 ? (left / throughputPerHour) * HOUR_MS : undefined;
  return { throughputPerHour, elapsedMs, ...(etaMs === undefined ? {} : { etaMs }) };
}

export function buildOverview(context: DashboardContext, sweep: SweepRecord): SweepOverview {
  const { reader } = context;
  const metricNames = context.metricNames.of(sweep.name);
  // Everything but the pace is kept until the next commit; the pace moves with the clock.
  const { times, ...stored } = cached(context, `overview:${sweep.name}`, () =>
    reader.snapshot(() => {
      const [bestTrial] = reader.best(sweep.name, 1);
      const multiObjective = multiObjectiveInfo(sweep);
      return {
        summary: reader.summary(sweep.name) as SweepSummary,
        ...sweepSettings(sweep),
        parameters: sweepParameters(sweep),
        ...(bestTrial === undefined ? {} : { bestTrial }),
        times: reader.trialTimes(sweep.name),
        cursor: reader.cursor(sweep.name) ?? { trialUpdatedAt: 0, metricId: 0, eventId: 0 },
        ...(multiObjective === undefined ? {} : { multiObjective }),
      };
    }),
  );
  return { ...stored, metricNames, ...pace(stored.summary, times, stored.budget.trials, context.now()) };
}
