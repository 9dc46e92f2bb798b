import type Database from 'better-sqlite3';

/**
 * Prepared statements by SQL text, prepared once per connection: the writer runs the same few
 * statements thousands of times (one per metric row) and the reader polls the same queries.
 * Bounded, because the reader builds filter queries whose text varies with the filter's shape;
 * the statement used longest ago is dropped first.
 */
export class StatementCache {
  readonly #db: Database.Database;
  readonly #capacity: number;
  readonly #statements = new Map<string, Database.Statement<unknown[], unknown>>();

  constructor(db: Database.Database, capacity = 100) {
    this.#db = db;
    this.#capacity = capacity;
  }

  get(sql: string): Database.Statement<unknown[], unknown> {
    let statement = this.#statements.get(sql);
    if (statement === undefined) {
      statement = this.#db.prepare<unknown[], unknown>(sql);
      if (this.#statements.size >= this.#capacity) {
        const oldest = this.#statements.keys().next();
        if (oldest.done !== true) this.#statements.delete(oldest.value);
      }
    } else {
      // Re-inserted so the Map's order stays "least recently used first".
      this.#statements.delete(sql);
    }
    this.#statements.set(sql, statement);
    return statement;
  }
}
