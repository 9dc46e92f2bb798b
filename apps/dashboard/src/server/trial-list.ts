/**
 * A sweep's whole trials list (every trial by number: what the web app loads and virtualizes),
 * kept in memory as one JSON text per trial and brought up to date from the store's change feed:
 * after a commit only the trials that changed are read and serialized again. At 10,000 trials
 * a full read and serialization costs 100–300 ms; catching up on a few changed trials costs a
 * few ms, so the list stays fast while a sweep writes.
 */
import type { ChangeCursor, SweepReader, TrialRow } from '@loopsweep/store';

/** Past this many new metric rows a full reload is cheaper than reading the changes. */
const MAX_CATCH_UP_METRICS = 100_000;

export class TrialList {
  readonly #reader: SweepReader;
  readonly #sweep: string;
  #rows = new Map<number, TrialRow>();
  #json = new Map<number, string>();
  #numbers: number[] = [];
  #cursor: ChangeCursor = { trialUpdatedAt: 0, metricId: 0, eventId: 0 };
  #version = Number.NaN;
  /** The assembled response, encoded once: a 3 MB string would be UTF-8-encoded again on every send. */
  #body: Buffer | undefined;

  constructor(reader: SweepReader, sweep: string) {
    this.#reader = reader;
    this.#sweep = sweep;
  }

  /** The list as GET …/trials sends it (JSON, UTF-8), current as of now. @throws {StoreError} when the database cannot be read. */
  body(): Buffer {
    this.#refresh();
    this.#body ??= Buffer.from(`{"total":${this.#numbers.length},"trials":[${this.#numbers.map((number) => this.#json.get(number)).join(',')}]}`, 'utf8');
    return this.#body;
  }

  /** Every trial by number, current as of now. @throws {StoreError} when the database cannot be read. */
  rows(): TrialRow[] {
    this.#refresh();
    return this.#numbers.map((number) => this.#rows.get(number) as TrialRow);
  }

  #refresh(): void {
    const reader = this.#reader;
    const version = reader.dataVersion();
    if (version === this.#version) return;
    const newest = reader.cursor(this.#sweep);
    if (Number.isNaN(this.#version) || newest === undefined || newest.metricId - this.#cursor.metricId > MAX_CATCH_UP_METRICS) this.#reload();
    else this.#catchUp();
    this.#version = version;
  }

  #reload(): void {
    const reader = this.#reader;
    const { rows, cursor } = reader.snapshot(() => ({ rows: reader.trials(this.#sweep), cursor: reader.cursor(this.#sweep) }));
    this.#rows = new Map(rows.map((row) => [row.number, row]));
    this.#json = new Map(rows.map((row) => [row.number, JSON.stringify(row)]));
    this.#numbers = rows.map((row) => row.number);
    this.#cursor = cursor ?? this.#cursor;
    this.#body = undefined;
  }

  #catchUp(): void {
    const changes = this.#reader.changesSince(this.#sweep, this.#cursor);
    if (changes === undefined) return this.#reload();
    this.#cursor = changes.cursor;
    const touched = new Set<number>();
    let added = false;
    for (const row of changes.trials) {
      if (!this.#rows.has(row.number)) added = true;
      this.#rows.set(row.number, row);
      touched.add(row.number);
    }
    // A trial whose only change is new metrics gets its new last step from them.
    for (const point of changes.metrics) {
      const row = this.#rows.get(point.trialNumber);
      if (row === undefined || (row.lastStep !== undefined && row.lastStep >= point.step)) continue;
      this.#rows.set(point.trialNumber, { ...row, lastStep: point.step });
      touched.add(point.trialNumber);
    }
    for (const number of touched) this.#json.set(number, JSON.stringify(this.#rows.get(number)));
    if (added) this.#numbers = [...this.#rows.keys()].sort((a, b) => a - b);
    if (touched.size > 0) this.#body = undefined;
  }
}

/** One TrialList per recently listed sweep (the oldest dropped past `max`). */
export class TrialLists {
  readonly #reader: SweepReader;
  readonly #lists = new Map<string, TrialList>();
  readonly #max: number;

  constructor(reader: SweepReader, max = 8) {
    this.#reader = reader;
    this.#max = max;
  }

  /** @throws {StoreError} when the database cannot be read. */
  body(sweep: string): Buffer {
    return this.#list(sweep).body();
  }

  /** @throws {StoreError} when the database cannot be read. */
  rows(sweep: string): TrialRow[] {
    return this.#list(sweep).rows();
  }

  #list(sweep: string): TrialList {
    let list = this.#lists.get(sweep);
    if (list === undefined) {
      list = new TrialList(this.#reader, sweep);
      if (this.#lists.size >= this.#max) this.#lists.delete(this.#lists.keys().next().value as string);
    } else this.#lists.delete(sweep);
    // Re-inserted: the Map's order is the order of use.
    this.#lists.set(sweep, list);
    return list;
  }
}
