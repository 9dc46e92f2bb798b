import type Database from 'better-sqlite3';
import type { SweepRecord } from '@loopsweep/core';
import { metricValue, present } from '../codec/nullable.js';
import { SWEEP_COLUMNS, toSweepRecord, type SweepRow } from '../codec/sweep-row.js';
import { guarded } from '../errors/store-failure.js';
import { StatementCache } from '../sqlite/statement-cache.js';
import { changesSince, checkCursor, currentCursor } from './changes.js';
import { checkCount, checkPositive } from './check-arguments.js';
import { EVENT_COLUMNS, toSweepEvent, type EventRowColumns } from './event-row.js';
import { openReadOnly } from './open-read-only.js';
import { bestFirst, summarize } from './summarize.js';
import { buildTrialCount, buildTrialQuery, checkTrialQuery } from './trial-query.js';
import { readSchemaVersion } from '../migrations/schema-version.js';
import { toTrialRow, trialRowColumns, type TrialRowColumns } from './trial-row.js';
import { trainedToTheEnd } from './trial-columns.js';
import type { ChangeCursor, EventQuery, SweepChanges, SweepEvent, SweepSummary, TrialDetail, TrialFilter, TrialQuery, TrialRow, TrialTimes } from './types.js';

/**
 * The read-only view of a loopsweep database, for `sweep status`/`ls`/`export` and the dashboard.
 * It opens the file read-only and may be used while a sweep writes it: each method reads one
 * consistent snapshot (one read transaction), never blocks the writer, and is synchronous.
 *
 * @remarks A sweep is named by its name; a method given an unknown name returns undefined or an
 * empty result, as its doc says. Every method throws StoreError (naming the operation and the
 * file, the driver's error as `cause`) when the database cannot be read, and RangeError for a bad
 * argument (the message names it).
 */
/** The schema (migration 4) that added `trial_values`. */
const TRIAL_VALUES_SCHEMA = 4;

