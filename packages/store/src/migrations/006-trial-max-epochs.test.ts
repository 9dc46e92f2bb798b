import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SweepReader } from '../reader/sweep-reader.js';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';
import { initialSchema } from './001-initial-schema.js';
import { metricsByTrialStep } from './002-metrics-by-trial-step.js';
import { trialSeedStageOrigin } from './003-trial-seed-stage-origin.js';
import { trialValues } from './004-trial-values.js';
import { lineageCheckpoints } from './005-lineage-checkpoints.js';
import { migrate } from './migrate.js';

describe("migration 6: a trial's own epoch limit", () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => (temp = tempDir()));
  afterEach(() => temp.cleanup());

  it('upgrades a schema-5 file (old trials have none) and round-trips maxEpochs; refuses one below 1', () => {
    const path = temp.file('v5.db');
    const old = new Database(path);
    migrate(old, path, [initialSchema, metricsByTrialStep, trialSeedStageOrigin, trialValues, lineageCheckpoints]);
    old.close();
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('segments'));
    store.createTrial(sweep.id, frozenTrial(0, { lr: 0.1 }, 'QUEUED'));
    store.createTrial(sweep.id, { ...frozenTrial(1, { lr: 0.1 }, 'QUEUED', { stage: 'replay', origin: 0, seed: 7 }), maxEpochs: 4 });
    store.createTrial(sweep.id, {
      ...frozenTrial(2, { lr: 0.05 }, 'QUEUED', { stage: 'replay', origin: 0, seed: 7 }),
      lineage: { parent: 1, replaces: 1, step: 4 },
      restoreStep: 4,
    });
    expect(() => store.createTrial(sweep.id, { ...frozenTrial(3, { lr: 0.1 }, 'QUEUED'), maxEpochs: 0 })).toThrow(/maxEpochs must be an integer >= 1/);
    const trials = store.loadTrials(sweep.id);
    expect(trials.map((trial) => trial.maxEpochs)).toEqual([undefined, 4, undefined]);
    store.close();
  });

  it("leaves a trial that stopped at its own epoch limit out of the reader's best and summary", () => {
    const path = temp.file('best.db');
    const store = SqliteTrialStore.open(path);
    const sweep = store.createSweep(newSweep('best'));
    store.createTrial(sweep.id, frozenTrial(0, { lr: 0.1 }, 'COMPLETE', { value: 0.5 }));
    // A segment's mid-training value, better than any full run's: not the sweep's best.
    store.createTrial(sweep.id, { ...frozenTrial(1, { lr: 0.1 }, 'COMPLETE', { value: 0.1, stage: 'replay', origin: 0, seed: 7 }), maxEpochs: 4 });
    store.createTrial(sweep.id, frozenTrial(2, { lr: 0.2 }, 'COMPLETE', { value: 0.3 }));
    store.close();
    const reader = SweepReader.open(path);
    const direction = reader.getSweep('best')!.direction;
    const best = reader.best('best', 3).map((trial) => trial.number);
    expect(best).toEqual(direction === 'minimize' ? [2, 0] : [0, 2]);
    expect(reader.summary('best')?.best?.number).toBe(best[0]);
    reader.close();
  });
});
