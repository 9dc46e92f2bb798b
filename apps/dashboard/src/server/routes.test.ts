/** Every route of API.md against a real SQLite file written by the real writer, over real HTTP. */
import { describeStrategies, judgeStrategies, mixSeed } from '@loopsweep/core';
import { comparableTrials } from '@loopsweep/store';
import { SweepReader } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CurvesResponse,
  EventsResponse,
  HealthResponse,
  ImportanceResponse,
  StrategyComparisonResponse,
  SweepOverview,
  SweepsResponse,
  TrialDetailResponse,
  TrialsResponse,
} from '../api/types.js';
import { CLOCK_START } from '../test-support/fixture-sweeps.js';
import { startHarness, type Harness } from '../test-support/server-harness.js';

let harness: Harness;
let reader: SweepReader;

beforeAll(async () => {
  harness = await startHarness({ now: () => CLOCK_START + 3_600_000 });
  reader = SweepReader.open(harness.dbPath);
});
afterAll(async () => {
  reader.close();
  await harness.close();
});

const numbers = (trials: readonly { number: number }[]) => trials.map((trial) => trial.number);

describe('GET /api/health', () => {
  it('says it is up, read-only, and names the database file only', async () => {
    const { status, body, headers } = await harness.get<HealthResponse>('/api/health');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body).toEqual({ ok: true, version: '0.1.0', database: 'sweeps.db', readOnly: true });
  });
});

describe('GET /api/sweeps', () => {
  it('lists every sweep with counts by state, best value and times', async () => {
    const { status, body } = await harness.get<SweepsResponse>('/api/sweeps');
    expect(status).toBe(200);
    expect(body.sweeps.map((sweep) => sweep.name)).toEqual(['strategies', 'loss', 'empty']);
    const [strategies, loss, empty] = body.sweeps;
    expect(strategies).toMatchObject({
      objective: 'noop',
      status: 'running',
      metric: 'val_accuracy',
      direction: 'maximize',
      total: 36,
      startedAt: CLOCK_START,
    });
    expect(strategies?.counts).toEqual({ QUEUED: 1, RUNNING: 1, COMPLETE: 29, PRUNED: 4, FAILED: 1 });
    expect(strategies?.best).toEqual({ number: reader.best('strategies')[0]?.number, value: reader.best('strategies')[0]?.value });
    expect(loss).toMatchObject({ status: 'finished', direction: 'minimize', best: { number: 1, value: 0.1 } });
    expect(loss?.finishedAt).toBeGreaterThan(CLOCK_START);
    expect(empty).toMatchObject({ total: 0 });
    expect(empty?.best).toBeUndefined();
  });
});

describe('GET /api/sweeps/:name', () => {
  it('gives the summary, settings, params as charts need them, metric names, best trial, pace and cursor', async () => {
    const { status, body } = await harness.get<SweepOverview>('/api/sweeps/strategies');
    expect(status).toBe(200);
    expect(body.summary).toEqual(reader.summary('strategies'));
    expect(body).toMatchObject({
      objective: 'noop',
      budget: { trials: 60, parallel: 2, maxEpochs: 5 },
      sampler: { type: 'random', seed: 3 },
      pruner: { type: 'median' },
    });
    expect(body.parameters).toEqual([
      { name: 'optimizer', kind: 'categorical', values: ['sgd', 'momentum', 'adam'], conditional: false },
      { name: 'momentum', kind: 'numeric', log: false, range: [0.5, 0.99], conditional: true },
      { name: 'lr', kind: 'numeric', log: true, range: [0.0001, 0.1], conditional: false },
      { name: 'cell', kind: 'categorical', values: ['lstm', 'gru'], conditional: false },
      { name: 'units', kind: 'numeric', log: false, range: [8, 64], conditional: false },
    ]);
    expect(body.metricNames).toEqual(['loss', 'val_accuracy']);
    expect(body.bestTrial).toEqual(reader.best('strategies')[0]);
    expect(body.cursor).toEqual(reader.cursor('strategies'));
    // Running sweep: elapsed runs to "now" (pinned an hour after the clock start); 34 finished.
    const firstStart = reader.trialTimes('strategies').firstStartedAt ?? 0;
    const elapsed = CLOCK_START + 3_600_000 - firstStart;
    expect(body.elapsedMs).toBe(elapsed);
    expect(body.throughputPerHour).toBeCloseTo((34 / elapsed) * 3_600_000, 9);
    expect(body.etaMs).toBeCloseTo(((60 - 34) / (body.throughputPerHour ?? 1)) * 3_600_000, 3);
  });

  it('has no ETA for a finished sweep and no pace at all for an empty one', async () => {
    const loss = (await harness.get<SweepOverview>('/api/sweeps/loss')).body;
    expect(loss.etaMs).toBeUndefined();
    expect(loss.elapsedMs).toBeGreaterThan(0);
    const empty = (await harness.get<SweepOverview>('/api/sweeps/empty')).body;
    expect(empty).toMatchObject({ metricNames: [], parameters: [{ name: 'units', kind: 'numeric' }] });
    expect(empty.elapsedMs).toBeUndefined();
    expect(empty.bestTrial).toBeUndefined();
  });
});

