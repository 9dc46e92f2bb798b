import type Database from 'better-sqlite3';
import {
  StoreError,
  type EventKind,
  type FrozenTrial,
  type MetricRow,
  type NewSweep,
  type StoredTrial,
  type SweepRecord,
  type SweepStatus,
  type TrialStore,
  type TrialUpdate,
  type CheckpointKey,
} from '@loopsweep/core';
import { encodeParams, paramCell } from './codec/params.js';
import { SWEEP_COLUMNS, toSweepRecord, type SweepRow } from './codec/sweep-row.js';
import { TRIAL_COLUMNS, toStoredTrial, type TrialRowData } from './codec/trial-row.js';
import { guarded } from './errors/store-failure.js';
import { openWritable } from './sqlite/open-writable.js';
import { StatementCache } from './sqlite/statement-cache.js';
import { nextChangeStamp } from './writer/change-stamp.js';
import { trackedCurves } from './writer/curves.js';
import { withVectors, writeValues } from './writer/trial-values.js';
import { provenanceColumns } from './writer/trial-provenance.js';
import { updatedColumns } from './writer/update-columns.js';

export interface SqliteTrialStoreOptions {
  /** Epoch ms for the times the store stamps itself (created, started, finished, events). Default Date.now. */
  readonly clock?: () => number;
}

const INSERT_METRIC = 'INSERT OR REPLACE INTO metrics (trial_id, name, step, value) VALUES (?, ?, ?, ?)';
const FINAL_STATUSES: readonly SweepStatus[] = ['finished', 'failed', 'interrupted'];

/**
 * The TrialStore on one SQLite file: the orchestrator's main thread is its one writer (DESIGN.md).
 * Each method is one transaction (writes take the lock at BEGIN IMMEDIATE, so they never fail
 * half-way on a lock upgrade); statements are prepared once and reused.
 *
 * @remarks Every method throws StoreError (code 'STORE') whose message names the operation and
 * the file, with the driver's error as `cause`; after `close()` every method throws one too.
 */
export class SqliteTrialStore implements TrialStore {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #statements: StatementCache;
  readonly #clock: () => number;

  private constructor(path: string, db: Database.Database, clock: () => number) {
    this.path = path;
    this.#db = db;
    this.#statements = new StatementCache(db);
    this.#clock = clock;
  }

  /**
   * Opens the database at `path` for writing, creating the file (and missing parent directories)
   * and bringing its schema up to date.
   * @throws {StoreError} "cannot create <path>: <reason>; pass --db with a writable path" when it
   *   cannot be created or written; when the file is not a loopsweep database; when a newer
   *   loopsweep wrote it ("… upgrade loopsweep"); when a migration fails.
   */
  static open(path: string, options: SqliteTrialStoreOptions = {}): SqliteTrialStore {
    return new SqliteTrialStore(path, openWritable(path), options.clock ?? Date.now);
  }

  /** @throws {StoreError} when a sweep of that name exists: resume it or rename the new one. */
  createSweep(sweep: NewSweep): SweepRecord {
    return this.#write('create sweep', () => {
      if (this.#sweepRowByName(sweep.name) !== undefined) {
        throw new StoreError(
          `a sweep named '${sweep.name}' already exists in ${this.path}; resume it with \`sweep resume ${sweep.name}\` or give the new sweep another name`,
        );
      }
      const { lastInsertRowid } = this.#statements
        .get('INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(sweep.name, JSON.stringify(sweep.spec), sweep.specHash, sweep.metric, sweep.direction, sweep.objective, 'running', sweep.seed, this.#clock());
      return toSweepRecord(this.#sweepRow(Number(lastInsertRowid)));
    });
  }

