/** One forward-only step of the schema: applied once, in order, never edited after release. */
export interface Migration {
  /** The `PRAGMA user_version` the database has after this step (1, 2, …, no gaps). */
  readonly version: number;
  /** What the step does, in words (shown if it fails). */
  readonly description: string;
  /** The statements, run together in the step's transaction. */
  readonly sql: string;
}
