import type { Migration } from './migration.js';

/**
 * The first schema (DESIGN.md, data model). Times are epoch milliseconds. No CHECK constraints
 * on states or statuses: SQLite cannot alter a CHECK without rebuilding the table, and a later
 * state must cost one migration line, not a table copy; the code validates what it writes.
 */
export const initialSchema: Migration = {
  version: 1,
  description: 'sweeps, trials, trial_params, metrics, events',
  sql: `
CREATE TABLE sweeps (
  id          INTEGER PRIMARY KEY,
  name        TEXT    NOT NULL UNIQUE,
  spec        TEXT    NOT NULL,
  spec_hash   TEXT    NOT NULL,
  metric      TEXT    NOT NULL,
  direction   TEXT    NOT NULL,
  objective   TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  seed        INTEGER NOT NULL,
  created_at  INTEGER NOT NULL,
  finished_at INTEGER
);

CREATE TABLE trials (
  id             INTEGER PRIMARY KEY,
  sweep_id       INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  number         INTEGER NOT NULL,
  state          TEXT    NOT NULL,
  params         TEXT    NOT NULL,
  value          REAL,
  failure_reason TEXT,
  attempt        INTEGER NOT NULL DEFAULT 1,
  owner          TEXT,
  heartbeat_at   INTEGER,
  started_at     INTEGER,
  finished_at    INTEGER,
  -- A per-sweep strictly increasing change stamp close to epoch ms: readers poll "updated_at > ?".
  updated_at     INTEGER NOT NULL,
  UNIQUE (sweep_id, number)
);
-- Counts per state, best() and findInterrupted() read through this one.
CREATE INDEX trials_by_state_value ON trials (sweep_id, state, value);
CREATE INDEX trials_by_update ON trials (sweep_id, updated_at);

CREATE TABLE trial_params (
  trial_id   INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  num_value  REAL,
  -- Strings, and booleans as 'true' / 'false'.
  text_value TEXT,
  PRIMARY KEY (trial_id, name)
);
CREATE INDEX trial_params_by_number ON trial_params (name, num_value);
CREATE INDEX trial_params_by_text ON trial_params (name, text_value);

-- AUTOINCREMENT: ids are never reused, so "id > cursor" finds every new row, including a value
-- re-reported for the same (trial, name, step), which replaces the old row under a new id.
CREATE TABLE metrics (
  id       INTEGER PRIMARY KEY AUTOINCREMENT,
  trial_id INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  name     TEXT    NOT NULL,
  step     INTEGER NOT NULL,
  -- NULL stands for NaN (a diverged loss), which SQLite cannot store.
  value    REAL,
  UNIQUE (trial_id, name, step)
);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  sweep_id     INTEGER NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  trial_number INTEGER,
  at           INTEGER NOT NULL,
  kind         TEXT    NOT NULL,
  message      TEXT    NOT NULL
);
CREATE INDEX events_by_sweep ON events (sweep_id, id);
CREATE INDEX events_by_trial ON events (sweep_id, trial_number, id);
`,
};
