import type { Migration } from './migration.js';

/**
 * What a trial runs with and why it exists (core's FrozenTrial `seed`, `stage`, `origin`): trial
 * sources beyond the sampler (re-runs with other seeds, a comparison's confirmation replicates)
 * need them to tell replicates apart and to rebuild themselves on resume.
 *
 * - `seed` NULL for rows written before: those trials ran with mixSeed(sweep seed, number), which
 *   readers derive (core's trialSeed) rather than this step writing it, so the column only ever
 *   holds what the orchestrator actually handed the objective.
 * - `stage` NOT NULL DEFAULT 'search': every older row was proposed by the sampler.
 * - `origin` NULL unless the trial re-runs another one (that trial's number, in the same sweep).
 *
 * The index serves the readers' filter by stage (`stage=` on the dashboard's trials list, a
 * stage's trials for a comparison) without reading every trial of a large sweep.
 */
export const trialSeedStageOrigin: Migration = {
  version: 3,
  description: "trials' seed, stage and origin",
  sql: `
ALTER TABLE trials ADD COLUMN seed INTEGER;
ALTER TABLE trials ADD COLUMN stage TEXT NOT NULL DEFAULT 'search';
ALTER TABLE trials ADD COLUMN origin INTEGER;
CREATE INDEX trials_by_stage ON trials (sweep_id, stage);
`,
};
