import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial } from '../testing/fixtures.js';
import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import { trialSeedStageOrigin } from './003-trial-seed-stage-origin.js';
import { trialValues } from './004-trial-values.js';
import { migrate } from './migrate.js';

describe("migration 5: trials' lineage and checkpoints", () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('leaves a schema-4 file readable (no lineage), and upgrades it on the writer’s open: the reader then shows each trial’s lineage', () => {
    const path = temp.file('v4.db');
    const old = new Database(path);
    migrate(old, path, [initialSchema, metricsByTrialStep, trialSeedStageOrigin, trialValues]);
    old
      .prepare(
        "INSERT INTO sweeps (name, spec, spec_hash, metric, direction, objective, status, seed, created_at) VALUES ('s', '{}', 'h', 'loss', 'minimize', 'noop', 'finished', 1, 1)",
      )
      .run();
    old
      .prepare(
        "INSERT INTO trials (sweep_id, number, state, params, value, started_at, finished_at, updated_at) VALUES (1, 0, 'PRUNED', '{\"lr\":0.1}', 0.5, 1, 2, 2)",
      )
      .run();
    old.close();
    const before = SweepReader.open(path);
    expect(before.trials('s')[0]).not.toHaveProperty('lineage');
    before.close();

    const store = SqliteTrialStore.open(path);
    store.createTrial(1, frozenTrial(1, { lr: 0.2 }, 'COMPLETE', { value: 0.3 }));
    store.createTrial(1, { ...frozenTrial(2, { lr: 0.24 }, 'QUEUED', { stage: 'exploit' }), lineage: { parent: 1, replaces: 0, step: 2 }, restoreStep: 2 });
    store.saveCheckpoint(1, 2, 2, new Uint8Array([1, 2, 3]));
    store.close();
    const after = SweepReader.open(path);
    expect(after.trials('s').map((trial) => trial.lineage)).toEqual([undefined, undefined, { parent: 1, replaces: 0, step: 2 }]);
    after.close();
  });
});
