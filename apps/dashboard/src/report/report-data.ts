/**
 * A sweep's report as data (issue 14): a pure function of the store's reads. The verdicts are
 * core's judgeStrategies through buildComparison, called as `sweep compare` calls it, and the
 * importance is the dashboard's PED-ANOVA; nothing here judges or ranks on its own.
 */
import {
  comparisonProtocolOf,
  constraintsOf,
  frontObjectivesOf,
  isVectorSweep,
  objectivesOf,
  SEARCH_STAGE,
  summarizeFront,
  validateSweepSpec,
  type SweepRecord,
  type SweepSpec,
} from '@loopsweep/core';
import type { SweepReader, TrialRow } from '@loopsweep/store';
import type {
  BestConfigCurve,
  FailureGroup,
  ReportComparison,
  ReportData,
  ReportEnvironment,
  ReportFailures,
  ReportSetup,
  ReportSlices,
  ReportTradeoffs,
} from '../api/report-types.js';
import type { ParamInfo, StrategyComparisonResponse } from '../api/types.js';
import { buildComparison } from '../server/comparison.js';
import { computeImportance } from '../server/importance.js';
import { sweepParameters, sweepSettings } from '../server/sweep-spec-info.js';

/** At most this many values of `--by` are judged when none is asked for. */
const DEFAULT_BY_LIMIT = 4;
/** Slice plots of this many most important params. */
const SLICE_PARAMS = 6;
/** A slice plot draws at most this many trials (an even sample plus the best), so a 10,000-trial report stays small. */
export const SLICE_TRIALS = 1500;
const BEST_TRIALS = 10;

export interface ReportOptions {
  /** The params to judge; default: the `compare:` block's, else the first categorical params (not conditional, 2+ values). */
  readonly by?: readonly string[];
  readonly environment: ReportEnvironment;
  readonly now: number;
}

/** The categorical params of a sweep, which `--by` may name. */
export function categoricalParams(sweep: SweepRecord): string[] {
  return sweepParameters(sweep)
    .filter((p) => p.kind === 'categorical')
    .map((p) => p.name);
}

export function defaultReportBy(sweep: SweepRecord): string[] {
  const protocol = comparisonProtocolOf(sweep.spec);
  if (protocol !== undefined) return [protocol.by];
  return sweepParameters(sweep)
    .filter((p) => p.kind === 'categorical' && !p.conditional && (p.values?.length ?? 0) >= 2)
    .slice(0, DEFAULT_BY_LIMIT)
    .map((p) => p.name);
}

/** The first of `by` that is not a categorical param of the sweep, or undefined when all are. */
export function unknownBy(sweep: SweepRecord, by: readonly string[]): string | undefined {
  const known = categoricalParams(sweep);
  return by.find((name) => !known.includes(name));
}

const duration = (row: TrialRow): number => (row.startedAt !== undefined && row.finishedAt !== undefined ? Math.max(0, row.finishedAt - row.startedAt) : 0);

function ranOn(reader: SweepReader, name: string): ReportSetup['ranOn'] {
  const trials = new Map<string, Set<number>>();
  for (const event of reader.events(name, { limit: 1_000_000 })) {
    if (event.kind !== 'info' || event.trialNumber === undefined) continue;
    if (!event.message.startsWith('backend ') && !event.message.startsWith('agent ')) continue;
    // An agent line names the job too; what matters is the machine, so it is kept up to "took it".
    const line = event.message.replace(/ took .*$/, '');
    let set = trials.get(line);
    if (set === undefined) trials.set(line, (set = new Set()));
    set.add(event.trialNumber);
  }
  return [...trials.entries()].map(([line, set]) => ({ line, trials: set.size })).sort((a, b) => b.trials - a.trials);
}

function setupOf(reader: SweepReader, sweep: SweepRecord, rows: readonly TrialRow[], running: boolean, now: number): ReportSetup {
  const spec = (typeof sweep.spec === 'object' && sweep.spec !== null ? sweep.spec : {}) as Record<string, unknown>;
  const settings = sweepSettings(sweep);
  const times = reader.trialTimes(sweep.name);
  const end = running ? now : times.lastFinishedAt;
  const specFile = `${sweep.name}.json`;
  return {
    objective: sweep.objective,
    dataset: spec['dataset'] ?? null,
    budget: settings.budget,
    sampler: settings.sampler,
    pruner: settings.pruner,
    compare: spec['compare'] ?? null,
    parameters: sweepParameters(sweep),
    ranOn: ranOn(reader, sweep.name),
    ...(times.firstStartedAt === undefined ? {} : { firstStartedAt: times.firstStartedAt }),
    ...(times.lastFinishedAt === undefined ? {} : { lastFinishedAt: times.lastFinishedAt }),
    ...(times.firstStartedAt === undefined || end === undefined ? {} : { wallMs: Math.max(0, end - times.firstStartedAt) }),
    trialHours: rows.reduce((sum, row) => sum + duration(row), 0) / 3_600_000,
    seed: sweep.seed,
    specHash: sweep.specHash,
    spec: sweep.spec,
    specFile,
    command: `sweep run ${specFile}`,
  };
}

