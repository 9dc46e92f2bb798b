/**
 * A population-based training sweep (issue 18) run by the real runner, as `sweep run` runs it: the
 * runner's noisy quadratic objective (a module that offers a checkpoint with every report and
 * restores from ctx.restore()), sampler pbt, members continuing each other's checkpoints.
 */
import { fileURLToPath } from 'node:url';
import { parseSweepSpec } from '@loopsweep/core';
import { createExecutor, parseDevices, runSweep, SweepControl, type SweepOutcome } from '@loopsweep/runner';
import { SqliteTrialStore, type TrialRow } from '@loopsweep/store';

/** The runner's noisy quadratic model: loss minimized, param lr; a decaying lr beats any constant one. */
export const NOISY_QUADRATIC = fileURLToPath(new URL('../../../../packages/runner/src/objectives/fixtures/noisy-quadratic.mjs', import.meta.url));

export const pbtSpec = (name: string, options: { population: number; epochs: number; seed: number }): string => `
name: ${name}
objective: ${NOISY_QUADRATIC}
metric: { name: loss, goal: minimize }
budget: { max_epochs: ${options.epochs}, parallel: ${options.population} }
sampler: { type: pbt, seed: ${options.seed}, population: ${options.population}, interval: 2 }
parameters:
  lr: { log_uniform: [1.0e-3, 1.0] }
`;

/** Runs a PBT spec to its end on `population` wasm slots. */
export async function runPbtToEnd(dbPath: string, specText: string, slots: number): Promise<SweepOutcome> {
  const store = SqliteTrialStore.open(dbPath);
  const executor = createExecutor(parseDevices(`wasm:${slots}`, slots));
  try {
    return await runSweep({
      store,
      executor,
      control: new SweepControl(),
      start: { kind: 'new', spec: parseSweepSpec(specText), specDir: process.cwd() },
      tickMs: 20,
    });
  } finally {
    await executor.close();
    store.close();
  }
}

/**
 * The lr of each epoch 1…epochs that `member` trained with, found from the stored lineage alone:
 * its parent's schedule up to the exploit step, then its own lr (as the runner's pbt test does).
 */
export function lrSchedule(rows: readonly TrialRow[], member: TrialRow, epochs: number): number[] {
  const own = member.params['lr'] as number;
  if (member.lineage === undefined) return Array.from({ length: epochs }, () => own);
  const parent = rows.find((row) => row.number === member.lineage?.parent);
  if (parent === undefined) throw new Error(`trial ${member.number}'s parent ${member.lineage.parent} is missing`);
  const before = lrSchedule(rows, parent, epochs).slice(0, member.lineage.step);
  return [...before, ...Array.from({ length: epochs - member.lineage.step }, () => own)];
}
