import { describe, expect, it } from 'vitest';
import { createRandom, normal } from '../random.js';
import type { ComparableTrial } from './comparable-trial.js';
import { comparisonProtocolOf } from './comparison-protocol.js';
import { confirmationVerdict } from './confirmation-verdict.js';
import { exploratorySummary } from './exploratory-summary.js';
import { judgeStrategies } from './judge-strategies.js';

const OPTIMIZERS = ['sgd', 'adam', 'rmsprop'];

/**
 * A protocol sweep: `perValue` search trials per optimizer, then `seeds` confirmation replicates of
 * each one's best, with noise of sd 0.015 around 0.9 + offset (the analysis tests' figures).
 */
function protocolSweep(offsets: Record<string, number>, perValue: number, seeds: number, noiseSeed = 1): ComparableTrial[] {
  const random = createRandom(noiseSeed);
  const trials: ComparableTrial[] = [];
  let number = 0;
  for (const optimizer of OPTIMIZERS) {
    for (let i = 0; i < perValue; i++) {
      trials.push({
        number: number++,
        state: i % 4 === 3 ? 'PRUNED' : 'COMPLETE',
        params: { optimizer, lr: 0.01 * (i + 1) },
        value: 0.8 + 0.01 * i,
        intermediate: new Map(),
      });
    }
  }
  for (const optimizer of OPTIMIZERS) {
    const origin = trials.find((t) => t.params['optimizer'] === optimizer)!.number;
    for (let s = 0; s < seeds; s++) {
      const value = 0.9 + (offsets[optimizer] ?? 0) + 0.015 * normal(random);
      trials.push({
        number: number++,
        state: 'COMPLETE',
        params: { optimizer, lr: 0.01 },
        value,
        intermediate: new Map(),
        stage: 'confirm',
        seed: 1000 + s,
        origin,
      });
    }
  }
  return trials;
}

const options = { by: 'optimizer', direction: 'maximize' as const, seed: 7, resamples: 500 };

describe('judgeStrategies, protocol mode (stage confirm trials)', () => {
  it('names a planted winner, with the verdict of confirmationVerdict on the COMPLETE replicates', () => {
    const trials = protocolSweep({ adam: 0.06 }, 8, 10);
    const verdict = judgeStrategies(trials, { ...options, protocol: { by: 'optimizer', trialsPerValue: 8, seeds: 10 } });
    expect(verdict.mode).toBe('protocol');
    expect(verdict.stage).toBe('confirm');
    expect(verdict.decision).toBe('winner');
    expect(verdict.winner).toBe('adam');
    expect(verdict.compared).toBe('the best configuration of each of 3 optimizer values after 8 search trials each, re-run with 10 seeds each');
    const replicates = OPTIMIZERS.map((o) => ({
      label: o,
      values: trials.filter((t) => t.stage === 'confirm' && t.params['optimizer'] === o).map((t) => t.value!),
    }));
    const direct = confirmationVerdict(replicates, { direction: 'maximize', seed: 7, resamples: 500, subject: 'optimizer' });
    expect(verdict.statement).toBe(direct.statement);
    expect(verdict.groups.map((g) => [g.label, g.n, g.estimate, g.ci, g.p_best])).toEqual(direct.groups.map((g) => [g.label, g.n, g.estimate, g.ci, g.p_best]));
    expect(verdict.comparisons).toEqual(direct.comparisons);
    const adam = verdict.groups[0]!;
    // Counts describe the judged stage: 10 replicates, all complete; the replicates carry seed and origin.
    expect(adam).toMatchObject({ label: 'adam', value: 'adam', trials: 10, complete: 10, pruned: 0, status: 'ok' });
    expect(adam.replicates).toHaveLength(10);
    expect(adam.replicates[0]).toMatchObject({ seed: 1000, origin: 8 });
    // The expected-best curve is the search's, n = 1…(search completes) with a band around it.
    expect(adam.expected_best?.expected).toHaveLength(6);
    adam.expected_best!.expected.forEach((e, i) => {
      expect(adam.expected_best!.low[i]).toBeLessThanOrEqual(e + 1e-12);
      expect(adam.expected_best!.high[i]).toBeGreaterThanOrEqual(e - 1e-12);
    });
  });

  it('names no winner on pure noise, and lists the values tied with the leader', () => {
    const verdict = judgeStrategies(protocolSweep({}, 8, 5, 3), options);
    expect(verdict.mode).toBe('protocol');
    expect(verdict.decision).toBe('no_clear_winner');
    expect(verdict.winner).toBeUndefined();
    expect(verdict.tied_with_leader.length).toBeGreaterThan(0);
    expect(verdict.statement).not.toMatch(/\bwins\b/);
    expect(verdict.compared).toBe('the best configuration of each of 3 optimizer values after 8 search trials each, re-run with 5 seeds each');
  });

  it('says insufficient_data while the confirmation is still running, and before it started', () => {
    const trials = protocolSweep({ adam: 0.06 }, 8, 4).filter((t) => !(t.stage === 'confirm' && t.params['optimizer'] === 'rmsprop' && t.seed! > 1000));
    const partial = judgeStrategies(trials, options);
    expect(partial.decision).toBe('insufficient_data');
    expect(partial.winner).toBeUndefined();
    expect(partial.groups.find((g) => g.label === 'rmsprop')).toMatchObject({ n: 1, status: 'insufficient_data', ci: null, p_best: null });
    expect(partial.statement).toContain('optimizer=rmsprop has 1');

    const searchOnly = judgeStrategies(
      trials.filter((t) => t.stage !== 'confirm'),
      { ...options, protocol: { by: 'optimizer', seeds: 10 } },
    );
    expect(searchOnly).toMatchObject({ mode: 'protocol', decision: 'insufficient_data' });
    expect(searchOnly.statement).toContain('has not produced replicates yet (24 search trials so far)');
  });
});

