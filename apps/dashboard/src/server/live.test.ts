/**
 * Live streams against a database another OS process writes through the real writer, as
 * `sweep run` does while the dashboard is open.
 */
import { SweepReader } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCursor } from '../api/cursor.js';
import type { ChangesMessage, SweepsResponse, SweepSummary, TrialsResponse } from '../api/types.js';
import { startHarness, type Harness } from '../test-support/server-harness.js';
import { openSse, type SseMessage, type SseStream } from '../test-support/sse-reader.js';
import { startWriterProcess, type WriterProcess } from '../test-support/writer-process.js';

let harness: Harness;
let writer: WriterProcess;
let nextNumber = 100;

beforeAll(async () => {
  harness = await startHarness({ heartbeatMs: 100 });
  // The fixture's own writer connection stays open but idle; the other process writes.
  writer = await startWriterProcess(harness.dbPath);
});
afterAll(async () => {
  await writer.close();
  await harness.close();
});

const stream = (path: string, headers?: Record<string, string>) => openSse(`${harness.server.origin}${path}`, headers);
const changesWithTrial = (number: number, state: string) => (message: SseMessage) =>
  message.event === 'changes' && (message.data as ChangesMessage).trials.some((trial) => trial.number === number && trial.state === state);

async function writeTrial(value = 0.95): Promise<number> {
  const number = nextNumber++;
  await writer.send({ op: 'trial', sweep: 'strategies', number, value });
  return number;
}

