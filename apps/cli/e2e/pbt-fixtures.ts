/**
 * A hand-made population-based training sweep written with the real store (SqliteTrialStore), with
 * a known lineage, so a test can say exactly which chain and schedule the best member has.
 */
import type { FrozenTrial, TrialState } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

interface HandMember {
  readonly number: number;
  readonly state: TrialState;
  readonly lr: number;
  /** Its loss per epoch, from `first`. */
  readonly losses: readonly number[];
  readonly first: number;
  readonly lineage?: { readonly parent: number; readonly step: number; readonly replaces: number };
}

/**
 * Population 3, 6 epochs, interval 2: #0 is stopped at epoch 2 and #3 continues #1 there; #2 is
 * stopped at epoch 4 and #4 continues #3 there. The best member, #4 (loss 0.08), trained with
 * lr 0.2 (epochs 1–2, as #1) → 0.05 (3–4, as #3) → 0.025 (5–6).
 */
export const PBT_NAME = 'pbt-hand';
export const PBT_MEMBERS: readonly HandMember[] = [
  { number: 0, state: 'PRUNED', lr: 0.4, first: 1, losses: [1, 0.9] },
  { number: 1, state: 'COMPLETE', lr: 0.2, first: 1, losses: [0.8, 0.6, 0.5, 0.4, 0.35, 0.3] },
  { number: 2, state: 'PRUNED', lr: 0.1, first: 1, losses: [0.9, 0.7, 0.65, 0.62] },
  { number: 3, state: 'COMPLETE', lr: 0.05, first: 3, losses: [0.5, 0.3, 0.2, 0.1], lineage: { parent: 1, step: 2, replaces: 0 } },
  { number: 4, state: 'COMPLETE', lr: 0.025, first: 5, losses: [0.15, 0.08], lineage: { parent: 3, step: 4, replaces: 2 } },
];

export const PLAIN_NAME = 'plain-hand';

/** Writes the PBT sweep and a plain random one (two trials, no lineage) into `db`. */
export function writePbtSweeps(db: string): void {
  const store = SqliteTrialStore.open(db);
  try {
    const pbt = store.createSweep({
      name: PBT_NAME,
      spec: {
        name: PBT_NAME,
        objective: 'noop',
        metric: { name: 'loss', goal: 'minimize' },
        budget: { max_epochs: 6, parallel: 3 },
        sampler: { type: 'pbt', seed: 1, population: 3, interval: 2 },
        parameters: { lr: { log_uniform: [0.001, 1] }, units: { values: [8] } },
      },
      specHash: PBT_NAME,
      metric: 'loss',
      direction: 'minimize',
      objective: 'noop',
      seed: 1,
    });
    for (const member of PBT_MEMBERS) {
      const frozen: FrozenTrial = {
        number: member.number,
        state: member.state,
        params: { lr: member.lr, units: 8 },
        intermediate: new Map(member.losses.map((loss, i) => [member.first + i, loss])),
        attempt: 1,
        ...(member.state === 'COMPLETE' ? { value: member.losses.at(-1) } : {}),
        stage: member.lineage ? 'exploit' : 'search',
        ...(member.lineage ? { lineage: member.lineage, restoreStep: member.lineage.step } : {}),
      };
      store.createTrial(pbt.id, frozen);
    }
    const plain = store.createSweep({
      name: PLAIN_NAME,
      spec: {
        name: PLAIN_NAME,
        objective: 'noop',
        metric: { name: 'loss', goal: 'minimize' },
        budget: { trials: 2, max_epochs: 2, parallel: 1 },
        sampler: { type: 'random', seed: 1 },
        parameters: { lr: { log_uniform: [0.001, 1] } },
      },
      specHash: PLAIN_NAME,
      metric: 'loss',
      direction: 'minimize',
      objective: 'noop',
      seed: 1,
    });
    [0.3, 0.2].forEach((loss, number) =>
      store.createTrial(plain.id, {
        number,
        state: 'COMPLETE',
        params: { lr: 0.1 * (number + 1) },
        intermediate: new Map([
          [1, loss + 0.1],
          [2, loss],
        ]),
        attempt: 1,
        value: loss,
      }),
    );
  } finally {
    store.close();
  }
}
