import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';
import { START_CURSOR } from './start-cursor.js';
import { SweepReader } from './sweep-reader.js';
import type { ChangeCursor } from './types.js';

interface Seen {
  trials: Set<number>;
  metrics: number;
  events: number;
  /** Polls that found something new: proof the reads really interleaved with the writes. */
  fruitfulPolls: number;
  cursor: ChangeCursor;
}

function poll(reader: SweepReader, name: string, seen: Seen): void {
  const changes = reader.changesSince(name, seen.cursor);
  if (changes === undefined) throw new Error(`no sweep ${name}`);
  for (const trial of changes.trials) seen.trials.add(trial.number);
  seen.metrics += changes.metrics.length;
  seen.events += changes.events.length;
  if (changes.trials.length + changes.metrics.length + changes.events.length > 0) seen.fruitfulPolls += 1;
  seen.cursor = changes.cursor;
}

function fresh(): Seen {
  return { trials: new Set(), metrics: 0, events: 0, fruitfulPolls: 0, cursor: START_CURSOR };
}

describe('reading while the one writer writes', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir();
  });
  afterEach(() => temp.cleanup());

  it('interleaves writes and polls in one process without SQLITE_BUSY, each change seen once', () => {
    const path = temp.file('interleaved.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('live'));
    const reader = SweepReader.open(path);
    const seen = fresh();
    for (let number = 0; number < 300; number++) {
      store.createTrial(sweep.id, frozenTrial(number, { units: number }));
      store.updateTrial(sweep.id, number, { state: 'RUNNING', owner: 'me' });
      poll(reader, 'live', seen);
      store.appendMetrics(sweep.id, [
        { trialNumber: number, step: 1, metrics: { val_accuracy: 0.5, loss: 1 } },
        { trialNumber: number, step: 2, metrics: { val_accuracy: 0.6, loss: 0.8 } },
      ]);
      store.updateTrial(sweep.id, number, { state: 'COMPLETE', value: number / 300 });
      store.appendEvent(sweep.id, number, 'trial_completed', `trial ${number}`);
      poll(reader, 'live', seen);
      expect(reader.summary('live')?.counts.COMPLETE).toBe(number + 1);
    }
    expect(seen.trials.size).toBe(300);
    expect(seen.metrics).toBe(1200);
    expect(seen.events).toBe(300);
    expect(seen.fruitfulPolls).toBe(600);
    expect(reader.best('live')[0]?.number).toBe(299);
    reader.close();
    store.close();
  });

  it('reads for a second while a worker thread writes as fast as it can, without SQLITE_BUSY or lost rows', async () => {
    const path = temp.file('hammered.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('hammered'));
    store.createTrial(sweep.id, frozenTrial(0, { units: 0 }));
    store.close();

    const worker = new Worker(fileURLToPath(new URL('../test-support/hammer-writer.mjs', import.meta.url)), {
      workerData: { path, sweepId: sweep.id, firstNumber: 1, durationMs: 1_000 },
    });
    const messages: { ready?: boolean; trials?: number; metrics?: number; events?: number }[] = [];
    const done = new Promise<{ trials: number; metrics: number; events: number }>((resolve, reject) => {
      worker.on('message', (message: (typeof messages)[number]) => {
        messages.push(message);
        if (message.trials !== undefined) resolve(message as { trials: number; metrics: number; events: number });
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`writer exited with code ${code} before reporting`)));
    });
    await new Promise<void>((resolve) => worker.once('message', () => resolve()));

    const reader = SweepReader.open(path);
    const seen = fresh();
    let reads = 0;
    const end = Date.now() + 1_000;
    while (Date.now() < end) {
      poll(reader, 'hammered', seen);
      reader.listSweeps();
      reader.trials('hammered', { sort: 'started', order: 'desc', limit: 20 });
      reader.learningCurves('hammered', 'val_accuracy', [1, 2, 3]);
      reads += 1;
    }
    const written = await done;
    poll(reader, 'hammered', seen);

    expect(written.trials).toBeGreaterThan(10);
    expect(reads).toBeGreaterThan(10);
    expect(seen.fruitfulPolls).toBeGreaterThan(2);
    expect(seen.trials.size).toBe(written.trials + 1);
    expect(seen.metrics).toBe(written.metrics);
    expect(seen.events).toBe(written.events);
    expect(reader.summary('hammered')?.total).toBe(written.trials + 1);
    reader.close();
  });
});
