/**
 * Answers derived from the database (a serialized trials list, a comparison), kept until another
 * connection commits. SQLite's data_version tells that for the price of a pragma, so a dashboard
 * left open on a finished sweep — or polled by many tabs — reads each answer once.
 */
export class DerivedCache {
  readonly #entries = new Map<string, unknown>();
  readonly #maxEntries: number;
  #version: number | undefined;

  /** @param maxEntries how many answers to keep per data version (the oldest goes first). */
  constructor(maxEntries = 200) {
    this.#maxEntries = maxEntries;
  }

  /** The value for `key` at data version `version`, computed by `compute` when absent or stale. */
  get<T>(version: number, key: string, compute: () => T): T {
    if (version !== this.#version) {
      this.#entries.clear();
      this.#version = version;
    }
    if (this.#entries.has(key)) return this.#entries.get(key) as T;
    const value = compute();
    if (this.#entries.size >= this.#maxEntries) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, value);
    return value;
  }
}
