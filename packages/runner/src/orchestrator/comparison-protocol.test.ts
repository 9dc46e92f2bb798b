/**
 * The comparison protocol (issue 13) on objectives whose truth is known: tuned with the same budget
 * per value, then each value's best configuration confirmed over fresh seeds, its verdict names a
 * winner when one is there and stays silent on noise. One worker thread, so each sweep (its
 * sampler's view of finished trials) is deterministic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparisonProtocolOf, judgeStrategies, parseSweepSpec, type FrozenTrial } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';
import { ThreadPoolExecutor } from '../executor/thread-pool-executor.js';
import { runSweep } from './run-sweep.js';

const objective = fileURLToPath(new URL('../objectives/fixtures/strategy-effects.mjs', import.meta.url));
const SEEDS = 20;
const POWER_SEEDS = 100;
let dir: string;
let store: SqliteTrialStore;
let executor: ThreadPoolExecutor;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-protocol-'));
  store = SqliteTrialStore.open(path.join(dir, 'protocol.db'));
  executor = new ThreadPoolExecutor({ threads: 1 });
});
afterAll(async () => {
  await executor.close();
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function protocol(scenario: string, seed: number, sampler = 'auto') {
  const spec = parseSweepSpec(
    [
      `name: ${scenario}-${seed}`,
      `objective: ${objective}`,
      'metric: { name: value, goal: maximize }',
      'budget: { max_epochs: 1 }',
      `sampler: { type: ${sampler}, seed: ${seed} }`,
      'compare: { by: optimizer, trials_per_value: 20, confirm: { seeds: 10 } }',
      'parameters:',
      '  optimizer: { values: [a, b, c] }',
      '  lr: { log_uniform: [1.0e-4, 1.0e-1] }',
      `  scenario: { value: ${scenario} }`,
    ].join('\n'),
  );
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
  expect(outcome.status).toBe('finished');
  // The one verdict `sweep compare`, the run summary and the dashboard give.
  const verdict = judgeStrategies(outcome.trials, { by: 'optimizer', direction: 'maximize', seed, protocol: comparisonProtocolOf(outcome.sweep.spec)! });
  expect(verdict.mode).toBe('protocol');
  return { outcome, verdict };
}

function byOptimizer(trials: readonly FrozenTrial[], stage: string | undefined) {
  return Object.fromEntries(['a', 'b', 'c'].map((o) => [o, trials.filter((t) => t.stage === stage && t.params['optimizer'] === o)]));
}

describe('the comparison protocol', () => {
  it('searches every value with the same budget, then confirms each best configuration with fresh seeds', async () => {
    const { outcome } = await protocol('planted', 1);
    const search = byOptimizer(outcome.trials, undefined);
    const confirm = byOptimizer(outcome.trials, 'confirm');
    for (const o of ['a', 'b', 'c']) {
      expect(search[o]).toHaveLength(20);
      expect(confirm[o]).toHaveLength(10);
      // Every confirmation re-runs the value's best search trial, each with its own seed.
      const best = search[o]!.reduce((x, y) => ((y.value as number) > (x.value as number) ? y : x));
      expect(new Set(confirm[o]!.map((t) => t.origin))).toEqual(new Set([best.number]));
      expect(confirm[o]!.every((t) => t.params['lr'] === best.params['lr'])).toBe(true);
      expect(new Set(confirm[o]!.map((t) => t.seed)).size).toBe(10);
    }
    // Values take turns in the search: no value is ever two trials ahead of another.
    const firstSearch = outcome.trials.filter((t) => t.stage === undefined).slice(0, 9);
    expect(firstSearch.map((t) => t.params['optimizer'])).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
    // The confirmations come after the whole search.
    const firstConfirm = outcome.trials.findIndex((t) => t.stage === 'confirm');
    expect(outcome.trials.slice(firstConfirm).every((t) => t.stage === 'confirm')).toBe(true);
  });

  it(`on pure noise says no_clear_winner in at least 90% of ${SEEDS} seeds`, async () => {
    const decisions: string[] = [];
    for (let seed = 100; seed < 100 + SEEDS; seed++) decisions.push((await protocol('noise', seed)).verdict.decision);
    const silent = decisions.filter((d) => d === 'no_clear_winner').length;
    console.log(`noise: no_clear_winner in ${silent}/${SEEDS} seeds`);
    expect(silent / SEEDS).toBeGreaterThanOrEqual(0.9);
  });

  // Power is estimated on more seeds than the error rates: at 20 seeds a 90% threshold fails one
  // time in four for a protocol whose true power is 0.9 (a run takes ~0.06 s, so 100 cost little).
  it(`names the planted +0.03 (noise sd 0.015, a strong lr effect on top) in at least 85% of ${POWER_SEEDS} seeds`, async () => {
    const winners: (string | undefined)[] = [];
    for (let seed = 200; seed < 200 + POWER_SEEDS; seed++) winners.push((await protocol('planted', seed)).verdict.winner);
    const right = winners.filter((w) => w === 'b').length;
    console.log(`planted: optimizer=b named in ${right}/${POWER_SEEDS} seeds; others named: ${winners.filter((w) => w !== undefined && w !== 'b').length}`);
    expect(winners.filter((w) => w !== undefined && w !== 'b')).toEqual([]);
    expect(right / POWER_SEEDS).toBeGreaterThanOrEqual(0.85);
    // 100 sweeps: 32 s on a quiet 2-core machine, 49 s in a clean CI run; room for a loaded one.
  }, 180_000);

  it(`where only lr matters, names no optimizer in at least 90% of ${SEEDS} seeds`, async () => {
    const decisions: string[] = [];
    for (let seed = 300; seed < 300 + SEEDS; seed++) decisions.push((await protocol('lr', seed)).verdict.decision);
    const silent = decisions.filter((d) => d === 'no_clear_winner').length;
    console.log(`lr only: no_clear_winner in ${silent}/${SEEDS} seeds`);
    expect(silent / SEEDS).toBeGreaterThanOrEqual(0.9);
  });

  it('where only lr matters, an ordinary TPE sweep’s comparison names no optimizer either: it is exploratory', async () => {
    for (const seed of [400, 401, 402]) {
      const spec = parseSweepSpec(
        [
          `name: ordinary-${seed}`,
          `objective: ${objective}`,
          'metric: { name: value, goal: maximize }',
          'budget: { trials: 60, max_epochs: 1 }',
          `sampler: { type: tpe, seed: ${seed} }`,
          'parameters:',
          '  optimizer: { values: [a, b, c] }',
          '  lr: { log_uniform: [1.0e-4, 1.0e-1] }',
          '  scenario: { value: lr }',
        ].join('\n'),
      );
      const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: process.cwd() } });
      const verdict = judgeStrategies(outcome.trials, { by: 'optimizer', direction: 'maximize', seed });
      expect(verdict.decision).toBe('exploratory');
      expect(verdict.winner).toBeUndefined();
      expect(verdict.statement).not.toMatch(/\bwins?\b/);
      expect(verdict.suggestion).toContain('by: optimizer');
    }
  });
});