export class SweepReader {
  readonly path: string;
  readonly #db: Database.Database;
  readonly #statements: StatementCache;
  /** The schema of the snapshot being read: a writer may upgrade the file while this reader is open. */
  #schema = 0;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.#db = db;
    this.#statements = new StatementCache(db);
  }

  /**
   * @throws {StoreError} "no database at <path>; run `sweep run <spec>` first or pass --db" when
   *   there is no file; when it is not a loopsweep database; when its schema is newer ("… upgrade
   *   loopsweep") or older than this code reads.
   */
  static open(path: string): SweepReader {
    return new SweepReader(path, openReadOnly(path));
  }

  /** @returns a summary of every sweep, oldest first. */
  listSweeps(): SweepSummary[] {
    return this.#read('list sweeps', () => {
      const rows = this.#statements.get(`SELECT ${SWEEP_COLUMNS} FROM sweeps ORDER BY created_at, id`).all() as SweepRow[];
      return rows.map((row) => summarize(this.#statements, row, this.#schema));
    });
  }

  /** @returns the sweep's summary, or undefined when there is no sweep of that name. */
  summary(name: string): SweepSummary | undefined {
    return this.#read('read sweep summary', () => {
      const row = this.#sweepRow(name);
      return row === undefined ? undefined : summarize(this.#statements, row, this.#schema);
    });
  }

  /** @returns the sweep's record (its spec parsed from JSON), or undefined when there is none. */
  getSweep(name: string): SweepRecord | undefined {
    return this.#read('read sweep', () => {
      const row = this.#sweepRow(name);
      return row === undefined ? undefined : toSweepRecord(row);
    });
  }

  /**
   * @returns the sweep's trials that pass `query`'s filters, sorted and paged as it says (by
   *   default all, by number); [] for an unknown sweep.
   * @throws {RangeError} for a bad state, sort, order, limit, offset or parameter value.
   */
  trials(name: string, query: TrialQuery = {}): TrialRow[] {
    checkTrialQuery(query);
    return this.#read('read trials', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return [];
      const { sql, parameters } = buildTrialQuery(this.#schema, sweep.id, query);
      return (this.#statements.get(sql).all(...parameters) as TrialRowColumns[]).map((row) => toTrialRow(row, sweep.seed));
    });
  }

  /**
   * @returns how many of the sweep's trials pass `filter` (what `trials` returns before limit and
   *   offset); 0 for an unknown sweep. One indexed COUNT: cheap at any sweep size.
   * @throws {RangeError} for a bad state or parameter value.
   */
  countTrials(name: string, filter: TrialFilter = {}): number {
    checkTrialQuery(filter);
    return this.#read('count trials', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return 0;
      const { sql, parameters } = buildTrialCount(this.#schema, sweep.id, filter);
      return (this.#statements.get(sql).get(...parameters) as { n: number }).n;
    });
  }

  /**
   * @returns when the sweep's first trial started and its last one finished (epoch ms; each
   *   absent while no trial has), for throughput and elapsed time; both absent for an unknown sweep.
   */
  trialTimes(name: string): TrialTimes {
    return this.#read('read trial times', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return {};
      const row = this.#statements.get('SELECT MIN(started_at) AS first, MAX(finished_at) AS last FROM trials WHERE sweep_id = ?').get(sweep.id) as {
        first: number | null;
        last: number | null;
      };
      return { ...present('firstStartedAt', row.first), ...present('lastFinishedAt', row.last) };
    });
  }

  /**
   * A number that changes whenever another connection commits to the database (SQLite's
   * `PRAGMA data_version`), so a caller can cache what it derived from the data until it changes.
   * Costs no table read.
   */
  dataVersion(): number {
    return guarded('read data version', this.path, () => this.#db.pragma('data_version', { simple: true }) as number);
  }

  /** @returns the trial with every metric it reported and its events, or undefined when there is no such sweep or trial. */
  trial(name: string, number: number): TrialDetail | undefined {
    return this.#read('read trial', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return undefined;
      const row = this.#statements
        .get(`SELECT t.id, ${trialRowColumns(this.#schema)} FROM trials t WHERE t.sweep_id = ? AND t.number = ?`)
        .get(sweep.id, number) as (TrialRowColumns & { id: number }) | undefined;
      if (row === undefined) return undefined;
      const points = this.#statements.get('SELECT step, name, value FROM metrics WHERE trial_id = ? ORDER BY step, name').all(row.id) as {
        step: number;
        name: string;
        value: number | null;
      }[];
      const metrics: { step: number; values: Record<string, number> }[] = [];
      for (const point of points) {
        let last = metrics.at(-1);
        if (last?.step !== point.step) metrics.push((last = { step: point.step, values: {} }));
        last.values[point.name] = metricValue(point.value);
      }
      const events = (
        this.#statements
          .get(`SELECT ${EVENT_COLUMNS} FROM events WHERE sweep_id = ? AND trial_number = ? ORDER BY id`)
          .all(sweep.id, number) as EventRowColumns[]
      ).map(toSweepEvent);
      const finalValues: Record<string, number> = {};
      if (this.#schema >= TRIAL_VALUES_SCHEMA) {
        const rows = this.#statements.get('SELECT v.name, v.value FROM trial_values v WHERE v.trial_id = ?').all(row.id) as {
          name: string;
          value: number | null;
        }[];
        for (const { name, value } of rows) finalValues[name] = value === null ? Number.NaN : value;
      }
      return { ...toTrialRow(row, sweep.seed), metrics, events, ...(Object.keys(finalValues).length > 0 ? { finalValues } : {}) };
    });
  }

  /**
   * The final values of a multi-objective or constrained sweep's trials (core's FrozenTrial
   * `values`: each objective and constrained metric, NaN where a NaN was recorded), by trial
   * number; only trials that have any. Empty for a one-metric sweep, an unknown one, or a file
   * older than schema 4 (which had no multi-objective sweeps).
   */
  finalValues(name: string): Map<number, Record<string, number>> {
    return this.#read('read final values', () => {
      const values = new Map<number, Record<string, number>>();
      const sweep = this.#sweepRow(name);
      if (sweep === undefined || this.#schema < TRIAL_VALUES_SCHEMA) return values;
      const rows = this.#statements
        .get('SELECT t.number, v.name, v.value FROM trials t CROSS JOIN trial_values v ON v.trial_id = t.id WHERE t.sweep_id = ? ORDER BY t.number')
        .all(sweep.id) as { number: number; name: string; value: number | null }[];
      for (const row of rows) {
        let trial = values.get(row.number);
        if (trial === undefined) values.set(row.number, (trial = {}));
        trial[row.name] = row.value === null ? Number.NaN : row.value;
      }
      return values;
    });
  }

  /** @returns the names of every metric any trial of the sweep reported, sorted; [] for an unknown sweep. */
  metricNames(name: string): string[] {
    return this.#read('read metric names', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return [];
      const rows = this.#statements
        .get('SELECT DISTINCT m.name FROM metrics m JOIN trials t ON t.id = m.trial_id WHERE t.sweep_id = ? ORDER BY m.name')
        .all(sweep.id) as { name: string }[];
      return rows.map((row) => row.name);
    });
  }

  /**
   * The names of metric values written to the sweep after metric id `afterMetricId` (a
   * ChangeCursor's metricId), sorted: how a caller that already has `metricNames` keeps them up
   * to date by reading only what is new (a range of metric ids), not every metric row again.
   * @returns [] for an unknown sweep.
   * @throws {RangeError} when afterMetricId is not a non-negative integer.
   */
  newMetricNames(name: string, afterMetricId: number): string[] {
    checkCount('afterMetricId', afterMetricId);
    return this.#read('read new metric names', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return [];
      // CROSS JOIN: the new metric rows first (a rowid range), then each one's trial.
      const rows = this.#statements
        .get('SELECT DISTINCT m.name FROM metrics m CROSS JOIN trials t ON t.id = m.trial_id WHERE m.id > ? AND t.sweep_id = ? ORDER BY m.name')
        .all(afterMetricId, sweep.id) as { name: string }[];
      return rows.map((row) => row.name);
    });
  }

  /**
   * @returns `metric`'s curve of each trial (all, or those numbered in `trialNumbers`), keyed by
   *   trial number in number order, each [step, value] in step order (NaN where NaN was
   *   reported). A trial without a point of that metric is absent; an unknown sweep gives an empty Map.
   */
  learningCurves(name: string, metric: string, trialNumbers?: readonly number[]): Map<number, [step: number, value: number][]> {
    return this.#read('read learning curves', () => {
      const curves = new Map<number, [number, number][]>();
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return curves;
      // CROSS JOIN: trials first, then each one's points through the (trial_id, name, step) index.
      const select = 'SELECT t.number, m.step, m.value FROM trials t CROSS JOIN metrics m ON m.trial_id = t.id WHERE t.sweep_id = ? AND m.name = ?';
      const points = (
        trialNumbers === undefined
          ? this.#statements.get(`${select} ORDER BY t.number, m.step`).all(sweep.id, metric)
          : [...new Set(trialNumbers)]
              .sort((a, b) => a - b)
              .flatMap((number) => this.#statements.get(`${select} AND t.number = ? ORDER BY m.step`).all(sweep.id, metric, number))
      ) as { number: number; step: number; value: number | null }[];
      for (const point of points) {
        let curve = curves.get(point.number);
        if (curve === undefined) curves.set(point.number, (curve = []));
        curve.push([point.step, metricValue(point.value)]);
      }
      return curves;
    });
  }

  /**
   * @returns the `top` best COMPLETE trials in the sweep's direction (ties by number), best first;
   *   [] for an unknown sweep.
   * @throws {RangeError} when `top` is not a positive integer.
   */
  best(name: string, top = 1): TrialRow[] {
    checkPositive('top', top);
    return this.#read('read best trials', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return [];
      const direction = bestFirst(sweep.direction === 'maximize' ? 'maximize' : 'minimize');
      const rows = this.#statements
        .get(
          `SELECT ${trialRowColumns(this.#schema)} FROM trials t WHERE t.sweep_id = ? AND t.state = 'COMPLETE' AND t.value IS NOT NULL${trainedToTheEnd(this.#schema)} ORDER BY t.value ${direction}, t.number LIMIT ?`,
        )
        .all(sweep.id, top) as TrialRowColumns[];
      return rows.map((row) => toTrialRow(row, sweep.seed));
    });
  }

  /**
   * @returns the sweep's events (of the sweep and its trials) in the order written, after
   *   `afterId` and at most `limit` of them; [] for an unknown sweep.
   * @throws {RangeError} when afterId or limit is not a non-negative integer.
   */
  events(name: string, options: EventQuery = {}): SweepEvent[] {
    checkCount('options.afterId', options.afterId);
    checkCount('options.limit', options.limit);
    return this.#read('read events', () => {
      const sweep = this.#sweepRow(name);
      if (sweep === undefined) return [];
      const rows = this.#statements
        .get(`SELECT ${EVENT_COLUMNS} FROM events WHERE sweep_id = ? AND id > ? ORDER BY id LIMIT ?`)
        .all(sweep.id, options.afterId ?? 0, options.limit ?? -1) as EventRowColumns[];
      return rows.map(toSweepEvent);
    });
  }

  /**
   * @returns the cursor at the sweep's newest change (poll changesSince from it to get only what
   *   comes next), or undefined for an unknown sweep.
   */
  cursor(name: string): ChangeCursor | undefined {
    return this.#read('read change cursor', () => {
      const sweep = this.#sweepRow(name);
      return sweep === undefined ? undefined : currentCursor(this.#statements, sweep.id);
    });
  }

  /**
   * What changed in the sweep after `cursor` — trials created or updated (each as it is now),
   * new metric values, new events — and the cursor to pass next time. Polling with the returned
   * cursor sees every change exactly once: trial change stamps are strictly increasing per sweep
   * and metric/event ids are never reused (a re-reported metric value arrives again, under a new id).
   * A trial's heartbeat is not a change.
   * @returns undefined for an unknown sweep.
   * @throws {RangeError} when a cursor field is not a finite number.
   */
  changesSince(name: string, cursor: ChangeCursor): SweepChanges | undefined {
    checkCursor(cursor);
    return this.#read('read changes', () => {
      const sweep = this.#sweepRow(name);
      return sweep === undefined ? undefined : changesSince(this.#statements, this.#schema, sweep, cursor);
    });
  }

  /**
   * Runs `body` with every read it makes through this reader in one snapshot (one read
   * transaction), for a caller that combines several methods (an export, a page of the dashboard)
   * while a sweep writes.
   * @returns what `body` returns.
   * @throws {StoreError} when the database cannot be read; whatever `body` throws passes through.
   */
  snapshot<T>(body: () => T): T {
    // Not #read: that would wrap body's own errors. Reads inside body nest as savepoints and
    // translate their driver errors themselves.
    const transaction = guarded('read snapshot', this.path, () => this.#db.transaction(body));
    return transaction.deferred();
  }

  /** Closes the connection. Closing twice does nothing. */
  close(): void {
    guarded('close', this.path, () => this.#db.close());
  }

  /**
   * One read transaction: every query of a method sees the same commit, and the schema it reads
   * (which trial columns exist) is that commit's. Reading `user_version` costs a header read, no
   * table: cheaper than a reader that goes on selecting constants after a writer upgraded the file.
   */
  #read<T>(operation: string, body: () => T): T {
    return guarded(operation, this.path, () =>
      this.#db
        .transaction(() => {
          this.#schema = readSchemaVersion(this.#db);
          return body();
        })
        .deferred(),
    );
  }

  #sweepRow(name: string): SweepRow | undefined {
    return this.#statements.get(`SELECT ${SWEEP_COLUMNS} FROM sweeps WHERE name = ?`).get(name) as SweepRow | undefined;
  }
}