/** Per step: the mean of the trials' values with their min and max. */
function meanCurve(curves: Map<number, [number, number][]>, trials: readonly number[]): BestConfigCurve['points'] {
  const byStep = new Map<number, number[]>();
  for (const trial of trials)
    for (const [step, value] of curves.get(trial) ?? []) {
      if (!Number.isFinite(value)) continue;
      let list = byStep.get(step);
      if (list === undefined) byStep.set(step, (list = []));
      list.push(value);
    }
  return [...byStep.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([step, values]) => ({
      step,
      mean: values.reduce((s, v) => s + v, 0) / values.length,
      low: Math.min(...values),
      high: Math.max(...values),
      n: values.length,
    }));
}

/** Each value's best configuration: its replicates (a protocol's confirmation), else its best trial alone. */
function bestCurves(reader: SweepReader, sweep: SweepRecord, comparison: StrategyComparisonResponse): BestConfigCurve[] {
  const wanted = comparison.groups.flatMap((g) => {
    if (g.replicates.length > 0) return [{ label: g.label, trial: g.replicates[0]?.origin ?? g.best_trial ?? -1, trials: g.replicates.map((r) => r.trial) }];
    return g.best_trial === null ? [] : [{ label: g.label, trial: g.best_trial, trials: [g.best_trial] }];
  });
  if (wanted.length === 0) return [];
  const curves = reader.learningCurves(
    sweep.name,
    sweep.metric,
    wanted.flatMap((w) => w.trials),
  );
  return wanted.map((w) => ({ ...w, points: meanCurve(curves, w.trials) })).filter((c) => c.points.length > 0);
}

/** Numbers in a reason (epochs, losses, trial numbers) become N, so alike failures group. */
export const reasonPattern = (reason: string): string => reason.replace(/-?\d+(\.\d+)?(e[-+]?\d+)?/gi, 'N');