describe('GET /api/sweeps/:name/stream', () => {
  it('pushes a trial another process writes, with its metrics, events and the new summary', async () => {
    const client = await stream('/api/sweeps/strategies/stream');
    try {
      expect(client.status).toBe(200);
      expect(client.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      // On connect: the summary as it is (no changes: it starts from now).
      const first = await client.waitFor((message) => message.event === 'summary');
      expect((first.data as SweepSummary).total).toBe(36);
      const number = await writeTrial(0.99);
      const message = await client.waitFor(changesWithTrial(number, 'COMPLETE'));
      const changes = message.data as ChangesMessage;
      expect(
        changes.metrics.filter((point) => point.trialNumber === number && point.name === 'val_accuracy').map((point) => [point.step, point.value]),
      ).toEqual([
        [1, 0.97],
        [2, 0.98],
        [3, 0.99],
      ]);
      expect(changes.events.map((event) => event.message)).toContain(`trial ${number} completed`);
      expect(message.id).toBe(formatCursor(changes.cursor));
      const summary = await client.waitFor((m) => m.event === 'summary' && (m.data as SweepSummary).total === 37);
      expect((summary.data as SweepSummary).best).toEqual({ number, value: 0.99 });
      // Nothing from before the connection was sent.
      expect(client.messages.filter((m) => m.event === 'changes').flatMap((m) => (m.data as ChangesMessage).trials.map((t) => t.number))).toEqual([number]);
    } finally {
      client.close();
    }
  });

  it('resumes from Last-Event-ID with exactly what was missed, and from ?cursor=', async () => {
    const reader = SweepReader.open(harness.dbPath);
    const startCursor = reader.cursor('strategies');
    reader.close();
    if (startCursor === undefined) throw new Error('fixture sweep strategies missing');
    const first = await stream('/api/sweeps/strategies/stream');
    const a = await writeTrial();
    const seen = await first.waitFor(changesWithTrial(a, 'COMPLETE'));
    first.close();
    const b = await writeTrial();
    const c = await writeTrial();
    const resumed = await stream('/api/sweeps/strategies/stream', { 'last-event-id': seen.id ?? '' });
    try {
      await resumed.waitFor(changesWithTrial(c, 'COMPLETE'));
      const trials = resumed.messages.filter((m) => m.event === 'changes').flatMap((m) => (m.data as ChangesMessage).trials.map((t) => t.number));
      expect(trials).toEqual([b, c]);
    } finally {
      resumed.close();
    }
    // ?cursor= from before `a`: all three arrive, in order, once.
    const fromCursor = await stream(`/api/sweeps/strategies/stream?cursor=${formatCursor(startCursor)}`);
    try {
      await fromCursor.waitFor(changesWithTrial(c, 'COMPLETE'));
      const trials = fromCursor.messages.filter((m) => m.event === 'changes').flatMap((m) => (m.data as ChangesMessage).trials.map((t) => t.number));
      expect(trials).toEqual([a, b, c]);
    } finally {
      fromCursor.close();
    }
  });

  it('shares one poller among the clients of a sweep, each getting every change once, and stops it after the last', async () => {
    const clients: SseStream[] = await Promise.all([
      stream('/api/sweeps/strategies/stream'),
      stream('/api/sweeps/strategies/stream'),
      stream('/api/sweeps/loss/stream'),
    ]);
    try {
      await Promise.all(clients.map((client) => client.waitFor((m) => m.event === 'summary')));
      expect(harness.server.watchedSweeps).toBe(2);
      const numbers = [await writeTrial(), await writeTrial(), await writeTrial()];
      const last = numbers.at(-1) ?? -1;
      for (const client of clients.slice(0, 2)) {
        await client.waitFor(changesWithTrial(last, 'COMPLETE'));
        const trials = client.messages
          .filter((m) => m.event === 'changes')
          .flatMap((m) => (m.data as ChangesMessage).trials.filter((t) => t.state === 'COMPLETE').map((t) => t.number));
        expect(trials).toEqual(numbers);
      }
      // The loss sweep did not change: its client got no changes.
      expect(clients[2]?.messages.filter((m) => m.event === 'changes')).toEqual([]);
    } finally {
      for (const client of clients) client.close();
    }
    await expect.poll(() => harness.server.watchedSweeps, { timeout: 5000 }).toBe(0);
  });

  it('sends heartbeats while nothing changes', async () => {
    const client = await stream('/api/sweeps/loss/stream');
    try {
      await expect.poll(() => client.comments.filter((comment) => comment === 'heartbeat').length, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    } finally {
      client.close();
    }
  });
});

describe('a resume too far behind', () => {
  it('gets a reset with the cursor to follow on from, instead of every missed change', async () => {
    const own = await startHarness({ maxCatchUpMetrics: 50 });
    try {
      // The fixture wrote far more than 50 metric values: resuming from the start is too far.
      const client = await openSse(`${own.server.origin}/api/sweeps/strategies/stream?cursor=0.0.0`);
      const reset = await client.waitFor((m) => m.event === 'reset');
      const reader = SweepReader.open(own.dbPath);
      const now = reader.cursor('strategies');
      if (now === undefined) throw new Error('fixture sweep strategies missing');
      const nearCursor = { ...now, metricId: now.metricId - 10 };
      const nearMetrics = reader.changesSince('strategies', nearCursor)?.metrics.length;
      reader.close();
      expect(reset.data).toEqual({ reason: 'too far behind to catch up; reload the sweep', cursor: now });
      expect(reset.id).toBe(formatCursor(now));
      await client.waitFor((m) => m.event === 'summary');
      expect(client.messages.filter((m) => m.event === 'changes')).toEqual([]);
      client.close();
      // Close behind (10 metric ids, some of them the loss sweep's): the changes themselves.
      const near = await openSse(`${own.server.origin}/api/sweeps/strategies/stream?cursor=${formatCursor(nearCursor)}`);
      const changes = await near.waitFor((m) => m.event === 'changes');
      expect(nearMetrics).toBeGreaterThan(0);
      expect((changes.data as ChangesMessage).metrics).toHaveLength(nearMetrics ?? -1);
      near.close();
    } finally {
      await own.close();
    }
  });
});

describe('the sweep overview while trials report', () => {
  it('picks up a metric name first reported after the dashboard read the names', async () => {
    const before = (await harness.get<{ metricNames: string[] }>('/api/sweeps/strategies')).body.metricNames;
    expect(before).toEqual(['loss', 'val_accuracy']);
    const sweepId = harness.fixture.sweeps['strategies']?.id ?? -1;
    harness.fixture.store.appendMetrics(sweepId, [{ trialNumber: 34, step: 2, metrics: { val_accuracy: 0.75, val_f1: 0.7 } }]);
    expect((await harness.get<{ metricNames: string[] }>('/api/sweeps/strategies')).body.metricNames).toEqual(['loss', 'val_accuracy', 'val_f1']);
    expect((await harness.get('/api/sweeps/strategies/curves?metric=val_f1')).body).toEqual({
      metric: 'val_f1',
      curves: [{ trial: 34, state: 'RUNNING', points: [[2, 0.7]] }],
    });
  });
});

describe('GET /api/stream', () => {
  it('sends the sweeps list at once and again when a sweep changes', async () => {
    const client = await stream('/api/stream');
    try {
      const first = await client.waitFor((m) => m.event === 'sweeps');
      const before = (first.data as SweepsResponse).sweeps.find((sweep) => sweep.name === 'strategies')?.total ?? 0;
      await writeTrial();
      const next = await client.waitFor(
        (m) => m.event === 'sweeps' && (m.data as SweepsResponse).sweeps.find((sweep) => sweep.name === 'strategies')?.total === before + 1,
      );
      expect((next.data as SweepsResponse).sweeps.map((sweep) => sweep.name)).toEqual(['strategies', 'loss', 'empty']);
    } finally {
      client.close();
    }
  });
});

describe('reading while another process writes', () => {
  it('answers every request with a consistent snapshot while hundreds of trials are committed', async () => {
    const flood = writer.send({ op: 'flood', sweep: 'strategies', from: 10_000, count: 300 });
    let done = false;
    void flood.then(() => (done = true));
    const totals: number[] = [];
    let requests = 0;
    while (!done || requests < 20) {
      const [list, overview] = await Promise.all([
        harness.get<TrialsResponse>('/api/sweeps/strategies/trials?state=COMPLETE'),
        harness.get<{ summary: SweepSummary }>('/api/sweeps/strategies'),
      ]);
      expect(list.status).toBe(200);
      expect(overview.status).toBe(200);
      // One snapshot per response: the total is exactly the rows returned.
      expect(list.body.trials).toHaveLength(list.body.total);
      totals.push(list.body.total);
      requests += 1;
    }
    await flood;
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    expect(new Set(totals).size).toBeGreaterThan(1);
    const final = await harness.get<TrialsResponse>('/api/sweeps/strategies/trials?state=COMPLETE&param.optimizer=adam&limit=1');
    expect(final.body.total).toBeGreaterThanOrEqual(300);
  });
});

describe('closing', () => {
  it('ends open streams and closes promptly', async () => {
    const own = await startHarness({ heartbeatMs: 60_000 });
    const client = await openSse(`${own.server.origin}/api/sweeps/strategies/stream`);
    await client.waitFor((m) => m.event === 'summary');
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(fetch(`${own.server.origin}/api/health`)).rejects.toThrow();
    client.close();
  });
});
