import { describe, expect, it } from 'vitest';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { FrozenTrial } from '../../trial/frozen-trial.js';
import { RandomSampler } from '../random.js';
import { describeSamplerConformance } from '../testing/sampler-conformance.js';
import { TpeSampler } from './tpe-sampler.js';

describeSamplerConformance('tpe (multivariate, groups)', (seed) => new TpeSampler({ seed, multivariate: true }));
describeSamplerConformance(
  'tpe (multivariate, no groups, 3 startup trials)',
  (seed) => new TpeSampler({ seed, multivariate: true, group: false, nStartupTrials: 3 }),
);

const plane: SearchSpace = {
  params: [
    { name: 'x', distribution: { kind: 'float', low: 0, high: 1, log: false } },
    { name: 'y', distribution: { kind: 'float', low: 0, high: 1, log: false } },
  ],
};
const record = (number: number, params: Params, value?: number): FrozenTrial => ({
  number,
  state: value === undefined ? 'RUNNING' : 'COMPLETE',
  params,
  ...(value === undefined ? {} : { value }),
  intermediate: new Map(),
  attempt: 1,
});

describe('TpeSampler (multivariate)', () => {
  it('models each branch of a conditional space from its own trials and proposes legal params', () => {
    const space: SearchSpace = {
      params: [
        { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum'] } },
        { name: 'lr', distribution: { kind: 'float', low: 1e-4, high: 1, log: true } },
        { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
      ],
    };
    const tpe = new TpeSampler({ seed: 3, multivariate: true });
    const objective = (p: Params): number =>
      p.optimizer === 'sgd' ? 1 : Math.abs((p.momentum as number) - 0.95) + Math.abs(Math.log10(p.lr as number) + 2) / 10;
    const trials: FrozenTrial[] = [];
    for (let number = 0; number < 60; number++) {
      const params = tpe.sample({ space, trials, number, direction: 'minimize' });
      expect('momentum' in params).toBe(params.optimizer === 'momentum');
      trials.push(record(number, params, objective(params)));
    }
    const late = trials.slice(30).filter((t) => t.params.optimizer === 'momentum');
    expect(late.length).toBeGreaterThan(20);
    // Uniform momenta would be 0.21 from 0.95 on average.
    const distance = late.reduce((sum, t) => sum + Math.abs((t.params.momentum as number) - 0.95), 0) / late.length;
    expect(distance).toBeLessThan(0.1);
  });

  it('steers away from pending trials with the constant liar, and not without it', () => {
    let honestNear = 0;
    let liarNear = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const random = new RandomSampler({ seed });
      const done: FrozenTrial[] = [];
      for (let number = 0; number < 30; number++) {
        const p = random.sample({ space: plane, trials: done, number, direction: 'minimize' });
        done.push(record(number, p, ((p.x as number) - 0.3) ** 2 + ((p.y as number) - 0.6) ** 2));
      }
      const best = done.reduce((a, b) => ((a.value as number) <= (b.value as number) ? a : b)).params as { x: number; y: number };
      const pending = Array.from({ length: 10 }, (_, i) => record(30 + i, { x: best.x + (i - 5) * 0.002, y: best.y + (i - 5) * 0.002 }));
      const near = (constantLiar: boolean): number => {
        const tpe = new TpeSampler({ seed, constantLiar, multivariate: true });
        let count = 0;
        for (let i = 0; i < 30; i++) {
          const p = tpe.sample({ space: plane, trials: [...done, ...pending], number: 40 + i, direction: 'minimize' });
          if (Math.hypot((p.x as number) - best.x, (p.y as number) - best.y) < 0.03) count++;
        }
        return count;
      };
      honestNear += near(false);
      liarNear += near(true);
    }
    expect(honestNear).toBeGreaterThan(3);
    expect(liarNear).toBe(0);
  });

  it('proposes differently from the univariate model on the same history', () => {
    const random = new RandomSampler({ seed: 9 });
    const trials: FrozenTrial[] = [];
    for (let number = 0; number < 20; number++) {
      const p = random.sample({ space: plane, trials, number, direction: 'minimize' });
      trials.push(record(number, p, ((p.x as number) - (p.y as number)) ** 2));
    }
    const context = { space: plane, trials, number: 20, direction: 'minimize' } as const;
    expect(new TpeSampler({ seed: 9, multivariate: true }).sample(context)).not.toEqual(new TpeSampler({ seed: 9 }).sample(context));
    // Stateless: the same context gives the same proposal.
    expect(new TpeSampler({ seed: 9, multivariate: true }).sample(context)).toEqual(new TpeSampler({ seed: 9, multivariate: true }).sample(context));
  });
});
