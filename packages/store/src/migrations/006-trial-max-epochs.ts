import type { Migration } from './migration.js';

/**
 * A trial's own epoch limit (issue 18, `sweep replay`): `max_epochs` is the last epoch the trial
 * trains when it is less than the sweep's budget.max_epochs — one segment of a replayed
 * population-based training schedule, which the next segment's trial continues from its
 * checkpoint. NULL: the budget's max_epochs (every trial before schema 6). The read-only API does
 * not select it, but leaves such trials out of a sweep's best (`best`, `summary`): their value was
 * taken mid-training.
 */
export const trialMaxEpochs: Migration = {
  version: 6,
  description: "trials' own epoch limit",
  sql: `
ALTER TABLE trials ADD COLUMN max_epochs INTEGER;
`,
};
