/**
 * The GP in conditional spaces: every param is a dimension, an inactive one imputed at a constant;
 * proposals hold exactly the active params, and the model pays off against random search.
 */
import { describe, expect, it } from 'vitest';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { RandomSampler } from '../random.js';
import type { Sampler } from '../sampler.js';
import { expectLegalProposal } from '../testing/sampler-conformance.js';
import { inactiveCoordinate } from './gp-dimension.js';
import { median } from '../testing/sequential-sweep.js';
import { GpSampler } from './gp-sampler.js';
import { buildTrainingData } from './training-data.js';

/** Nested conditions, a condition on an int, a fixed param under a condition. */
const NESTED: SearchSpace = {
  params: [
    { name: 'model', distribution: { kind: 'categorical', choices: ['linear', 'tree', 'net'] } },
    { name: 's', distribution: { kind: 'float', low: -1, high: 1, log: false } },
    { name: 'alpha', distribution: { kind: 'float', low: 1e-4, high: 1, log: true }, when: { model: ['linear'] } },
    { name: 'depth', distribution: { kind: 'int', low: 1, high: 4, log: false, step: 1 }, when: { model: ['tree'] } },
    { name: 'split', distribution: { kind: 'float', low: 0, high: 1, log: false }, when: { depth: [3, 4] } },
    { name: 'layers', distribution: { kind: 'int', low: 1, high: 3, log: false, step: 1 }, when: { model: ['net'] } },
    { name: 'act', distribution: { kind: 'categorical', choices: ['relu', 'tanh'] }, when: { model: ['net'] } },
    { name: 'slope', distribution: { kind: 'float', low: 0, high: 0.5, log: false }, when: { act: ['relu'] } },
    { name: 'bias', distribution: { kind: 'fixed', value: true }, when: { model: ['net'] } },
  ],
};

/** Best at model tree, depth 3, split 0.7, s 0 (value 0); the other branches bottom out higher. */
function nestedObjective(p: Params): number {
  const shared = (p.s as number) ** 2;
  if (p.model === 'linear') return shared + 0.4 + (Math.log10(p.alpha as number) + 2) ** 2 / 8;
  if (p.model === 'tree') return shared + ((p.depth as number) - 3) ** 2 / 4 + ('split' in p ? ((p.split as number) - 0.7) ** 2 : 0.5);
  return shared + 0.3 + ((p.layers as number) - 2) ** 2 / 4 + (p.act === 'relu' ? ((p.slope as number) - 0.1) ** 2 : 0.2);
}

function complete(number: number, params: Params, value: number): FrozenTrial {
  return { number, state: 'COMPLETE', params, value, intermediate: new Map(), attempt: 1 };
}

function sweep(sampler: Sampler, space: SearchSpace, objective: (p: Params) => number, trials: number): FrozenTrial[] {
  const history: FrozenTrial[] = [];
  for (let number = 0; number < trials; number++) {
    const params = sampler.sample({ space, trials: history, number, direction: 'minimize' });
    history.push(complete(number, params, objective(params)));
  }
  return history;
}

describe('GpSampler in a conditional space', () => {
  it('proposes legal params: exactly the active ones, every branch and nested branch explored', () => {
    const history = sweep(new GpSampler({ seed: 11 }), NESTED, nestedObjective, 40);
    // expectLegalProposal: every active param present and legal, every inactive one absent.
    for (const trial of history) expectLegalProposal(NESTED, trial.params);
    const modelled = history.slice(10);
    expect(new Set(modelled.map((t) => t.params.model)).size).toBeGreaterThan(1);
    expect(modelled.some((t) => 'split' in t.params)).toBe(true);
  });

  it('models every param, an inactive one at its imputed coordinate', () => {
    const history = sweep(new GpSampler({ seed: 12 }), NESTED, nestedObjective, 15);
    const data = buildTrainingData(NESTED, history, 'minimize')!;
    expect(data.dimensions.map((d) => d.name)).toEqual(['model', 's', 'alpha', 'depth', 'split', 'layers', 'act', 'slope']);
    const dims = data.dimensions.length;
    history.forEach((trial, i) => {
      data.dimensions.forEach((dimension, d) => {
        const active = dimension.name in trial.params;
        expect(data.active[i * dims + d]).toBe(active ? 1 : 0);
        if (!active) expect(data.inputs.x[i * dims + d]).toBe(inactiveCoordinate(dimension));
      });
    });
  });

  it('is deterministic: the same seed and history give the same proposal', () => {
    const history = sweep(new GpSampler({ seed: 13 }), NESTED, nestedObjective, 20);
    const context = { space: NESTED, trials: history, number: 20, direction: 'minimize' as const };
    const used = new GpSampler({ seed: 5 });
    used.sample({ ...context, trials: history.slice(0, 15), number: 15 });
    expect(used.sample(context)).toEqual(new GpSampler({ seed: 5 }).sample(context));
  });

  it('beats random search: median best of 10 seeds × 40 trials', () => {
    const seeds = Array.from({ length: 10 }, (_, i) => i + 1);
    const best = (make: (seed: number) => Sampler): number =>
      median(seeds.map((seed) => Math.min(...sweep(make(seed), NESTED, nestedObjective, 40).map((t) => t.value as number))));
    const gp = best((seed) => new GpSampler({ seed }));
    const random = best((seed) => new RandomSampler({ seed }));
    // Measured: 6e-7 against random's 0.09.
    expect(gp).toBeLessThan(random / 10);
  });
});
