/**
 * Command objectives (issue 16) on real parts: a Python program run by worker threads through
 * runSweep, pruned by ASHA through SIGTERM or through its stdin, and failing in each way.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSweepSpec } from '@loopsweep/core';
import { SqliteTrialStore } from '@loopsweep/store';
import { createExecutor } from '../devices/create-executor.js';
import { parseDevices } from '../devices/parse-devices.js';
import { runSweep } from '../orchestrator/run-sweep.js';
import { readDatabase } from '../test-support/read-database.js';
import { commandArgs, formatPlaceholderValue } from './command-objective.js';
import { parseCommandLine } from './command-line.js';

const fixtures = fileURLToPath(new URL('./fixtures/command/', import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sweep(objective: string, body: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-command-'));
  const dbPath = path.join(dir, 'sweep.db');
  const store = SqliteTrialStore.open(dbPath);
  const executor = createExecutor(parseDevices('wasm:2', 2));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  cleanups.push(() => executor.close());
  const spec = parseSweepSpec(`name: cmd\nobjective: ${objective}\nmetric: { name: score, goal: maximize }\n${body}`);
  const outcome = await runSweep({ store, executor, start: { kind: 'new', spec, specDir: fixtures } });
  const marks = Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => [Number(f.slice(0, -4)), readFileSync(path.join(dir, f), 'utf8')]),
  );
  const rows = readDatabase(dbPath, (reader) => ({
    trials: reader.trials('cmd'),
    scores: reader.learningCurves('cmd', 'score'),
    summary: reader.summary('cmd'),
  }));
  return { outcome, marks, dir, ...rows };
}

// Every later trial is worse than every earlier one at every step, so ASHA stops most at step 1.
const ASHA_GRID =
  'budget: { max_epochs: 9, parallel: 2 }\nsampler: { type: grid }\npruner: { type: asha, min_epochs: 1, reduction_factor: 3 }\nparameters:\n  level: { values: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2] }\n  step_ms: { value: 40 }';

function command(extra: string) {
  return `{ command: [python3, curve.py, "{level}", "{max_epochs}"], env: { MARKS: "$DIR" }${extra} }`;
}

describe('a command objective', () => {
  it('prunes with ASHA by SIGTERM when the program does not read answers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-marks-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { outcome, scores, summary } = await sweep(command('').replace('$DIR', dir), ASHA_GRID);
    const marks = readMarks(dir);
    const pruned = outcome.trials.filter((t) => t.state === 'PRUNED');
    const complete = outcome.trials.filter((t) => t.state === 'COMPLETE');
    expect(pruned.length).toBeGreaterThanOrEqual(5);
    expect(pruned.length + complete.length).toBe(8);
    for (const trial of pruned) {
      // Stopped at the step the pruner named; the program, still running, got SIGTERM.
      expect(scores.get(trial.number)?.length).toBe(trial.intermediate.size);
      expect(marks[trial.number]).toMatch(/^SIGTERM at step \d$/);
    }
    // {"final": …} is the value; the stored curve is what was reported.
    for (const trial of complete) {
      expect(trial.value).toBeCloseTo((trial.params['level'] as number) * 2, 12);
      expect(scores.get(trial.number)).toHaveLength(9);
      expect(marks[trial.number]).toBeUndefined();
    }
    expect(summary?.objective).toBe("python3 curve.py '{level}' '{max_epochs}'");
  });

  it('prunes through the stdin round trip when the program reads its answers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-marks-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { outcome, scores } = await sweep(command(', answers: stdin').replace('$DIR', dir), ASHA_GRID);
    const marks = readMarks(dir);
    const pruned = outcome.trials.filter((t) => t.state === 'PRUNED');
    expect(pruned.length).toBeGreaterThanOrEqual(5);
    for (const trial of pruned) {
      // The program waited for each answer, so it stopped by itself at exactly the pruner's step.
      const step = scores.get(trial.number)?.length;
      expect(marks[trial.number]).toBe(`answer stop at step ${step}`);
    }
    for (const trial of outcome.trials.filter((t) => t.state === 'COMPLETE')) expect(scores.get(trial.number)).toHaveLength(9);
  });

  it('records a crash, a NaN, no report and a timeout as FAILED with the reason', async () => {
    const { outcome, trials } = await sweep(
      '{ command: [python3, curve.py, "0.5", "{max_epochs}"], timeout: 2, grace: 1 }',
      'budget: { max_epochs: 3, parallel: 2, fail_fast: 0 }\nsampler: { type: grid }\nparameters:\n  mode: { values: [crash, nan, silent, hang, stubborn, ok] }\n  step_ms: { value: 10 }',
    );
    const reason = (mode: string) => trials.find((t) => t.params['mode'] === mode)?.failureReason ?? '';
    expect(outcome.trials.map((t) => `${String(t.params['mode'])}:${t.state}`)).toEqual([
      'crash:FAILED',
      'nan:FAILED',
      'silent:FAILED',
      'hang:FAILED',
      'stubborn:FAILED',
      'ok:COMPLETE',
    ]);
    expect(reason('crash')).toMatch(
      /^error: CommandObjectiveError: 'python3' exited with code 1; its last stderr lines:\n[\s\S]*RuntimeError: out of memory, on purpose$/,
    );
    expect(reason('nan')).toBe('diverged: the program reported score = NaN at step 2');
    expect(reason('silent')).toMatch(/^error: CommandObjectiveError: 'python3' exited without reporting; print a JSON line such as \{"step": 1/);
    expect(reason('hang')).toBe("error: CommandObjectiveError: 'python3' ran past its timeout of 2s; it wrote nothing to stderr");
    // SIGTERM ignored: SIGKILL after the grace period ends it all the same.
    expect(reason('stubborn')).toBe("error: CommandObjectiveError: 'python3' ran past its timeout of 2s; its last stderr lines:\nignoring SIGTERM");
  });

  it('cannot start a program that does not exist', async () => {
    const { trials } = await sweep(
      '{ command: [no-such-program-here, "{x}"] }',
      'budget: { trials: 1 }\nsampler: { type: grid }\nparameters:\n  x: { values: [1] }',
    );
    expect(trials[0]?.failureReason).toMatch(/^error: CommandObjectiveError: cannot start 'no-such-program-here': spawn no-such-program-here ENOENT/);
  });
});

describe('command lines and placeholders', () => {
  it('reads reports, final metrics and Python NaN; anything else is log', () => {
    expect(parseCommandLine('{"step": 3, "val_accuracy": 0.91, "note": "x"}')).toEqual({ kind: 'report', step: 3, metrics: { val_accuracy: 0.91 } });
    expect(parseCommandLine('{"step": 2, "loss": NaN, "gain": -Infinity}')).toEqual({
      kind: 'report',
      step: 2,
      metrics: { loss: Number.NaN, gain: -Infinity },
    });
    expect(parseCommandLine('{"final": {"test_accuracy": 0.9}}')).toEqual({ kind: 'final', metrics: { test_accuracy: 0.9 } });
    for (const line of ['epoch 3 done', '{"step": 3}', '{not json}', '{"loss": 1}', '[1, 2]']) expect(parseCommandLine(line)).toEqual({ kind: 'log' });
  });

  it('writes numbers so that they parse back to the same value', () => {
    for (const value of [0.1, 1 / 3, 1e-7, 123456789.123, 2 ** 53, -0.000123]) expect(Number(formatPlaceholderValue(value))).toBe(value);
    expect(commandArgs(['--lr={lr}', '{opt}', '{n}x{n}', "{'a': 1}"], { lr: '0.001', opt: 'adam', n: '2' })).toEqual(['--lr=0.001', 'adam', '2x2', "{'a': 1}"]);
  });
});

function readMarks(dir: string): Record<number, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [Number(f.slice(0, -4)), readFileSync(path.join(dir, f), 'utf8')]));
}