describe('GET /api/sweeps/:name/trials', () => {
  it('returns all trials by number with the total', async () => {
    const { body } = await harness.get<TrialsResponse>('/api/sweeps/strategies/trials');
    expect(body.total).toBe(36);
    expect(numbers(body.trials)).toEqual(Array.from({ length: 36 }, (_, i) => i));
    expect(body.trials).toEqual(reader.trials('strategies'));
  });

  it('filters by states and params, sorts and pages, with the total before paging', async () => {
    const { body } = await harness.get<TrialsResponse>(
      '/api/sweeps/strategies/trials?state=COMPLETE&state=PRUNED&param.optimizer=adam&sort=value&order=desc&limit=3&offset=1',
    );
    const all = reader.trials('strategies', { states: ['COMPLETE', 'PRUNED'], params: { optimizer: 'adam' }, sort: 'value', order: 'desc' });
    expect(body.total).toBe(all.length);
    expect(body.total).toBeGreaterThan(4);
    expect(body.trials).toEqual(all.slice(1, 4));
    for (const trial of body.trials) expect(trial.params['optimizer']).toBe('adam');
  });

  it('takes several values of one param as "any of", numbers for numeric params, and a single state', async () => {
    const either = (await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?param.optimizer=adam&param.optimizer=sgd')).body;
    expect(either.total).toBe(reader.countTrials('strategies', { params: { optimizer: ['adam', 'sgd'] } }));
    expect(new Set(either.trials.map((trial) => trial.params['optimizer']))).toEqual(new Set(['adam', 'sgd']));
    const units = (await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?param.units=32')).body;
    expect(numbers(units.trials)).toEqual(numbers(reader.trials('strategies', { params: { units: 32 } })));
    expect(units.trials.some((trial) => trial.number === 34)).toBe(true);
    const failed = (await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?state=FAILED')).body;
    expect(failed).toMatchObject({ total: 1, trials: [{ number: 5, failureReason: 'diverged: loss is NaN at epoch 2, step 14' }] });
  });

  it('returns an empty list for the empty sweep', async () => {
    expect((await harness.get<TrialsResponse>('/api/sweeps/empty/trials')).body).toEqual({ total: 0, trials: [] });
  });

  it("sends each trial's seed and stage, and filters by stage", async () => {
    const { body } = await harness.get<TrialsResponse>('/api/sweeps/strategies/trials');
    // The fixture's trials were stored without seeds: each shows the one derived from the sweep's seed (3).
    expect(body.trials.slice(0, 2)).toMatchObject([
      { number: 0, seed: mixSeed(3, 0), stage: 'search' },
      { number: 1, seed: mixSeed(3, 1), stage: 'search' },
    ]);
    expect(body.trials.some((trial) => 'origin' in trial)).toBe(false);
    const search = (await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?stage=search&limit=2')).body;
    expect(search).toMatchObject({ total: 36, trials: [{ number: 0 }, { number: 1 }] });
    expect((await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?stage=rerun&stage=confirm')).body).toEqual({ total: 0, trials: [] });
  });
});

describe('GET /api/sweeps/:name/trials/:number', () => {
  it('returns params, state and reason, metrics per step (NaN as null) and events', async () => {
    const { status, body } = await harness.get<TrialDetailResponse>('/api/sweeps/strategies/trials/5');
    expect(status).toBe(200);
    expect(body).toMatchObject({ number: 5, state: 'FAILED', failureReason: 'diverged: loss is NaN at epoch 2, step 14', lastStep: 2 });
    expect(body.metrics).toEqual([
      { step: 1, values: { loss: 2, val_accuracy: 0.5 } },
      { step: 2, values: { loss: null, val_accuracy: 0.5 } },
    ]);
    expect(body.events.map((event) => event.kind)).toEqual(['trial_failed']);
  });
});

describe('GET /api/sweeps/:name/curves', () => {
  it("returns the asked trials' curves of a metric with their states", async () => {
    const { body } = await harness.get<CurvesResponse>('/api/sweeps/strategies/curves?metric=loss&trials=6,5,0');
    expect(body.metric).toBe('loss');
    expect(body.truncated).toBeUndefined();
    expect(body.curves.map((curve) => [curve.trial, curve.state])).toEqual([
      [0, 'COMPLETE'],
      [5, 'FAILED'],
      [6, 'PRUNED'],
    ]);
    expect(body.curves[1]?.points).toEqual([
      [1, 2],
      [2, null],
    ]);
    expect(body.curves[2]?.points).toEqual([
      [1, 1],
      [2, 0.5],
    ]);
  });

  it('defaults to the sweep metric and every trial with a point', async () => {
    const { body } = await harness.get<CurvesResponse>('/api/sweeps/strategies/curves');
    expect(body.metric).toBe('val_accuracy');
    // 35 trials reported (trial 35 is QUEUED).
    expect(body.curves).toHaveLength(35);
    expect(body.curves.find((curve) => curve.trial === 34)).toEqual({ trial: 34, state: 'RUNNING', points: [[1, 0.7]] });
  });
});

describe('GET /api/sweeps/:name/importance', () => {
  it('ranks params by PED-ANOVA over the completed trials, summing to 1', async () => {
    const { body } = await harness.get<ImportanceResponse>('/api/sweeps/strategies/importance');
    expect(body.method).toMatch(/PED-ANOVA/);
    expect(body.trialsUsed).toBe(29);
    expect(body.importances.map((entry) => entry.param).sort()).toEqual(['cell', 'lr', 'momentum', 'optimizer', 'units']);
    expect(body.importances.reduce((sum, entry) => sum + entry.importance, 0)).toBeCloseTo(1, 9);
    const values = body.importances.map((entry) => entry.importance);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('works on another metric (its last value per trial) and on an empty sweep', async () => {
    expect((await harness.get<ImportanceResponse>('/api/sweeps/strategies/importance?metric=loss')).body).toMatchObject({ metric: 'loss', trialsUsed: 29 });
    expect((await harness.get<ImportanceResponse>('/api/sweeps/empty/importance')).body).toEqual({
      method: expect.stringMatching(/PED-ANOVA/),
      metric: 'val_loss',
      importances: [{ param: 'units', importance: 0 }],
      trialsUsed: 0,
    });
  });
});

describe('GET /api/sweeps/:name/compare', () => {
  it("gives core's judgeStrategies verdict on the stored trials (what `sweep compare --json` prints) plus chart data per group", async () => {
    const { status, body } = await harness.get<StrategyComparisonResponse>('/api/sweeps/strategies/compare?by=optimizer');
    expect(status).toBe(200);
    const sweep = reader.getSweep('strategies')!;
    const expected = judgeStrategies(comparableTrials(reader.trials('strategies'), new Map()), { by: 'optimizer', direction: 'maximize', seed: sweep.seed });
    const { metric, views, ...verdict } = body;
    expect(metric).toBe('val_accuracy');
    expect(verdict).toEqual(JSON.parse(JSON.stringify(expected)));
    // An ordinary sweep: exploratory, never a winner.
    expect(body.mode).toBe('exploratory');
    expect(body.winner).toBeUndefined();
    expect(body.statement).not.toMatch(/\bwins?\b/);
    expect(views.map((v) => v.label)).toEqual(body.groups.map((g) => g.label));
    const described = describeStrategies(comparableTrials(reader.trials('strategies'), new Map()), 'optimizer', 'maximize').groups;
    for (const group of views) {
      const { values, bestSoFar, medianCurve, ...core } = group;
      const stats = described.find((d) => d.label === group.label)!;
      expect(core).toEqual(JSON.parse(JSON.stringify(stats)));
      expect(values).toHaveLength(group.complete);
      if (values.length === 0) continue;
      expect(Math.max(...values)).toBe(group.best);
      // Best so far only improves, and ends at the group's best trial.
      expect(bestSoFar.map(([, best]) => best)).toEqual([...bestSoFar.map(([, best]) => best)].sort((a, b) => a - b));
      expect(bestSoFar.at(-1)).toEqual([group.bestTrial, group.best]);
      expect(medianCurve.map((point) => point.step)).toEqual([1, 2, 3, 4, 5]);
      for (const point of medianCurve) expect(point.q1 <= point.median && point.median <= point.q3).toBe(true);
    }
    // The diverged trial is adam's failure.
    expect(views.find((v) => v.label === 'adam')).toMatchObject({ failed: 1, diverged: 1, running: 1 });
  });

  it('judges at the confidence asked for (as `sweep compare --confidence`), and refuses one outside (0, 1)', async () => {
    const { status, body } = await harness.get<StrategyComparisonResponse>('/api/sweeps/strategies/compare?by=optimizer&confidence=0.8');
    expect(status).toBe(200);
    const sweep = reader.getSweep('strategies')!;
    const expected = judgeStrategies(comparableTrials(reader.trials('strategies'), new Map()), {
      by: 'optimizer',
      direction: 'maximize',
      seed: sweep.seed,
      confidence: 0.8,
    });
    const { metric: _metric, views: _views, ...verdict } = body;
    expect(verdict).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.confidence).toBe(0.8);
    for (const bad of ['1', '0', 'high']) {
      const refused = await harness.get<{ error: { code: string; message: string } }>(`/api/sweeps/strategies/compare?by=optimizer&confidence=${bad}`);
      expect(refused.status, bad).toBe(400);
      expect(refused.body.error.message, bad).toMatch(/confidence/);
    }
  });

  it("draws median curves of another metric while judging the sweep's", async () => {
    const byMetric = (await harness.get<StrategyComparisonResponse>('/api/sweeps/strategies/compare?by=cell&metric=loss')).body;
    const byDefault = (await harness.get<StrategyComparisonResponse>('/api/sweeps/strategies/compare?by=cell')).body;
    expect(byMetric.metric).toBe('loss');
    expect(byMetric.statement).toBe(byDefault.statement);
    // loss = 1/step: the median at step 2 is 0.5 whatever the group.
    expect(byMetric.views[0]?.medianCurve.find((point) => point.step === 2)?.median).toBe(0.5);
  });
});

describe('GET /api/sweeps/:name/events', () => {
  it('pages events by id', async () => {
    const all = (await harness.get<EventsResponse>('/api/sweeps/strategies/events')).body.events;
    expect(all).toEqual(reader.events('strategies'));
    const page = (await harness.get<EventsResponse>(`/api/sweeps/strategies/events?after=${all[2]?.id}&limit=2`)).body.events;
    expect(page).toEqual(all.slice(3, 5));
  });
});
