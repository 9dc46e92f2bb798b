import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixSeed } from '@loopsweep/core';
import { SqliteTrialStore } from '../sqlite-trial-store.js';
import { tempDir } from '../test-support/temp-dir.js';
import { frozenTrial, newSweep } from '../testing/fixtures.js';
import { comparableTrials } from './comparable-trials.js';
import { START_CURSOR } from './start-cursor.js';
import { SweepReader } from './sweep-reader.js';

// A sweep (seed 7) as a comparison protocol leaves it: two search trials, one without a stored
// seed (recorded before seeds were), then two replicates of trial 1.
const temp = tempDir();
let reader: SweepReader;
beforeAll(() => {
  const store = SqliteTrialStore.open(temp.file('provenance.db'));
  const sweep = store.createSweep(newSweep('replicates'));
  store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 0.5 }));
  store.createTrial(sweep.id, frozenTrial(1, { units: 16 }, 'COMPLETE', { value: 0.9, seed: 42 }));
  store.createTrial(sweep.id, frozenTrial(2, { units: 16 }, 'COMPLETE', { value: 0.7, seed: 43, stage: 'rerun', origin: 1 }));
  store.createTrial(sweep.id, frozenTrial(3, { units: 16 }, 'QUEUED', { seed: 44, stage: 'confirm', origin: 1 }));
  store.close();
  reader = SweepReader.open(temp.file('provenance.db'));
});
afterAll(() => {
  reader.close();
  temp.cleanup();
});

const provenance = (rows: readonly { number: number; seed?: number; stage?: string; origin?: number }[]) =>
  rows.map(({ number, seed, stage, origin }) => ({ number, seed, stage, origin }));

describe("SweepReader: a trial's seed, stage and origin", () => {
  it('names every trial’s seed (derived from the sweep seed where none was stored) and stage', () => {
    const rows = reader.trials('replicates');
    expect(provenance(rows)).toEqual([
      { number: 0, seed: mixSeed(7, 0), stage: 'search', origin: undefined },
      { number: 1, seed: 42, stage: 'search', origin: undefined },
      { number: 2, seed: 43, stage: 'rerun', origin: 1 },
      { number: 3, seed: 44, stage: 'confirm', origin: 1 },
    ]);
    // Absent, not undefined: the dashboard's JSON has no `origin` key for a trial that re-runs none.
    expect('origin' in (rows[0] ?? {})).toBe(false);
  });

  it('carries them in a trial’s detail, the best trials and the change feed', () => {
    expect(reader.trial('replicates', 2)).toMatchObject({ seed: 43, stage: 'rerun', origin: 1 });
    expect(provenance(reader.best('replicates', 2))).toEqual([
      { number: 1, seed: 42, stage: 'search', origin: undefined },
      { number: 2, seed: 43, stage: 'rerun', origin: 1 },
    ]);
    expect(provenance(reader.changesSince('replicates', START_CURSOR)?.trials ?? [])).toEqual(provenance(reader.trials('replicates')));
  });

  it('filters and counts by stage', () => {
    const numbers = (stages: string[]) => reader.trials('replicates', { stages }).map((row) => row.number);
    expect(numbers(['search'])).toEqual([0, 1]);
    expect(numbers(['rerun', 'confirm'])).toEqual([2, 3]);
    expect(numbers(['nothing'])).toEqual([]);
    expect(numbers([])).toEqual([]);
    expect(reader.trials('replicates', { stages: ['rerun', 'confirm'], states: ['COMPLETE'] }).map((row) => row.number)).toEqual([2]);
    expect(reader.countTrials('replicates', { stages: ['confirm', 'rerun'] })).toBe(2);
    expect(() => reader.trials('replicates', { stages: [''] })).toThrow(new RangeError('query.stages[] must be a non-empty string (got "")'));
  });

  it('hands them to a comparison with each trial', () => {
    const trials = comparableTrials(reader.trials('replicates'), new Map());
    expect(provenance(trials)).toEqual(provenance(reader.trials('replicates')));
  });
});
