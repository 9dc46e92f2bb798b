import type { TrialStore, TrialUpdate } from '@loopsweep/core';

/**
 * The store, unchanged, except that each trial state change is also told to `onUpdate` once it
 * is written, so `sweep run` can print "trial 3 COMPLETE …" lines without reading the database
 * back. A Proxy rather than a delegating class: every other method of TrialStore (present and
 * future) passes straight through.
 */
export function observeStore(store: TrialStore, onUpdate: (trialNumber: number, update: TrialUpdate) => void): TrialStore {
  const updateTrial: TrialStore['updateTrial'] = (sweepId, trialNumber, update) => {
    store.updateTrial(sweepId, trialNumber, update);
    onUpdate(trialNumber, update);
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'updateTrial') return updateTrial;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
