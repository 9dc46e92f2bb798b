/**
 * What every Sampler must do, as vitest tests: `describeSamplerConformance('tpe', (seed) => new
 * TpeSampler({ seed }))` in each implementation's test file (as Optuna's testing/pytest_storages.py
 * runs one suite over every storage).
 */
import { describe, expect, it } from 'vitest';
import { contains, type ParamValue, type Params } from '../../search-space/distributions.js';
import { isActive, type SearchSpace } from '../../search-space/search-space.js';
import type { Direction, FrozenTrial } from '../../trial/frozen-trial.js';
import type { Sampler, SamplingContext } from '../sampler.js';
import { DESIGN_SPACE } from './example-spaces.js';

export interface SamplerConformanceOptions {
  /** The space to sample. Default DESIGN_SPACE; a grid needs ENUMERABLE_DESIGN_SPACE. */
  readonly space?: SearchSpace;
  /** Whether two seeds must propose differently. Default true; false for a grid in spec order. */
  readonly seedSensitive?: boolean;
  /** Trials in the histories the tests build. Default 30 (past TPE's 10 random startup trials). */
  readonly historyLength?: number;
}

/**
 * Checks that `params` holds exactly the params active under its own values, each legal.
 * Conditions name earlier params only, so walking the space in order decides each one.
 */
export function expectLegalProposal(space: SearchSpace, params: Params): void {
  const assigned: Record<string, ParamValue> = {};
  for (const definition of space.params) {
    const value = params[definition.name];
    if (!isActive(definition, assigned)) {
      expect(value, `${definition.name} is inactive and must be absent`).toBeUndefined();
      continue;
    }
    expect(value, `${definition.name} is active and must be present`).toBeDefined();
    expect(contains(definition.distribution, value as ParamValue), `${definition.name} = ${String(value)} must be legal`).toBe(true);
    assigned[definition.name] = value as ParamValue;
  }
  expect(Object.keys(params).sort()).toEqual(Object.keys(assigned).sort());
}