  /** @returns the sweep of that name, or undefined when there is none. */
  getSweep(name: string): SweepRecord | undefined {
    return this.#read('get sweep', () => {
      const row = this.#sweepRowByName(name);
      return row === undefined ? undefined : toSweepRecord(row);
    });
  }

  /**
   * Sets the status; 'finished', 'failed' and 'interrupted' stamp `finishedAt`, 'running' (a
   * resume) clears it.
   * @throws {StoreError} when the sweep does not exist.
   */
  setSweepStatus(sweepId: number, status: SweepStatus): void {
    this.#write('set sweep status', () => {
      this.#sweepRow(sweepId);
      const finishedAt = FINAL_STATUSES.includes(status) ? this.#clock() : null;
      this.#statements.get('UPDATE sweeps SET status = ?, finished_at = ? WHERE id = ?').run(status, finishedAt, sweepId);
    });
  }

  /**
   * @returns every trial of the sweep in number order, `intermediate` holding the sweep's tracked
   *   metric per step in step order (NaN where a NaN was reported); [] for an unknown sweep.
   */
  loadTrials(sweepId: number, tracked: readonly string[] = []): StoredTrial[] {
    return this.#read('load trials', () => {
      const sweep = this.#statements.get('SELECT metric FROM sweeps WHERE id = ?').get(sweepId) as { metric: string } | undefined;
      if (sweep === undefined) return [];
      const rows = this.#statements.get(`SELECT ${TRIAL_COLUMNS} FROM trials WHERE sweep_id = ? ORDER BY number`).all(sweepId) as TrialRowData[];
      const curves = trackedCurves(this.#statements, sweepId, sweep.metric);
      const trials = rows.map((row) => toStoredTrial(row, curves.get(row.number) ?? new Map()));
      return tracked.length === 0 ? trials : withVectors(this.#statements, sweepId, trials, tracked);
    });
  }

  /**
   * Records a new trial with its params (JSON and one `trial_params` row each), and its
   * `intermediate`, if any, as rows of the tracked metric. A RUNNING trial gets startedAt and a
   * heartbeat now; a finished one gets finishedAt now. Its `seed`, `stage` and `origin` are
   * stored as given (no seed: NULL, as in records written before seeds were; no stage: 'search').
   * @throws {StoreError} when the sweep does not exist or already has a trial of that number; when
   *   `seed` is not a safe integer, `stage` an empty string, or `origin` not the number of another
   *   trial the sweep has.
   */
  createTrial(sweepId: number, trial: FrozenTrial): void {
    this.#write('create trial', () => {
      const sweep = this.#sweepRow(sweepId);
      if (this.#trialRow(sweepId, trial.number) !== undefined) {
        throw new StoreError(`sweep '${sweep.name}' already has a trial ${trial.number} in ${this.path}`);
      }
      const provenance = provenanceColumns(trial);
      if (typeof provenance === 'string') throw this.#cannotCreate(sweep, trial, provenance);
      for (const key of ['origin', 'parent', 'replaces'] as const) {
        const other = provenance[key];
        if (other !== null && this.#trialRow(sweepId, other) === undefined) {
          throw this.#cannotCreate(sweep, trial, `${key === 'origin' ? 'origin' : `lineage.${key}`} ${other} is not a trial of the sweep`);
        }
      }
      const now = this.#clock();
      const running = trial.state === 'RUNNING' ? now : null;
      const finished = trial.state === 'COMPLETE' || trial.state === 'PRUNED' || trial.state === 'FAILED' ? now : null;
      const { lastInsertRowid } = this.#statements
        .get(
          'INSERT INTO trials (sweep_id, number, state, params, value, attempt, heartbeat_at, started_at, finished_at, updated_at, seed, stage, origin, parent, replaces, start_step, restore_step, max_epochs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          sweepId,
          trial.number,
          trial.state,
          encodeParams(trial.params),
          trial.value ?? null,
          trial.attempt,
          running,
          running,
          finished,
          nextChangeStamp(this.#statements, sweepId, now),
          provenance.seed,
          provenance.stage,
          provenance.origin,
          provenance.parent,
          provenance.replaces,
          provenance.start_step,
          provenance.restore_step,
          provenance.max_epochs,
        );
      const trialId = Number(lastInsertRowid);
      const insertParam = this.#statements.get('INSERT INTO trial_params (trial_id, name, num_value, text_value) VALUES (?, ?, ?, ?)');
      for (const [name, value] of Object.entries(trial.params)) {
        const cell = paramCell(value);
        insertParam.run(trialId, name, cell.num, cell.text);
      }
      const insertMetric = this.#statements.get(INSERT_METRIC);
      for (const [step, value] of trial.intermediate) insertMetric.run(trialId, sweep.metric, step, value);
      for (const [step, metrics] of trial.intermediateValues ?? []) {
        for (const [name, value] of Object.entries(metrics)) if (name !== sweep.metric) insertMetric.run(trialId, name, step, value);
      }
      if (trial.values !== undefined) writeValues(this.#statements, trialId, trial.values);
    });
  }

  /**
   * Applies `update` (see updatedColumns for what each state sets and clears) and stamps the
   * trial's change time. Transitions are recorded as told; the Study checks them. The seed,
   * stage and origin stay as created: a re-queued trial retries with the seed it was given.
   * @throws {StoreError} when the trial (or the sweep) does not exist.
   */
  updateTrial(sweepId: number, trialNumber: number, update: TrialUpdate): void {
    this.#write('update trial', () => {
      const current = this.#trialRow(sweepId, trialNumber);
      if (current === undefined) throw this.#noTrial(sweepId, trialNumber);
      const now = this.#clock();
      const next = updatedColumns(current, update, now);
      this.#statements
        .get(
          'UPDATE trials SET state = ?, value = ?, failure_reason = ?, attempt = ?, owner = ?, heartbeat_at = ?, started_at = ?, finished_at = ?, updated_at = ? WHERE id = ?',
        )
        .run(
          next.state,
          next.value,
          next.failure_reason,
          next.attempt,
          next.owner,
          next.heartbeat_at,
          next.started_at,
          next.finished_at,
          nextChangeStamp(this.#statements, sweepId, now),
          current.id,
        );
      // A retry reports its own learning curve: the interrupted attempt's rows would mix with it.
      // One that continues from a checkpoint keeps the curve up to the checkpoint's step.
      if (update.state === 'QUEUED') {
        this.#statements.get('DELETE FROM metrics WHERE trial_id = ? AND step > ?').run(current.id, update.restoreStep ?? -1);
        this.#statements.get('DELETE FROM trial_values WHERE trial_id = ?').run(current.id);
        this.#statements.get('UPDATE trials SET restore_step = ? WHERE id = ?').run(update.restoreStep ?? null, current.id);
      }
      if (update.values !== undefined) writeValues(this.#statements, current.id, update.values);
    });
  }

  /**
   * Writes every (trial, step, name) of `rows` in one transaction; one written before (in this
   * call or an earlier one) is replaced by the later value, under a new row id so pollers see it.
   * A NaN is stored as NULL and read back as NaN.
   * @throws {StoreError} when a row names a trial the sweep does not have; then nothing of the
   *   call is written.
   */
  appendMetrics(sweepId: number, rows: readonly MetricRow[]): void {
    if (rows.length === 0) return;
    this.#write('append metrics', () => {
      const trialIds = new Map<number, number>();
      const insert = this.#statements.get(INSERT_METRIC);
      for (const row of rows) {
        let trialId = trialIds.get(row.trialNumber);
        if (trialId === undefined) {
          const trial = this.#statements.get('SELECT id FROM trials WHERE sweep_id = ? AND number = ?').get(sweepId, row.trialNumber) as
            { id: number } | undefined;
          if (trial === undefined) throw this.#noTrial(sweepId, row.trialNumber);
          trialIds.set(row.trialNumber, (trialId = trial.id));
        }
        for (const [name, value] of Object.entries(row.metrics)) insert.run(trialId, name, row.step, value);
      }
    });
  }

  /**
   * Stamps `now` as the last sign of life of `owner`'s RUNNING trials in this sweep. Leaves the
   * trials' change stamp alone: a heartbeat is no news to readers polling for changes.
   */
  heartbeat(sweepId: number, owner: string, now: number): void {
    this.#write('heartbeat', () => {
      this.#statements.get("UPDATE trials SET heartbeat_at = ? WHERE sweep_id = ? AND owner = ? AND state = 'RUNNING'").run(now, sweepId, owner);
    });
  }

  /**
   * @returns the RUNNING trials of the sweep, in number order, whose owner is not `currentOwner`
   *   (or unknown) and whose last heartbeat (else start) is older than `now − leaseMs`. Changes
   *   nothing: the caller re-queues or fails them per the retry policy.
   */
  findInterrupted(sweepId: number, currentOwner: string, now: number, leaseMs: number): StoredTrial[] {
    return this.#read('find interrupted trials', () => {
      const sweep = this.#statements.get('SELECT metric FROM sweeps WHERE id = ?').get(sweepId) as { metric: string } | undefined;
      if (sweep === undefined) return [];
      const rows = this.#statements
        .get(
          `SELECT ${TRIAL_COLUMNS} FROM trials WHERE sweep_id = ? AND state = 'RUNNING' AND (owner IS NULL OR owner <> ?)
           AND COALESCE(heartbeat_at, started_at, 0) < ? ORDER BY number`,
        )
        .all(sweepId, currentOwner, now - leaseMs) as TrialRowData[];
      const curves = trackedCurves(
        this.#statements,
        sweepId,
        sweep.metric,
        rows.map((row) => row.number),
      );
      return rows.map((row) => toStoredTrial(row, curves.get(row.number) ?? new Map()));
    });
  }

  /**
   * Logs one line of the sweep's history, stamped now; `trialNumber` null for the sweep itself.
   * @throws {StoreError} when the sweep does not exist.
   */
  appendEvent(sweepId: number, trialNumber: number | null, kind: EventKind, message: string): void {
    this.#write('append event', () => {
      this.#sweepRow(sweepId);
      this.#statements
        .get('INSERT INTO events (sweep_id, trial_number, at, kind, message) VALUES (?, ?, ?, ?, ?)')
        .run(sweepId, trialNumber, this.#clock(), kind, message);
    });
  }

  /** @throws {StoreError} when the trial does not exist. */
  saveCheckpoint(sweepId: number, trialNumber: number, step: number, data: Uint8Array): void {
    this.#write('save checkpoint', () => {
      const trial = this.#trialRow(sweepId, trialNumber);
      if (trial === undefined) throw this.#noTrial(sweepId, trialNumber);
      this.#statements
        .get('INSERT OR REPLACE INTO checkpoints (trial_id, step, data, created_at) VALUES (?, ?, ?, ?)')
        .run(trial.id, step, data, this.#clock());
    });
  }

  loadCheckpoint(sweepId: number, trialNumber: number, step: number): Uint8Array | undefined {
    return this.#read('load checkpoint', () => {
      const row = this.#statements
        .get('SELECT c.data FROM checkpoints c JOIN trials t ON t.id = c.trial_id WHERE t.sweep_id = ? AND t.number = ? AND c.step = ?')
        .get(sweepId, trialNumber, step) as { data: Uint8Array } | undefined;
      return row?.data;
    });
  }

  checkpointKeys(sweepId: number): CheckpointKey[] {
    return this.#read('list checkpoints', () =>
      (
        this.#statements
          .get(
            'SELECT t.number, c.step, length(c.data) AS bytes FROM checkpoints c JOIN trials t ON t.id = c.trial_id WHERE t.sweep_id = ? ORDER BY t.number, c.step',
          )
          .all(sweepId) as { number: number; step: number; bytes: number }[]
      ).map((row) => ({ trialNumber: row.number, step: row.step, bytes: row.bytes })),
    );
  }

  deleteCheckpoint(sweepId: number, trialNumber: number, step: number): void {
    this.#write('delete checkpoint', () => {
      this.#statements
        .get('DELETE FROM checkpoints WHERE step = ? AND trial_id = (SELECT id FROM trials WHERE sweep_id = ? AND number = ?)')
        .run(step, sweepId, trialNumber);
    });
  }

  /** Closes the connection (checkpointing the WAL into the file). Closing twice does nothing. */
  close(): void {
    guarded('close', this.path, () => this.#db.close());
  }

  /** One transaction around `body`'s writes; the store's own transactions inside become savepoints. */
  batch<T>(body: () => T): T {
    return this.#write('write a batch', body);
  }

  #write<T>(operation: string, body: () => T): T {
    // Inside batch() the outer transaction already makes the call atomic (a throw rolls it all
    // back); a savepoint per call would only add statements to the orchestrator's hot path.
    if (this.#db.inTransaction) return guarded(operation, this.path, body);
    return guarded(operation, this.path, () => this.#db.transaction(body).immediate());
  }

  #read<T>(operation: string, body: () => T): T {
    return guarded(operation, this.path, () => this.#db.transaction(body).deferred());
  }

  #sweepRowByName(name: string): SweepRow | undefined {
    return this.#statements.get(`SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE name = ?`).get(name) as SweepRow | undefined;
  }

  /** @throws {StoreError} when there is no sweep of that id. */
  #sweepRow(sweepId: number): SweepRow {
    const row = this.#statements.get(`SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE id = ?`).get(sweepId) as SweepRow | undefined;
    if (row === undefined) throw new StoreError(`there is no sweep with id ${sweepId} in ${this.path}`);
    return row;
  }

  #trialRow(sweepId: number, trialNumber: number): TrialRowData | undefined {
    return this.#statements.get(`SELECT ${TRIAL_COLUMNS} FROM trials WHERE sweep_id = ? AND number = ?`).get(sweepId, trialNumber) as TrialRowData | undefined;
  }

  #cannotCreate(sweep: SweepRow, trial: FrozenTrial, problem: string): StoreError {
    return new StoreError(`cannot create trial ${trial.number} of sweep '${sweep.name}' in ${this.path}: ${problem}`);
  }

  #noTrial(sweepId: number, trialNumber: number): StoreError {
    const sweep = this.#statements.get('SELECT name FROM sweeps WHERE id = ?').get(sweepId) as { name: string } | undefined;
    const owner = sweep === undefined ? `no sweep with id ${sweepId}` : `sweep '${sweep.name}'`;
    return new StoreError(`trial ${trialNumber} does not exist (${owner}) in ${this.path}`);
  }
}
