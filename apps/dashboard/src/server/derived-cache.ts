/**
 * Answers derived from the database (a serialized trials list, a comparison), kept until another
 * connection commits. SQLite's data_version tells that for the price of a pragma, so a dashboard
 * left open on a finished sweep — or polled by many tabs — reads each answer once.
 *
 * Bounded by entries and by size: a client varying a query string (another offset, another
 * filter) adds an entry each time, and one entry can be megabytes of JSON.
 */

export interface DerivedCacheLimits {
  /** Most answers kept (the oldest goes first). Default 200. */
  readonly maxEntries?: number;
  /** Most characters of JSON text kept, summed over entries; other values count 1 KiB. Default 64 Mi. */
  readonly maxSize?: number;
}

const OBJECT_SIZE = 1024;

function sizeOf(value: unknown): number {
  return typeof value === 'string' ? value.length : OBJECT_SIZE;
}

export class DerivedCache {
  readonly #entries = new Map<string, { value: unknown; size: number }>();
  readonly #maxEntries: number;
  readonly #maxSize: number;
  #size = 0;
  #version: number | undefined;

  constructor(limits: DerivedCacheLimits = {}) {
    this.#maxEntries = limits.maxEntries ?? 200;
    this.#maxSize = limits.maxSize ?? 64 * 1024 * 1024;
  }

  /** How many answers are kept now. */
  get entries(): number {
    return this.#entries.size;
  }

  /** The value for `key` at data version `version`, computed by `compute` when absent or stale. */
  get<T>(version: number, key: string, compute: () => T): T {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#size = 0;
      this.#version = version;
    }
    const hit = this.#entries.get(key);
    if (hit !== undefined) return hit.value as T;
    const value = compute();
    const size = sizeOf(value);
    // An answer bigger than the whole budget is served but not kept.
    if (size > this.#maxSize) return value;
    while (this.#entries.size > 0 && (this.#entries.size >= this.#maxEntries || this.#size + size > this.#maxSize)) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, { size: number }];
      this.#entries.delete(oldestKey);
      this.#size -= oldest.size;
    }
    this.#entries.set(key, { value, size });
    this.#size += size;
    return value;
  }
}
