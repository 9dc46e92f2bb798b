import type { Migration } from './migration.js';

/**
 * A multi-objective or constrained trial's final values: one row per tracked metric (each
 * objective, each constrained metric), as the objective returned it, or as it last reported it
 * when it returned none. A table rather than more columns on `trials`: the number of objectives
 * is the spec's, and a one-metric sweep writes no rows at all (its `trials.value` says it all).
 * NULL stands for NaN, as in `metrics`.
 */
export const trialValues: Migration = {
  version: 4,
  description: "multi-objective trials' final values",
  sql: `
CREATE TABLE trial_values (
  trial_id INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  name     TEXT    NOT NULL,
  value    REAL,
  PRIMARY KEY (trial_id, name)
);
`,
};
