import { describe, expect, it } from 'vitest';
import type { TrialStore, TrialUpdate } from '@loopsweep/core';
import { observeStore } from './observed-store.js';

describe('observeStore', () => {
  it('passes every call through and reports trial updates after they are written', () => {
    const calls: string[] = [];
    const inner = {
      updateTrial: (_s: number, n: number, u: TrialUpdate) => calls.push(`write ${n} ${u.state}`),
      batch: <T>(body: () => T) => {
        calls.push('batch');
        return body();
      },
      close() {
        calls.push(`close ${this === inner}`);
      },
    } as unknown as TrialStore;
    const store = observeStore(inner, (n, u) => calls.push(`seen ${n} ${u.state}`));
    store.batch(() => store.updateTrial(1, 3, { state: 'COMPLETE', value: 0.5 }));
    store.close();
    expect(calls).toEqual(['batch', 'write 3 COMPLETE', 'seen 3 COMPLETE', 'close true']);
  });
});
