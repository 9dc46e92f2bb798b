/**
 * What every TrialStore must do, as vitest tests (as Optuna's testing/pytest_storages.py):
 * `describeTrialStoreConformance('sqlite', () => ({ store, cleanup }))` in each implementation's
 * test file. `open` must return an empty store each time.
 */
import { describe, expect, it } from 'vitest';
import { SEARCH_STAGE, StoreError, type EventKind, type Params, type TrialStore } from '@loopsweep/core';
import { frozenTrial, newSweep } from './fixtures.js';

/** An event as a conformance check reads it back. */
export interface LoggedEvent {
  readonly trialNumber: number | null;
  readonly kind: EventKind;
  readonly message: string;
}

export interface OpenedStore {
  readonly store: TrialStore;
  /** Closes the store (if open) and removes what it wrote. */
  cleanup(): void;
  /** Reads the sweep's events back, oldest first, where the implementation can (TrialStore has no reader); its tests are skipped without it. */
  readEvents?: (sweepName: string) => LoggedEvent[];
}

function expectStoreError(action: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(StoreError);
  expect((caught as StoreError).code).toBe('STORE');
  expect((caught as StoreError).message).toMatch(message);
}

export function describeTrialStoreConformance(name: string, open: () => OpenedStore): void {
  /** Runs `body` on a fresh store, cleaning up whatever happens. */
  function withStore(body: (opened: OpenedStore) => void): void {
    const opened = open();
    try {
      body(opened);
    } finally {
      opened.cleanup();
    }
  }

  describe(`TrialStore conformance: ${name}`, () => {
    it('creates a sweep, returns it by name, and refuses a second sweep of the same name', () => {
      withStore(({ store }) => {
        const input = newSweep('alpha', 'minimize', 'val_loss');
        const created = store.createSweep(input);
        expect(created).toMatchObject({
          name: 'alpha',
          spec: input.spec,
          specHash: 'hash-of-alpha',
          metric: 'val_loss',
          direction: 'minimize',
          objective: 'rnn-text',
          seed: 7,
          status: 'running',
        });
        expect(Number.isInteger(created.id)).toBe(true);
        expect(created.createdAt).toBeGreaterThan(0);
        expect(created.finishedAt).toBeUndefined();
        expect(store.getSweep('alpha')).toEqual(created);
        expect(store.getSweep('missing')).toBeUndefined();

        expectStoreError(() => store.createSweep(newSweep('alpha')), /alpha.*already exists.*resume/);
        const other = store.createSweep(newSweep('beta'));
        expect(other.id).not.toBe(created.id);
        expect(store.getSweep('alpha')).toEqual(created);
      });
    });

    it('sets a sweep status, stamping finishedAt for an ending and clearing it on a resume', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('status'));
        store.setSweepStatus(sweep.id, 'interrupted');
        const interrupted = store.getSweep('status');
        expect(interrupted?.status).toBe('interrupted');
        expect(interrupted?.finishedAt).toBeGreaterThanOrEqual(sweep.createdAt);
        store.setSweepStatus(sweep.id, 'running');
        expect(store.getSweep('status')?.status).toBe('running');
        expect(store.getSweep('status')?.finishedAt).toBeUndefined();
        store.setSweepStatus(sweep.id, 'finished');
        expect(store.getSweep('status')?.status).toBe('finished');
        expect(store.getSweep('status')?.finishedAt).toBeDefined();
      });
    });

    it('round-trips trials in every state with conditional, boolean, integer, real and string params', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('round-trip'));
        const other = store.createSweep(newSweep('other'));
        store.createTrial(other.id, frozenTrial(0, { optimizer: 'sgd' }));
        const params: Params[] = [
          { optimizer: 'momentum', momentum: 0.9, units: 32, bidirectional: true },
          { optimizer: 'adam', units: 8, bidirectional: false },
          { optimizer: 'sgd', units: 64, lr: 1.2345678901234567e-4 },
          { optimizer: 'momentum', momentum: 0.5, units: 16 },
          { optimizer: 'adam', units: 12 },
        ];
        params.forEach((p, number) => store.createTrial(sweep.id, frozenTrial(number, p)));
        store.updateTrial(sweep.id, 1, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 2, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 2, { state: 'COMPLETE', value: 0.875 });
        store.updateTrial(sweep.id, 3, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 3, { state: 'PRUNED', value: 0.25 });
        store.updateTrial(sweep.id, 4, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 4, { state: 'FAILED', failureReason: 'diverged: loss is NaN at epoch 3, step 12' });

        const trials = store.loadTrials(sweep.id);
        expect(trials.map((t) => t.number)).toEqual([0, 1, 2, 3, 4]);
        expect(trials.map((t) => t.state)).toEqual(['QUEUED', 'RUNNING', 'COMPLETE', 'PRUNED', 'FAILED']);
        expect(trials.map((t) => t.params)).toEqual(params);
        expect(trials[1]?.params).not.toHaveProperty('momentum');
        expect(trials.map((t) => t.value)).toEqual([undefined, undefined, 0.875, 0.25, undefined]);
        expect(trials[4]?.failureReason).toBe('diverged: loss is NaN at epoch 3, step 12');
        expect(trials[1]?.owner).toBe('me');
        expect(trials[1]?.startedAt).toBeDefined();
        expect(trials[1]?.finishedAt).toBeUndefined();
        expect(trials[2]?.finishedAt).toBeGreaterThanOrEqual(trials[2]?.startedAt ?? Infinity);
        expect(trials.every((t) => t.sweepId === sweep.id && t.attempt === 1 && t.intermediate.size === 0)).toBe(true);
        expect(store.loadTrials(other.id).map((t) => t.params)).toEqual([{ optimizer: 'sgd' }]);
      });
    });

    it("round-trips a trial's seed, stage and origin, and reads a trial created without them back without them", () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('provenance'));
        // As the Study records the sampler's trials before seeds were stored: no seed, stage or origin.
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 0.5 }));
        store.createTrial(sweep.id, frozenTrial(1, { units: 16 }, 'QUEUED', { seed: 4_294_967_295, stage: SEARCH_STAGE }));
        store.createTrial(sweep.id, frozenTrial(2, { units: 8 }, 'QUEUED', { seed: 0, stage: 'rerun', origin: 0 }));
        store.createTrial(sweep.id, frozenTrial(3, { units: 8 }, 'RUNNING', { seed: -12, stage: 'confirm', origin: 0 }));

        const trials = store.loadTrials(sweep.id);
        expect(trials[0]).not.toHaveProperty('seed');
        expect(trials[0]).not.toHaveProperty('origin');
        // Absent and 'search' mean the same (FrozenTrial.stage); an implementation may return either.
        expect(trials.map((t) => t.stage ?? SEARCH_STAGE)).toEqual([SEARCH_STAGE, SEARCH_STAGE, 'rerun', 'confirm']);
        expect(trials.map((t) => t.seed)).toEqual([undefined, 4_294_967_295, 0, -12]);
        expect(trials.map((t) => t.origin)).toEqual([undefined, undefined, 0, 0]);
        expect(trials.slice(0, 2).every((t) => !('origin' in t))).toBe(true);
      });
    });

    it('keeps seed, stage and origin through updates and a re-queue (a retry runs with the same seed)', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('provenance-updates'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'COMPLETE', { value: 0.5, seed: 11 }));
        store.createTrial(sweep.id, frozenTrial(1, { units: 8 }, 'QUEUED', { seed: 99, stage: 'rerun', origin: 0 }));
        store.updateTrial(sweep.id, 1, { state: 'RUNNING', owner: 'dead-owner' });
        store.updateTrial(sweep.id, 1, { state: 'QUEUED', attempt: 2, failureReason: 'interrupted: owner stopped' });
        store.updateTrial(sweep.id, 1, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 1, { state: 'COMPLETE', value: 0.75 });
        expect(store.loadTrials(sweep.id)[1]).toMatchObject({ state: 'COMPLETE', attempt: 2, seed: 99, stage: 'rerun', origin: 0 });
        expect(store.loadTrials(sweep.id)[0]).toMatchObject({ seed: 11 });
      });
    });

    it('round-trips a lineage and a restore step, and re-queues from a checkpoint keeping the curve up to it', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('lineage'));
        store.createTrial(sweep.id, frozenTrial(0, { lr: 0.1 }, 'PRUNED', { value: 0.5 }));
        store.createTrial(sweep.id, frozenTrial(1, { lr: 0.2 }, 'RUNNING', { value: 0.7 }));
        const exploit = { ...frozenTrial(2, { lr: 0.24 }, 'QUEUED', { stage: 'exploit' }), lineage: { parent: 1, replaces: 0, step: 4 }, restoreStep: 4 };
        store.createTrial(sweep.id, exploit);
        expect(store.loadTrials(sweep.id)[2]).toMatchObject({ lineage: { parent: 1, replaces: 0, step: 4 }, restoreStep: 4, stage: 'exploit' });
        expect(store.loadTrials(sweep.id)[1]).not.toHaveProperty('lineage');
        expect(() => store.createTrial(sweep.id, { ...frozenTrial(3, {}, 'QUEUED'), lineage: { parent: 9, replaces: 0, step: 4 } })).toThrow(
          /lineage\.parent 9 is not a trial of the sweep/,
        );

        store.appendMetrics(
          sweep.id,
          [1, 2, 3, 4, 5, 6].map((step) => ({ trialNumber: 1, step, metrics: { val_accuracy: step / 10 } })),
        );
        store.updateTrial(sweep.id, 1, { state: 'QUEUED', attempt: 2, restoreStep: 4, failureReason: 'interrupted' });
        const requeued = store.loadTrials(sweep.id)[1];
        expect(requeued).toMatchObject({ state: 'QUEUED', attempt: 2, restoreStep: 4 });
        expect([...(requeued?.intermediate.keys() ?? [])]).toEqual([1, 2, 3, 4]);
        // A plain retry starts over.
        store.updateTrial(sweep.id, 1, { state: 'RUNNING', owner: 'me' });
        store.updateTrial(sweep.id, 1, { state: 'QUEUED', attempt: 3 });
        expect(store.loadTrials(sweep.id)[1]?.intermediate.size).toBe(0);
        expect(store.loadTrials(sweep.id)[1]).not.toHaveProperty('restoreStep');
      });
    });

    it('keeps, lists, replaces and deletes checkpoints by (trial, step), bytes as written', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('checkpoints'));
        store.createTrial(sweep.id, frozenTrial(0, { lr: 0.1 }, 'RUNNING'));
        store.createTrial(sweep.id, frozenTrial(1, { lr: 0.2 }, 'RUNNING'));
        const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);
        store.saveCheckpoint(sweep.id, 0, 2, bytes(10, 1));
        store.saveCheckpoint(sweep.id, 0, 4, bytes(20, 2));
        store.saveCheckpoint(sweep.id, 1, 2, bytes(5, 3));
        store.saveCheckpoint(sweep.id, 1, 2, bytes(6, 4));
        expect(store.checkpointKeys(sweep.id)).toEqual([
          { trialNumber: 0, step: 2, bytes: 10 },
          { trialNumber: 0, step: 4, bytes: 20 },
          { trialNumber: 1, step: 2, bytes: 6 },
        ]);
        expect([...(store.loadCheckpoint(sweep.id, 1, 2) ?? [])]).toEqual([4, 4, 4, 4, 4, 4]);
        expect(store.loadCheckpoint(sweep.id, 1, 4)).toBeUndefined();
        store.deleteCheckpoint(sweep.id, 0, 2);
        store.deleteCheckpoint(sweep.id, 0, 99);
        expect(store.checkpointKeys(sweep.id).map((key) => [key.trialNumber, key.step])).toEqual([
          [0, 4],
          [1, 2],
        ]);
        expect(() => store.saveCheckpoint(sweep.id, 7, 2, bytes(1, 0))).toThrow(/trial 7 does not exist/);
      });
    });

    it('re-queues a trial: attempt counts up, the owner is cleared, the reason is kept until it succeeds', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('requeue'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
        store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'dead-owner' });
        store.appendMetrics(sweep.id, [{ trialNumber: 0, step: 1, metrics: { val_accuracy: 0.5 } }]);
        store.updateTrial(sweep.id, 0, { state: 'QUEUED', attempt: 2, failureReason: 'interrupted: owner stopped' });
        let [trial] = store.loadTrials(sweep.id);
        // The retry reports its own learning curve: the interrupted attempt's rows are gone.
        expect(trial?.intermediate.size).toBe(0);
        expect(trial).toMatchObject({ state: 'QUEUED', attempt: 2, failureReason: 'interrupted: owner stopped' });
        expect(trial?.owner).toBeUndefined();
        expect(trial?.startedAt).toBeUndefined();
        store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'new-owner' });
        [trial] = store.loadTrials(sweep.id);
        expect(trial).toMatchObject({ state: 'RUNNING', attempt: 2, owner: 'new-owner', failureReason: 'interrupted: owner stopped' });
        store.updateTrial(sweep.id, 0, { state: 'COMPLETE', value: 3 });
        [trial] = store.loadTrials(sweep.id);
        expect(trial).toMatchObject({ state: 'COMPLETE', attempt: 2, value: 3 });
        expect(trial?.failureReason).toBeUndefined();
      });
    });

    it('refuses to update an unknown trial, to create a trial twice and to write into an unknown sweep', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('unknown'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
        expectStoreError(() => store.updateTrial(sweep.id, 7, { state: 'RUNNING', owner: 'me' }), /trial 7/);
        expectStoreError(() => store.updateTrial(sweep.id + 1000, 0, { state: 'RUNNING', owner: 'me' }), /trial 0/);
        expectStoreError(() => store.createTrial(sweep.id, frozenTrial(0, { units: 9 })), /trial 0/);
        expectStoreError(() => store.createTrial(sweep.id + 1000, frozenTrial(0, { units: 9 })), /sweep/);
        expect(store.loadTrials(sweep.id).map((t) => [t.state, t.params])).toEqual([['QUEUED', { units: 8 }]]);
        expect(store.loadTrials(sweep.id + 1000)).toEqual([]);
      });
    });

    it('keeps the later value of a metric reported twice, and puts only the tracked metric in intermediate, by step', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('metrics', 'maximize', 'val_accuracy'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'RUNNING'));
        store.createTrial(sweep.id, frozenTrial(1, { units: 16 }, 'RUNNING'));
        store.appendMetrics(sweep.id, [
          { trialNumber: 0, step: 2, metrics: { val_accuracy: 0.6, loss: 0.9 } },
          { trialNumber: 1, step: 1, metrics: { val_accuracy: 0.3 } },
          { trialNumber: 0, step: 1, metrics: { val_accuracy: 0.5, loss: 1.2 } },
          { trialNumber: 0, step: 2, metrics: { val_accuracy: 0.65 } },
        ]);
        store.appendMetrics(sweep.id, [{ trialNumber: 1, step: 1, metrics: { val_accuracy: 0.35 } }]);
        store.appendMetrics(sweep.id, [{ trialNumber: 1, step: 3, metrics: { loss: 0.1 } }]);
        store.appendMetrics(sweep.id, [{ trialNumber: 1, step: 4, metrics: { val_accuracy: Number.NaN } }]);
        const [first, second] = store.loadTrials(sweep.id);
        expect([...(first?.intermediate ?? [])]).toEqual([
          [1, 0.5],
          [2, 0.65],
        ]);
        expect([...(second?.intermediate ?? [])]).toEqual([
          [1, 0.35],
          [4, Number.NaN],
        ]);
      });
    });

    it('writes a batch of metrics all or nothing: a row of an unknown trial rejects the whole call', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('atomic'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'RUNNING'));
        const rows = Array.from({ length: 50 }, (_, step) => ({ trialNumber: 0, step, metrics: { val_accuracy: step / 100 } }));
        expectStoreError(() => store.appendMetrics(sweep.id, [...rows, { trialNumber: 9, step: 0, metrics: { val_accuracy: 1 } }]), /trial 9/);
        expect(store.loadTrials(sweep.id)[0]?.intermediate.size).toBe(0);
        store.appendMetrics(sweep.id, rows);
        expect(store.loadTrials(sweep.id)[0]?.intermediate.size).toBe(50);
      });
    });

    it('stores a created trial’s intermediate values as its tracked metric', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('imported', 'minimize', 'val_loss'));
        const intermediate = new Map([
          [1, 0.9],
          [2, 0.7],
        ]);
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }, 'PRUNED', { value: 0.7, intermediate, attempt: 2 }));
        const [trial] = store.loadTrials(sweep.id);
        expect(trial).toMatchObject({ state: 'PRUNED', value: 0.7, attempt: 2 });
        expect([...(trial?.intermediate ?? [])]).toEqual([...intermediate]);
      });
    });

    it('finds RUNNING trials of other owners whose heartbeat is older than the lease', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('heartbeat'));
        const other = store.createSweep(newSweep('heartbeat-other'));
        const owners = ['dead', 'alive', 'me', 'dead', 'dead'];
        owners.forEach((owner, number) => {
          store.createTrial(sweep.id, frozenTrial(number, { units: number + 8 }));
          store.updateTrial(sweep.id, number, { state: 'RUNNING', owner });
        });
        store.updateTrial(sweep.id, 3, { state: 'COMPLETE', value: 1 });
        store.createTrial(other.id, frozenTrial(0, { units: 8 }));
        store.updateTrial(other.id, 0, { state: 'RUNNING', owner: 'dead' });
        store.appendMetrics(sweep.id, [{ trialNumber: 4, step: 1, metrics: { val_accuracy: 0.4, loss: 2 } }]);

        store.heartbeat(sweep.id, 'dead', 1_000);
        store.heartbeat(sweep.id, 'alive', 5_000);
        store.heartbeat(sweep.id, 'me', 0);

        // Lease 3 s at t = 7 s: anything last seen before 4 s is dead.
        const found = store.findInterrupted(sweep.id, 'me', 7_000, 3_000);
        expect(found.map((t) => t.number)).toEqual([0, 4]);
        expect(found[0]).toMatchObject({ state: 'RUNNING', owner: 'dead', heartbeatAt: 1_000, sweepId: sweep.id });
        expect([...(found[1]?.intermediate ?? [])]).toEqual([[1, 0.4]]);
        // Exactly at the lease is not older than it.
        expect(store.findInterrupted(sweep.id, 'me', 4_000, 3_000)).toEqual([]);
        expect(store.findInterrupted(sweep.id, 'me', 8_001, 3_000).map((t) => t.number)).toEqual([0, 1, 4]);
        // Finding changes nothing.
        expect(store.loadTrials(sweep.id).map((t) => t.state)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'COMPLETE', 'RUNNING']);
        // The other sweep's trial was never heartbeated at the fake time, and belongs to another sweep.
        expect(store.loadTrials(other.id)[0]?.heartbeatAt).not.toBe(1_000);
      });
    });

    it('commits a batch of writes together, or none of them when it throws', () => {
      withStore(({ store }) => {
        const sweep = store.createSweep(newSweep('batch'));
        store.batch(() => {
          store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
          store.updateTrial(sweep.id, 0, { state: 'RUNNING', owner: 'me' });
          store.appendMetrics(sweep.id, [{ trialNumber: 0, step: 1, metrics: { val_accuracy: 0.5 } }]);
        });
        expect(store.loadTrials(sweep.id)[0]).toMatchObject({ state: 'RUNNING', owner: 'me' });
        expect(() =>
          store.batch(() => {
            store.createTrial(sweep.id, frozenTrial(1, { units: 16 }));
            throw new Error('abandon');
          }),
        ).toThrow('abandon');
        expect(store.loadTrials(sweep.id)).toHaveLength(1);
      });
    });

    it('appends events of the sweep and of its trials', () => {
      withStore(({ store, readEvents }) => {
        const sweep = store.createSweep(newSweep('events'));
        store.createTrial(sweep.id, frozenTrial(0, { units: 8 }));
        store.appendEvent(sweep.id, null, 'sweep_started', 'started with 2 workers');
        store.appendEvent(sweep.id, 0, 'trial_failed', 'out of memory, "quoted", with\nnewline');
        expectStoreError(() => store.appendEvent(sweep.id + 1000, null, 'info', 'nowhere'), /sweep/);
        if (readEvents === undefined) return;
        expect(readEvents('events')).toEqual([
          { trialNumber: null, kind: 'sweep_started', message: 'started with 2 workers' },
          { trialNumber: 0, kind: 'trial_failed', message: 'out of memory, "quoted", with\nnewline' },
        ]);
      });
    });
  });
}
