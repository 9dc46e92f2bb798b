import { describe, expect, it } from 'vitest';
import { SpecError } from '../../errors/spec-error.js';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import { RandomSampler } from '../random.js';
import type { SamplingContext } from '../sampler.js';
import { describeSamplerConformance, expectLegalProposal } from '../testing/sampler-conformance.js';
import { GpSampler } from './gp-sampler.js';

describeSamplerConformance('gp', (seed) => new GpSampler({ seed }));

/** Every param kind the GP handles, plus a conditional and a fixed one. */
const EVERY_KIND: SearchSpace = {
  params: [
    { name: 'float', distribution: { kind: 'float', low: -1, high: 1, log: false } },
    { name: 'float_log', distribution: { kind: 'float', low: 1e-5, high: 1e-1, log: true } },
    { name: 'float_step', distribution: { kind: 'float', low: 0, high: 1, log: false, step: 0.05 } },
    { name: 'int', distribution: { kind: 'int', low: 1, high: 8, log: false, step: 1 } },
    { name: 'int_step', distribution: { kind: 'int', low: 16, high: 256, log: false, step: 16 } },
    { name: 'int_log', distribution: { kind: 'int', low: 1, high: 1024, log: true, step: 1 } },
    { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum', 'adam'] } },
    { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
    { name: 'epochs', distribution: { kind: 'fixed', value: 10 } },
  ],
};

/** A smooth objective of EVERY_KIND's params, best at float 0.3, lr 1e-3, int 5, adam. */
function everyKindObjective(p: Params): number {
  return (
    ((p.float as number) - 0.3) ** 2 +
    (Math.log10(p.float_log as number) + 3) ** 2 / 4 +
    ((p.float_step as number) - 0.5) ** 2 +
    ((p.int as number) - 5) ** 2 / 16 +
    ((p.int_step as number) - 128) ** 2 / 30000 +
    (Math.log2(p.int_log as number) - 4) ** 2 / 25 +
    (p.optimizer === 'adam' ? 0 : 0.3)
  );
}

function complete(number: number, params: Params, value: number): FrozenTrial {
  return { number, state: 'COMPLETE', params, value, intermediate: new Map(), attempt: 1 };
}

/** A sequential sweep: each proposal told at once, checked for legality on the way. */
function sweep(sampler: GpSampler, space: SearchSpace, objective: (p: Params) => number, trials: number, direction: Direction = 'minimize'): FrozenTrial[] {
  const history: FrozenTrial[] = [];
  for (let number = 0; number < trials; number++) {
    const params = sampler.sample({ space, trials: history, number, direction });
    expectLegalProposal(space, params);
    history.push(complete(number, params, objective(params)));
  }
  return history;
}

const LINE: SearchSpace = { params: [{ name: 'x', distribution: { kind: 'float', low: 0, high: 1, log: false } }] };

describe('GpSampler', () => {
  it('proposes what a RandomSampler with the same seed does until n_startup_trials trials are COMPLETE', () => {
    const gp = new GpSampler({ seed: 5, nStartupTrials: 4 });
    const random = new RandomSampler({ seed: 5 });
    const trials: FrozenTrial[] = [];
    for (let number = 0; number < 4; number++) {
      const context: SamplingContext = { space: EVERY_KIND, trials: [...trials], number, direction: 'minimize' };
      const params = gp.sample(context);
      expect(params).toEqual(random.sample(context));
      // A pruned and a failed trial do not count towards the startup.
      trials.push(complete(number, params, everyKindObjective(params)));
      trials.push({ number: number + 100, state: 'PRUNED', params, value: 0, intermediate: new Map([[1, 0]]), attempt: 1 });
      trials.push({ number: number + 200, state: 'FAILED', params, intermediate: new Map(), attempt: 1 });
    }
    const context: SamplingContext = { space: EVERY_KIND, trials, number: 4, direction: 'minimize' };
    expect(gp.sample(context)).not.toEqual(random.sample(context));
  });

  it('proposes legal values for every param kind, and improves on its startup', () => {
    const history = sweep(new GpSampler({ seed: 3 }), EVERY_KIND, everyKindObjective, 30);
    const best = (trials: FrozenTrial[]): number => Math.min(...trials.map((t) => t.value as number));
    expect(best(history.slice(10))).toBeLessThan(best(history.slice(0, 10)));
  });

  it('proposes the same params for the same seed and history, whatever it was asked before', () => {
    const history = sweep(new GpSampler({ seed: 1 }), EVERY_KIND, everyKindObjective, 16);
    const context: SamplingContext = { space: EVERY_KIND, trials: history, number: 16, direction: 'minimize' };
    const used = new GpSampler({ seed: 9 });
    used.sample({ ...context, trials: history.slice(0, 12), number: 12 });
    expect(used.sample(context)).toEqual(new GpSampler({ seed: 9 }).sample(context));
  });

  it('ignores PRUNED and FAILED trials: adding them changes nothing', () => {
    const history = sweep(new GpSampler({ seed: 2 }), LINE, (p) => ((p.x as number) - 0.7) ** 2, 14);
    const noise: FrozenTrial[] = [
      { number: 14, state: 'PRUNED', params: { x: 0.1 }, value: -5, intermediate: new Map([[1, -5]]), attempt: 1 },
      { number: 15, state: 'FAILED', params: { x: 0.2 }, intermediate: new Map(), attempt: 1 },
    ];
    const sampler = new GpSampler({ seed: 2 });
    const plain = sampler.sample({ space: LINE, trials: history, number: 16, direction: 'minimize' });
    expect(sampler.sample({ space: LINE, trials: [...history, ...noise], number: 16, direction: 'minimize' })).toEqual(plain);
  });

  it.each(['minimize', 'maximize'] as const)('respects the direction (%s): converges to the better end of a slope', (direction) => {
    const history = sweep(new GpSampler({ seed: 4 }), LINE, (p) => p.x as number, 20, direction);
    const last = history.slice(-5).map((t) => t.params.x as number);
    for (const x of last) {
      if (direction === 'minimize') expect(x).toBeLessThan(0.1);
      else expect(x).toBeGreaterThan(0.9);
    }
  });

  it('spreads parallel asks out: a pending trial is a bad result, so the next ask looks elsewhere', () => {
    const space: SearchSpace = {
      params: [
        { name: 'x', distribution: { kind: 'float', low: 0, high: 1, log: false } },
        { name: 'y', distribution: { kind: 'float', low: 0, high: 1, log: false } },
      ],
    };
    const objective = (p: Params): number => ((p.x as number) - 0.6) ** 2 + ((p.y as number) - 0.4) ** 2;
    const distance = (a: Params, b: Params): number => Math.hypot((a.x as number) - (b.x as number), (a.y as number) - (b.y as number));
    for (const seed of [1, 2, 3]) {
      const sampler = new GpSampler({ seed });
      const history = sweep(sampler, space, objective, 15);
      const first = sampler.sample({ space, trials: history, number: 15, direction: 'minimize' });
      const running: FrozenTrial = { number: 15, state: 'RUNNING', params: first, intermediate: new Map(), attempt: 1 };
      const second = sampler.sample({ space, trials: [...history, running], number: 16, direction: 'minimize' });
      // Without the lie, the same ask (same number, same pool) lands next to the first proposal.
      const unaware = sampler.sample({ space, trials: history, number: 16, direction: 'minimize' });
      expect(distance(second, first)).toBeGreaterThan(0.02);
      expect(distance(second, first)).toBeGreaterThan(distance(unaware, first));
    }
  });

  it('proposes legal values in a conditional space, taking both branches', () => {
    const sampler = new GpSampler({ seed: 6 });
    const history = sweep(sampler, EVERY_KIND, everyKindObjective, 20);
    const withMomentum = history.filter((t) => 'momentum' in t.params);
    expect(withMomentum.length).toBeGreaterThan(0);
    expect(withMomentum.length).toBeLessThan(20);
  });

  it('refuses bad options with SpecError naming the spec path', () => {
    expect(() => new GpSampler({ seed: 1, nCandidates: 0 })).toThrow(SpecError);
    expect(() => new GpSampler({ seed: 1, nCandidates: 0 })).toThrow('sampler.n_candidates: must be an integer >= 1 (got 0)');
    expect(() => new GpSampler({ seed: 1, nStartupTrials: -1 })).toThrow('sampler.n_startup_trials');
    expect(new GpSampler({ seed: 1 }).options).toEqual({ seed: 1, nStartupTrials: 10, nCandidates: 512 });
  });
});
