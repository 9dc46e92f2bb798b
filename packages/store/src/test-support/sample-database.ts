import { afterAll, beforeAll } from 'vitest';
import { SweepReader } from '../reader/sweep-reader.js';
import type { SqliteTrialStore } from '../sqlite-trial-store.js';
import { writeSampleSweeps } from './sample-sweeps.js';
import { tempDir } from './temp-dir.js';

/**
 * For one test file: the sample sweeps written once before all its tests, with the writer left
 * open (tests may write more) and a reader on the same file; both closed and the folder removed
 * after all. Read `store` and `reader` inside tests: they are set in beforeAll.
 */
export function useSampleDatabase(): { readonly temp: ReturnType<typeof tempDir>; readonly store: SqliteTrialStore; readonly reader: SweepReader } {
  const temp = tempDir();
  let store: SqliteTrialStore | undefined;
  let reader: SweepReader | undefined;
  beforeAll(() => {
    ({ store } = writeSampleSweeps(temp.file('sample.db')));
    reader = SweepReader.open(temp.file('sample.db'));
  });
  afterAll(() => {
    reader?.close();
    store?.close();
    temp.cleanup();
  });
  const opened = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the sample database's ${what} is read before beforeAll ran`);
    return value;
  };
  return {
    temp,
    get store() {
      return opened(store, 'writer');
    },
    get reader() {
      return opened(reader, 'reader');
    },
  };
}