/** A deterministic objective of any params: a hash of names and values mapped into [0, 1). */
export function pseudoObjective(params: Params): number {
  let h = 0x811c9dc5;
  for (const name of Object.keys(params).sort()) {
    for (const ch of `${name}=${String(params[name])};`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  }
  return h / 4294967296;
}

/** Deep-freezes a context, so a sampler that writes to it throws (ESM code is strict mode). */
function frozen(context: SamplingContext): SamplingContext {
  for (const trial of context.trials) {
    Object.freeze(trial.params);
    Object.freeze(trial);
  }
  Object.freeze(context.trials);
  return Object.freeze(context);
}

/**
 * Asks `sampler` `length` times, recording each proposal with a state that cycles through
 * COMPLETE, PRUNED (with a learning curve) and FAILED, and checking each proposal on the way.
 */
export function buildHistory(sampler: Sampler, space: SearchSpace, direction: Direction, length: number): FrozenTrial[] {
  const trials: FrozenTrial[] = [];
  for (let number = 0; number < length; number++) {
    const params = sampler.sample(frozen({ space, trials: [...trials], number, direction }));
    expectLegalProposal(space, params);
    const value = pseudoObjective(params);
    if (number % 5 === 3) {
      const steps = 1 + (number % 3);
      const intermediate = new Map(Array.from({ length: steps }, (_, i) => [i + 1, value + 0.1 * (steps - i)] as [number, number]));
      trials.push({ number, state: 'PRUNED', params, value: value + 0.1, intermediate, attempt: 1 });
    } else if (number % 7 === 5) {
      trials.push({ number, state: 'FAILED', params, intermediate: new Map(), attempt: 1 });
    } else {
      trials.push({ number, state: 'COMPLETE', params, value, intermediate: new Map(), attempt: 1 });
    }
  }
  return trials;
}

/** The history with its last two trials still pending: one QUEUED, one RUNNING with a report. */
function withPending(history: readonly FrozenTrial[]): FrozenTrial[] {
  return history.map((trial, i) => {
    if (i === history.length - 1) return { number: trial.number, state: 'QUEUED', params: trial.params, intermediate: new Map(), attempt: 1 };
    if (i === history.length - 2) return { number: trial.number, state: 'RUNNING', params: trial.params, intermediate: new Map([[1, 0.5]]), attempt: 2 };
    return trial;
  });
}

export function describeSamplerConformance(name: string, make: (seed: number) => Sampler, options: SamplerConformanceOptions = {}): void {
  const space = options.space ?? DESIGN_SPACE;
  const seedSensitive = options.seedSensitive ?? true;
  const length = options.historyLength ?? 30;
  const context = (trials: readonly FrozenTrial[], direction: Direction = 'minimize'): SamplingContext =>
    frozen({ space, trials: [...trials], number: trials.length, direction });

  describe(`Sampler conformance: ${name}`, () => {
    it('has a name', () => {
      expect(make(1).name).toMatch(/^[a-z-]+$/);
    });

    it.each(['minimize', 'maximize'] as const)('proposes legal params, exactly the active ones, through a history in every state (%s)', (direction) => {
      const history = buildHistory(make(11), space, direction, length);
      expect(history).toHaveLength(length);
      // Both branches of a condition get exercised over a history this long, unless the sampler
      // walks a grid in order (then only the inner params vary).
      const keys = new Set(history.map((trial) => Object.keys(trial.params).length));
      if (seedSensitive) expect(keys.size).toBeGreaterThan(1);
      expectLegalProposal(space, make(11).sample(context(withPending(history), direction)));
    });

    it.each(['minimize', 'maximize'] as const)('proposes the same params for the same seed and history (%s)', (direction) => {
      const history = buildHistory(make(3), space, direction, length);
      for (const trials of [[], history.slice(0, 5), history]) {
        const fresh = make(7);
        const used = make(7);
        // A sampler that answered other questions first must not remember them.
        used.sample(context(history.slice(0, 2), direction));
        used.sample(context(withPending(history), direction));
        const expected = fresh.sample(context(trials, direction));
        expect(used.sample(context(trials, direction))).toEqual(expected);
        expect(fresh.sample(context(trials, direction))).toEqual(expected);
      }
    });

    it('proposes the same params with pending trials, and each proposal is legal', () => {
      const pending = withPending(buildHistory(make(5), space, 'maximize', length));
      const first = make(9).sample(context(pending, 'maximize'));
      expectLegalProposal(space, first);
      expect(make(9).sample(context(pending, 'maximize'))).toEqual(first);
      // Two parallel asks in a row: the second sees the first as QUEUED.
      const next: FrozenTrial = { number: pending.length, state: 'QUEUED', params: first, intermediate: new Map(), attempt: 1 };
      const second = make(9).sample(context([...pending, next], 'maximize'));
      expectLegalProposal(space, second);
      expect(make(9).sample(context([...pending, next], 'maximize'))).toEqual(second);
    });

    if (seedSensitive) {
      it('proposes different params for different seeds', () => {
        const history = buildHistory(make(2), space, 'minimize', length);
        for (const trials of [[], history]) {
          const proposals = [1, 2, 3].map((seed) => JSON.stringify(make(seed).sample(context(trials))));
          expect(new Set(proposals).size).toBe(3);
        }
      });
    }

    it('proposes {} for a space with no params', () => {
      const empty: SearchSpace = { params: [] };
      const sampler = make(4);
      expect(sampler.sample(frozen({ space: empty, trials: [], number: 0, direction: 'minimize' }))).toEqual({});
      const trials: FrozenTrial[] = Array.from({ length: 12 }, (_, number) => ({
        number,
        state: 'COMPLETE',
        params: {},
        value: number,
        intermediate: new Map(),
        attempt: 1,
      }));
      const later = frozen({ space: empty, trials, number: trials.length, direction: 'minimize' });
      // A grid has one point, {}, taken by now; every other sampler goes on proposing {}.
      if (!(sampler.isExhausted?.(later) ?? false)) expect(sampler.sample(later)).toEqual({});
    });

    it('is not exhausted before any trial (when it can be exhausted at all)', () => {
      expect(make(6).isExhausted?.(context([])) ?? false).toBe(false);
    });
  });
}