function failuresOf(rows: readonly TrialRow[]): ReportFailures {
  const groups = new Map<string, { kind: FailureGroup['kind']; reason: string; trials: number[]; example: string }>();
  for (const row of rows) {
    if (row.state !== 'FAILED') continue;
    const example = row.failureReason ?? '(no reason recorded)';
    const kind = /diverged/i.test(example) ? 'diverged' : 'failed';
    const reason = reasonPattern(example);
    const key = `${kind}\u0000${reason}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { kind, reason, trials: [], example }));
    group.trials.push(row.number);
  }
  const atStep = new Map<number, number>();
  for (const row of rows) if (row.state === 'PRUNED' && row.lastStep !== undefined) atStep.set(row.lastStep, (atStep.get(row.lastStep) ?? 0) + 1);
  const list = [...groups.values()].map((g) => ({ kind: g.kind, reason: g.reason, count: g.trials.length, trials: g.trials.slice(0, 10), example: g.example }));
  return {
    failed: list.reduce((s, g) => s + g.count, 0),
    diverged: list.filter((g) => g.kind === 'diverged').reduce((s, g) => s + g.count, 0),
    groups: list.sort((a, b) => b.count - a.count),
    pruned: rows.filter((r) => r.state === 'PRUNED').length,
    finished: rows.filter((r) => r.state === 'COMPLETE' || r.state === 'PRUNED' || r.state === 'FAILED').length,
    prunedAtStep: [...atStep.entries()].sort((a, b) => a[0] - b[0]).map(([step, trials]) => ({ step, trials })),
  };
}

/** Every COMPLETE search trial, or beyond SLICE_TRIALS an even sample by number plus the best ones. */
function slicesOf(rows: readonly TrialRow[], params: readonly ParamInfo[], best: readonly TrialRow[]): ReportSlices | undefined {
  if (params.length === 0) return undefined;
  const complete = rows.filter(
    (r) => r.state === 'COMPLETE' && r.value !== undefined && Number.isFinite(r.value) && (r.stage ?? SEARCH_STAGE) === SEARCH_STAGE,
  );
  if (complete.length === 0) return undefined;
  let kept = complete;
  if (complete.length > SLICE_TRIALS) {
    const stride = complete.length / (SLICE_TRIALS - best.length);
    const numbers = new Set(best.map((b) => b.number));
    for (let i = 0; i < SLICE_TRIALS - best.length; i++) numbers.add(complete[Math.floor(i * stride)]!.number);
    kept = complete.filter((r) => numbers.has(r.number));
  }
  return {
    params,
    trials: kept.map((r) => ({ number: r.number, state: r.state, params: r.params, ...(r.value === undefined ? {} : { value: r.value }) })),
    complete: complete.length,
  };
}

/** The stored spec, validated again, of a sweep with two or more objectives; undefined otherwise (or when it no longer validates). */
function multiObjectiveSpec(sweep: SweepRecord): SweepSpec | undefined {
  const raw = sweep.spec;
  if (typeof raw !== 'object' || raw === null || !isVectorSweep(raw as Pick<SweepSpec, 'metric' | 'metrics' | 'constraints'>)) return undefined;
  try {
    const spec = validateSweepSpec(raw, `stored for sweep '${sweep.name}'`);
    return objectivesOf(spec).length > 1 ? spec : undefined;
  } catch {
    return undefined;
  }
}

/** core's summarizeFront over the COMPLETE trials' final values (a PRUNED trial's are from an earlier epoch). */
export function tradeoffsOf(reader: SweepReader, sweep: SweepRecord, rows: readonly TrialRow[]): ReportTradeoffs | undefined {
  const spec = multiObjectiveSpec(sweep);
  if (spec === undefined) return undefined;
  const objectives = objectivesOf(spec);
  const constraints = constraintsOf(spec);
  const finalValues = reader.finalValues(sweep.name);
  const complete = new Map(rows.filter((row) => row.state === 'COMPLETE').map((row) => [row.number, row]));
  const valued = [...complete.keys()].flatMap((number) => {
    const values = finalValues.get(number);
    return values === undefined ? [] : [{ number, values }];
  });
  const summary = summarizeFront(valued, frontObjectivesOf(spec), constraints);
  const names = objectives.map((objective) => objective.name);
  for (const constraint of constraints) if (!names.includes(constraint.metric)) names.push(constraint.metric);
  const front = summary.front.map((member) => {
    const values = finalValues.get(member.number) ?? {};
    return {
      number: member.number,
      values: Object.fromEntries(names.filter((name) => values[name] !== undefined).map((name) => [name, values[name] as number])),
      contribution: member.contribution,
      params: complete.get(member.number)?.params ?? {},
    };
  });
  const extremes = objectives.flatMap((objective, i) => {
    const sign = objective.goal === 'maximize' ? -1 : 1;
    let best: { number: number; value: number } | undefined;
    for (const member of summary.front) {
      const value = member.values[i] as number;
      if (best === undefined || sign * (value - best.value) < 0) best = { number: member.number, value };
    }
    return best === undefined ? [] : [{ metric: objective.name, goal: objective.goal, ...best }];
  });
  const reference = summary.reference;
  return {
    objectives: objectives.map((objective) => ({ name: objective.name, goal: objective.goal })),
    constraints,
    front,
    considered: summary.considered,
    infeasible: summary.infeasible,
    hypervolume: summary.hypervolume,
    reference: reference === undefined ? null : Object.fromEntries(objectives.map((objective, i) => [objective.name, reference[i] as number])),
    referenceSource: summary.referenceSource,
    extremes,
  };
}

/**
 * @throws RangeError when a name in `options.by` is not a categorical param (check with unknownBy first)
 */
export function buildReportData(reader: SweepReader, sweep: SweepRecord, options: ReportOptions): ReportData {
  return reader.snapshot(() => {
    const summary = reader.summary(sweep.name);
    if (summary === undefined) throw new RangeError(`no sweep named '${sweep.name}'`);
    const rows = reader.trials(sweep.name, {});
    const running = sweep.status === 'running' || summary.counts.RUNNING > 0 || summary.counts.QUEUED > 0;
    const by = options.by ?? defaultReportBy(sweep);
    const missing = unknownBy(sweep, by);
    if (missing !== undefined) throw new RangeError(`'${missing}' is not a categorical parameter of sweep '${sweep.name}'`);
    const comparisons: ReportComparison[] = by.map((name) => {
      const comparison = buildComparison(reader, rows, sweep, name, sweep.metric);
      return { by: name, comparison, curves: bestCurves(reader, sweep, comparison) };
    });
    const varying = sweepParameters(sweep).filter((p) => p.kind === 'numeric' || (p.values?.length ?? 0) >= 2);
    const complete = rows.filter((r) => r.state === 'COMPLETE').length;
    const importance = complete >= 2 ? computeImportance(reader, rows, sweep, sweep.metric) : undefined;
    const ranked = importance?.importances.map((i) => varying.find((p) => p.name === i.param)).filter((p): p is ParamInfo => p !== undefined) ?? varying;
    const best = reader.best(sweep.name, BEST_TRIALS);
    const slices = slicesOf(rows, ranked.slice(0, SLICE_PARAMS), best);
    const tradeoffs = tradeoffsOf(reader, sweep, rows);
    return {
      version: 1,
      generatedAt: options.now,
      sweep: {
        name: sweep.name,
        status: sweep.status,
        metric: sweep.metric,
        direction: sweep.direction,
        createdAt: sweep.createdAt,
        ...(sweep.finishedAt === undefined ? {} : { finishedAt: sweep.finishedAt }),
        counts: summary.counts,
        total: summary.total,
      },
      environment: options.environment,
      setup: setupOf(reader, sweep, rows, running, options.now),
      comparisons,
      ...(importance === undefined || importance.importances.length === 0 ? {} : { importance }),
      ...(slices === undefined ? {} : { slices }),
      best,
      failures: failuresOf(rows),
      ...(tradeoffs === undefined ? {} : { tradeoffs }),
    };
  });
}

/** Whether the sweep was still going when the report was written. */
export const isRunning = (data: ReportData): boolean => data.sweep.status === 'running' || data.sweep.counts.RUNNING > 0 || data.sweep.counts.QUEUED > 0;
