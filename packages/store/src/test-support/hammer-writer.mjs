// A writer in a worker thread for the concurrency test: for `durationMs` it commits small
// transactions as fast as it can — a new trial, 20 metric rows, an event with a long message (so
// the WAL grows and auto-checkpoints run under the reader) — on a connection set up as
// SqliteTrialStore sets up its own. Plain JS with the driver and the store's SQL: a worker thread
// cannot load the TypeScript sources the tests run on.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { path, sweepId, firstNumber, durationMs } = workerData;
const db = new Database(path);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');

const stamp = db.prepare('SELECT MAX(updated_at) AS last FROM trials WHERE sweep_id = ?');
const insertTrial = db.prepare("INSERT INTO trials (sweep_id, number, state, params, attempt, updated_at) VALUES (?, ?, 'RUNNING', ?, 1, ?)");
const insertMetric = db.prepare('INSERT OR REPLACE INTO metrics (trial_id, name, step, value) VALUES (?, ?, ?, ?)');
const insertEvent = db.prepare("INSERT INTO events (sweep_id, trial_number, at, kind, message) VALUES (?, ?, ?, 'info', ?)");
const commit = db.transaction((number) => {
  const last = stamp.get(sweepId).last ?? 0;
  const trialId = Number(insertTrial.run(sweepId, number, JSON.stringify({ units: number }), Math.max(Date.now(), last + 1)).lastInsertRowid);
  for (let step = 0; step < 10; step++) {
    insertMetric.run(trialId, 'val_accuracy', step, step / 10);
    insertMetric.run(trialId, 'loss', step, 1 - step / 10);
  }
  insertEvent.run(sweepId, number, Date.now(), `trial ${number} `.padEnd(2048, '.'));
});

parentPort.postMessage({ ready: true });
const end = Date.now() + durationMs;
let trials = 0;
while (Date.now() < end) {
  commit.immediate(firstNumber + trials);
  trials += 1;
}
db.close();
parentPort.postMessage({ trials, metrics: trials * 20, events: trials });
