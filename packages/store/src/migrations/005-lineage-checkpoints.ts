import type { Migration } from './migration.js';

/**
 * Population-based training (issue 18): where a trial's training comes from, and the checkpoints
 * a population needs.
 *
 * - `parent`, `replaces`, `start_step`: a trial that continues `parent`'s training from its
 *   checkpoint at `start_step`, in place of member `replaces` (all NULL for any other trial).
 * - `restore_step`: the step of the checkpoint the current attempt starts from (the lineage's step,
 *   or the trial's own last kept checkpoint after an interruption); NULL: from scratch.
 * - `checkpoints`: serialized objective states by (trial, step). Rows come and go as the population
 *   moves on (the orchestrator keeps only what it may still restore), so disk use is bounded by the
 *   population, not by the number of trials.
 */
export const lineageCheckpoints: Migration = {
  version: 5,
  description: "trials' lineage and restore step; checkpoints",
  sql: `
ALTER TABLE trials ADD COLUMN parent INTEGER;
ALTER TABLE trials ADD COLUMN replaces INTEGER;
ALTER TABLE trials ADD COLUMN start_step INTEGER;
ALTER TABLE trials ADD COLUMN restore_step INTEGER;
CREATE TABLE checkpoints (
  trial_id   INTEGER NOT NULL REFERENCES trials (id) ON DELETE CASCADE,
  step       INTEGER NOT NULL,
  data       BLOB    NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (trial_id, step)
);
`,
};
