/** One record of a CSV or JSONL file, with where it came from for error messages. */
export interface TabularRow {
  /** 1-based line number in the file (for CSV, the line the record ends on). */
  readonly line: number;
  /** The record's fields by column name. */
  readonly values: Readonly<Record<string, unknown>>;
  /** The columns this record could have: the CSV header, or the JSON object's keys. */
  readonly columns: readonly string[];
}