describe('judgeStrategies, exploratory mode (an ordinary sweep)', () => {
  it('never names a winner, even with a large gap, and suggests the compare block that would confirm it', () => {
    const trials = protocolSweep({}, 12, 0).map((t) => (t.params['optimizer'] === 'adam' && t.value !== undefined ? { ...t, value: t.value + 0.1 } : t));
    const verdict = judgeStrategies(trials, options);
    expect(verdict).toMatchObject({ mode: 'exploratory', stage: 'search', decision: 'exploratory', estimator: 'expected_best', leader: 'adam', common_n: 9 });
    expect(verdict.winner).toBeUndefined();
    expect(verdict.statement).not.toMatch(/\bwins?\b/);
    expect(verdict.statement).toContain('sampled them adaptively');
    expect(verdict.compared).toBe('the completed search trials of each of 3 optimizer values (sgd 9, adam 9, rmsprop 9), sampled adaptively by the sweep');
    expect(verdict.suggestion).toBe('compare:\n  by: optimizer\n  trials_per_value: 12\n  confirm: { seeds: 10 }\n  confidence: 0.95');
    const direct = exploratorySummary(
      OPTIMIZERS.map((o) => ({ label: o, values: trials.filter((t) => t.params['optimizer'] === o && t.state === 'COMPLETE').map((t) => t.value!) })),
      { direction: 'maximize', seed: 7, resamples: 500, subject: 'optimizer' },
    );
    expect(verdict.statement).toBe(direct.statement);
    expect(verdict.groups[0]).toMatchObject({ label: 'adam', n: 9, trials: 12, complete: 9, pruned: 3, replicates: [] });
  });

  it('judges a parameter the protocol does not compare on the search trials only', () => {
    const trials = protocolSweep({ adam: 0.06 }, 8, 10).map((t) => ({ ...t, params: { ...t.params, cell: t.number % 2 ? 'lstm' : 'gru' } }));
    const verdict = judgeStrategies(trials, { ...options, by: 'cell', protocol: { by: 'optimizer' } });
    expect(verdict.mode).toBe('exploratory');
    expect(verdict.groups.reduce((s, g) => s + g.trials, 0)).toBe(24);
  });

  it('reports values with too few completed trials, and insufficient data when fewer than two have enough', () => {
    const trials: ComparableTrial[] = [
      { number: 0, state: 'COMPLETE', params: { optimizer: 'adam' }, value: 0.9, intermediate: new Map() },
      { number: 1, state: 'COMPLETE', params: { optimizer: 'adam' }, value: 0.8, intermediate: new Map() },
      { number: 2, state: 'FAILED', params: { optimizer: 'sgd' }, intermediate: new Map(), failureReason: 'diverged: loss is NaN' },
      { number: 3, state: 'RUNNING', params: {}, intermediate: new Map() },
    ];
    const verdict = judgeStrategies(trials, options);
    expect(verdict.decision).toBe('insufficient_data');
    expect(verdict.leader).toBeUndefined();
    expect(verdict.groups.map((g) => [g.label, g.value, g.n, g.status, g.failed, g.diverged, g.running])).toEqual([
      ['adam', 'adam', 2, 'insufficient_data', 0, 0, 0],
      ['sgd', 'sgd', 0, 'insufficient_data', 1, 1, 0],
      ['(inactive)', null, 0, 'insufficient_data', 0, 0, 1],
    ]);
    expect(judgeStrategies([], options)).toMatchObject({ decision: 'insufficient_data', statement: 'No trials to compare by optimizer yet.', groups: [] });
  });
});

describe('judgeStrategies, contract', () => {
  it('is deterministic for the same trials and seed, and the seed moves only the bootstrap', () => {
    const trials = protocolSweep({ adam: 0.02 }, 8, 6);
    expect(judgeStrategies(trials, options)).toEqual(judgeStrategies(trials, options));
    const other = judgeStrategies(trials, { ...options, seed: 8 });
    expect(other.groups.map((g) => g.estimate)).toEqual(judgeStrategies(trials, options).groups.map((g) => g.estimate));
    expect(other.groups.map((g) => g.ci)).not.toEqual(judgeStrategies(trials, options).groups.map((g) => g.ci));
  });

  it('takes the confidence from the protocol unless given, and checks it', () => {
    expect(judgeStrategies(protocolSweep({}, 4, 3), { ...options, protocol: { by: 'optimizer', confidence: 0.9 } }).confidence).toBe(0.9);
    expect(() => judgeStrategies([], { ...options, confidence: 1 })).toThrow('confidence must be a number in (0, 1), got 1');
    expect(() => judgeStrategies([], { ...options, seed: 0.5 })).toThrow('seed must be an integer, got 0.5');
  });
});

describe('comparisonProtocolOf', () => {
  it('reads the compare block of a stored spec, and nothing from a spec without one', () => {
    expect(comparisonProtocolOf({ compare: { by: 'optimizer', trials_per_value: 30, confirm: { seeds: 5 }, confidence: 0.9 } })).toEqual({
      by: 'optimizer',
      trialsPerValue: 30,
      seeds: 5,
      confidence: 0.9,
    });
    expect(comparisonProtocolOf({ compare: { by: 'cell' } })).toEqual({ by: 'cell' });
    expect(comparisonProtocolOf({ name: 'x' })).toBeUndefined();
    expect(comparisonProtocolOf({ compare: { trials_per_value: 3 } })).toBeUndefined();
    expect(comparisonProtocolOf(null)).toBeUndefined();
  });
});
