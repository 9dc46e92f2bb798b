import { describe, expect, it } from 'vitest';
import type { Params } from '../../search-space/distributions.js';
import type { SearchSpace } from '../../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import type { TrialState } from '../../trial/trial-state.js';
import { RandomSampler } from '../random.js';
import { DESIGN_SPACE } from '../testing/example-spaces.js';
import { describeSamplerConformance } from '../testing/sampler-conformance.js';
import { TpeSampler } from './tpe-sampler.js';

describeSamplerConformance('tpe', (seed) => new TpeSampler({ seed }));
describeSamplerConformance(
  'tpe (3 startup trials, gamma 0.25, no liar)',
  (seed) => new TpeSampler({ seed, nStartupTrials: 3, gamma: 0.25, constantLiar: false }),
);

const line: SearchSpace = { params: [{ name: 'x', distribution: { kind: 'float', low: 0, high: 1, log: false } }] };
const trial = (number: number, params: Params, state: TrialState, value?: number, intermediate: ReadonlyMap<number, number> = new Map()): FrozenTrial => ({
  number,
  state,
  params,
  ...(value === undefined ? {} : { value }),
  intermediate,
  attempt: 1,
});

/** Runs a sequential sweep of `objective` with `sampler` and returns its trials. */
const sweep = (
  sampler: TpeSampler | RandomSampler,
  space: SearchSpace,
  objective: (p: Params) => number,
  count: number,
  direction: Direction = 'minimize',
): FrozenTrial[] => {
  const trials: FrozenTrial[] = [];
  for (let number = 0; number < count; number++) {
    const params = sampler.sample({ space, trials, number, direction });
    trials.push(trial(number, params, 'COMPLETE', objective(params)));
  }
  return trials;
};
const x = (p: Params): number => p.x as number;
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('TpeSampler', () => {
  it('proposes what RandomSampler with the same seed would until 10 trials are COMPLETE or PRUNED', () => {
    const tpe = new TpeSampler({ seed: 4 });
    const random = new RandomSampler({ seed: 4 });
    const trials: FrozenTrial[] = [];
    for (let number = 0; number < 14; number++) {
      const context = { space: DESIGN_SPACE, trials, number, direction: 'minimize' } as const;
      // Only COMPLETE and PRUNED count: FAILED and pending trials do not end the startup phase.
      const finished = trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED').length;
      if (finished < 10) expect(tpe.sample(context)).toEqual(random.sample(context));
      else expect(tpe.sample(context)).not.toEqual(random.sample(context));
      const params = random.sample(context);
      const state: TrialState = number % 4 === 1 ? 'FAILED' : number % 4 === 2 ? 'PRUNED' : number === 13 ? 'RUNNING' : 'COMPLETE';
      trials.push(trial(number, params, state, state === 'FAILED' ? undefined : number, new Map([[1, number]])));
    }
    expect(trials.filter((t) => t.state === 'COMPLETE' || t.state === 'PRUNED')).toHaveLength(10);
  });

  it('concentrates near the minimum of (x − 0.3)²: twice as often within 0.1 of it as random', () => {
    // Over 10 seeds, trials 20–39; random lands within 0.1 of 0.3 a fifth of the time.
    const shares = Array.from({ length: 10 }, (_, i) => {
      const trials = sweep(new TpeSampler({ seed: i + 1 }), line, (p) => (x(p) - 0.3) ** 2, 40);
      return trials.slice(20).filter((t) => Math.abs(x(t.params) - 0.3) < 0.1).length / 20;
    });
    expect(mean(shares)).toBeGreaterThan(0.35);
  });

  it('treats maximize of −f exactly as minimize of f', () => {
    const f = (p: Params): number => (x(p) - 0.7) ** 2;
    const min = sweep(new TpeSampler({ seed: 6 }), line, f, 30, 'minimize');
    const max = sweep(new TpeSampler({ seed: 6 }), line, (p) => -f(p), 30, 'maximize');
    expect(max.map((t) => t.params)).toEqual(min.map((t) => t.params));
  });

  it('keeps ints and stepped floats on their grids and returns fixed values', () => {
    const space: SearchSpace = {
      params: [
        { name: 'units', distribution: { kind: 'int', low: 16, high: 256, log: true, step: 1 } },
        { name: 'layers', distribution: { kind: 'int', low: 1, high: 7, log: false, step: 2 } },
        { name: 'dropout', distribution: { kind: 'float', low: 0, high: 0.5, log: false, step: 0.1 } },
        { name: 'batch', distribution: { kind: 'fixed', value: 64 } },
      ],
    };
    const objective = (p: Params): number => Math.abs(Math.log2(p.units as number) - 8) + (p.layers as number) + (p.dropout as number);
    // Six seeds, so the check is about the model, not one seed's luck.
    const sweeps = [1, 2, 3, 4, 5, 6].map((seed) => sweep(new TpeSampler({ seed }), space, objective, 40));
    for (const t of sweeps.flat()) {
      expect(Number.isInteger(t.params.units)).toBe(true);
      expect([1, 3, 5, 7]).toContain(t.params.layers);
      expect([0, 0.1, 0.2, 0.3, 0.4, 0.5]).toContain(t.params.dropout);
      expect(t.params.batch).toBe(64);
    }
    // The end points of a widened range are reachable: layers 1 and dropout 0 are the optimum,
    // which a random draw hits once in 24 (5 times in these 120 late trials), units ≥ 200 once in 11.
    const late = sweeps.flatMap((trials) => trials.slice(20));
    expect(late.filter((t) => (t.params.units as number) >= 200).length).toBeGreaterThan(36);
    expect(late.filter((t) => t.params.layers === 1 && t.params.dropout === 0).length).toBeGreaterThan(10);
  });

  it('models a conditional param only from trials where it was active', () => {
    // The momentum branch is the better one, best near momentum = 0.95; sgd trials carry no
    // momentum and must not count as observations of it.
    const space: SearchSpace = {
      params: [
        { name: 'optimizer', distribution: { kind: 'categorical', choices: ['sgd', 'momentum'] } },
        { name: 'momentum', distribution: { kind: 'float', low: 0.5, high: 0.99, log: false }, when: { optimizer: ['momentum'] } },
      ],
    };
    const trials = sweep(new TpeSampler({ seed: 3 }), space, (p) => (p.optimizer === 'sgd' ? 1 : Math.abs((p.momentum as number) - 0.95)), 60);
    for (const t of trials) expect('momentum' in t.params).toBe(t.params.optimizer === 'momentum');
    const late = trials.slice(30);
    expect(late.filter((t) => t.params.optimizer === 'momentum').length).toBeGreaterThan(24);
    const momenta = late.filter((t) => t.params.optimizer === 'momentum').map((t) => t.params.momentum as number);
    // Uniform momenta would be 0.21 from 0.95 on average.
    expect(mean(momenta.map((m) => Math.abs(m - 0.95)))).toBeLessThan(0.1);
  });

  it('gives two parallel asks different params when one trial is already RUNNING at the best point', () => {
    const tpe = new TpeSampler({ seed: 12 });
    const done = sweep(new RandomSampler({ seed: 12 }), line, (p) => (x(p) - 0.3) ** 2, 20);
    const running = trial(20, { x: 0.3 }, 'RUNNING');
    const first = tpe.sample({ space: line, trials: [...done, running], number: 21, direction: 'minimize' });
    const second = tpe.sample({ space: line, trials: [...done, running, trial(21, first, 'QUEUED')], number: 22, direction: 'minimize' });
    expect(second).not.toEqual(first);
    expect(first).not.toEqual(running.params);
    expect(second).not.toEqual(running.params);
  });

  it('steers away from pending trials with the constant liar, and not without it', () => {
    let honestNear = 0;
    let liarNear = 0;
    for (let seed = 1; seed <= 4; seed++) {
      const done = sweep(new RandomSampler({ seed }), line, (p) => (x(p) - 0.3) ** 2, 30);
      // Ten workers are already trying the neighbourhood of the best point so far.
      const best = x(done.reduce((a, b) => ((a.value as number) <= (b.value as number) ? a : b)).params);
      const pending = Array.from({ length: 10 }, (_, i) => trial(30 + i, { x: best + (i - 5) * 0.002 }, 'RUNNING'));
      const near = (constantLiar: boolean): number => {
        const tpe = new TpeSampler({ seed, constantLiar });
        const xs = Array.from({ length: 30 }, (_, i) => x(tpe.sample({ space: line, trials: [...done, ...pending], number: 40 + i, direction: 'minimize' })));
        return xs.filter((v) => Math.abs(v - best) < 0.02).length;
      };
      honestNear += near(false);
      liarNear += near(true);
    }
    // Without the liar the pending trials are invisible and TPE piles onto the same spot: the
    // window is 4% of the range, so uniform proposals would put about 5 of the 120 there.
    expect(honestNear).toBeGreaterThan(30);
    expect(liarNear).toBe(0);
  });

  it('learns from PRUNED trials alone: a history of only pruned trials pulls proposals towards the best of them', () => {
    const random = new RandomSampler({ seed: 9 });
    // Trials that got further and had a lower value at their last step rank better.
    const trials = Array.from({ length: 30 }, (_, number) => {
      const params = random.sample({ space: line, trials: [], number, direction: 'minimize' });
      const loss = (x(params) - 0.2) ** 2;
      const steps = loss < 0.01 ? 3 : loss < 0.1 ? 2 : 1;
      const curve = new Map(Array.from({ length: steps }, (_, s) => [s + 1, loss + 0.1 / (s + 1)] as [number, number]));
      return trial(number, params, 'PRUNED', curve.get(steps), curve);
    });
    const tpe = new TpeSampler({ seed: 9 });
    const numbers = Array.from({ length: 30 }, (_, i) => 30 + i);
    const fromTpe = numbers.map((number) => x(tpe.sample({ space: line, trials, number, direction: 'minimize' })));
    const fromRandom = numbers.map((number) => x(random.sample({ space: line, trials, number, direction: 'minimize' })));
    expect(fromTpe).not.toEqual(fromRandom);
    expect(mean(fromTpe.map((v) => Math.abs(v - 0.2)))).toBeLessThan(0.5 * mean(fromRandom.map((v) => Math.abs(v - 0.2))));
  });

  it('with one candidate, proposes the first draw from l(x): different from the 24-candidate choice', () => {
    const done = sweep(new RandomSampler({ seed: 1 }), line, (p) => (x(p) - 0.5) ** 2, 30);
    const one = new TpeSampler({ seed: 1, nEiCandidates: 1 }).sample({ space: line, trials: done, number: 30, direction: 'minimize' });
    const many = new TpeSampler({ seed: 1, nEiCandidates: 24 }).sample({ space: line, trials: done, number: 30, direction: 'minimize' });
    expect(one).not.toEqual(many);
  });

  it('refuses bad options by spec path', () => {
    expect(() => new TpeSampler({ seed: 1, nEiCandidates: 0 })).toThrow('sampler.n_ei_candidates: must be an integer >= 1 (got 0)');
    expect(new TpeSampler({ seed: 1 }).options.nStartupTrials).toBe(10);
  });
});
