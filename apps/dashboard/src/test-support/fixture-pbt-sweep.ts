/**
 * A hand-made population-based training sweep written with the real store (SqliteTrialStore), with
 * a known lineage: population 3, 6 epochs, interval 2. #0 is stopped at epoch 2 and #3 continues #1
 * there; #2 is stopped at epoch 4 and #4 continues #3 there. The best member, #4 (loss 0.08),
 * trained with lr 0.2 (epochs 1–2, as #1) → 0.05 (3–4, as #3) → 0.025 (5–6). Plus `plain`, a
 * random sweep (no population).
 */
import type { FrozenTrial, TrialState } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';

export const PBT_FIXTURE_MEMBERS: readonly {
  readonly number: number;
  readonly state: TrialState;
  readonly lr: number;
  readonly first: number;
  readonly losses: readonly number[];
  readonly lineage?: { readonly parent: number; readonly step: number; readonly replaces: number };
}[] = [
  { number: 0, state: 'PRUNED', lr: 0.4, first: 1, losses: [1, 0.9] },
  { number: 1, state: 'COMPLETE', lr: 0.2, first: 1, losses: [0.8, 0.6, 0.5, 0.4, 0.35, 0.3] },
  { number: 2, state: 'PRUNED', lr: 0.1, first: 1, losses: [0.9, 0.7, 0.65, 0.62] },
  { number: 3, state: 'COMPLETE', lr: 0.05, first: 3, losses: [0.5, 0.3, 0.2, 0.1], lineage: { parent: 1, step: 2, replaces: 0 } },
  { number: 4, state: 'COMPLETE', lr: 0.025, first: 5, losses: [0.15, 0.08], lineage: { parent: 3, step: 4, replaces: 2 } },
];

/** Writes sweeps `pbt` and `plain` into `dbPath` and returns the open store (close it after). */
export function writePbtFixture(dbPath: string): { store: SqliteTrialStore } {
  const store = SqliteTrialStore.open(dbPath);
  const sweep = (name: string, sampler: Record<string, unknown>, budget: Record<string, unknown>) =>
    store.createSweep({
      name,
      spec: {
        name,
        objective: 'noop',
        metric: { name: 'loss', goal: 'minimize' },
        budget,
        sampler,
        parameters: { lr: { log_uniform: [0.001, 1] }, units: { values: [8] } },
      },
      specHash: name,
      metric: 'loss',
      direction: 'minimize',
      objective: 'noop',
      seed: 1,
    });
  const pbt = sweep('pbt', { type: 'pbt', seed: 1, population: 3, interval: 2 }, { max_epochs: 6, parallel: 3 });
  for (const member of PBT_FIXTURE_MEMBERS) {
    const trial: FrozenTrial = {
      number: member.number,
      state: member.state,
      params: { lr: member.lr, units: 8 },
      intermediate: new Map(member.losses.map((loss, i) => [member.first + i, loss])),
      attempt: 1,
      stage: member.lineage ? 'exploit' : 'search',
      ...(member.state === 'COMPLETE' ? { value: member.losses.at(-1) } : {}),
      ...(member.lineage ? { lineage: member.lineage, restoreStep: member.lineage.step } : {}),
    };
    store.createTrial(pbt.id, trial);
  }
  const plain = sweep('plain', { type: 'random', seed: 1 }, { trials: 1, max_epochs: 2 });
  store.createTrial(plain.id, { number: 0, state: 'COMPLETE', params: { lr: 0.1, units: 8 }, intermediate: new Map([[1, 0.5]]), attempt: 1, value: 0.5 });
  return { store };
}
