import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeStrategies } from '@loopsweep/core';
import { comparableTrials } from '@loopsweep/store';
import { json, noopSpec, sweep, withReader, workspace } from './helpers.js';

const NAME = 'noop-e2e';

describe('a noop sweep through the CLI', () => {
  const ws = workspace();
  let run: ReturnType<typeof sweep>;

  beforeAll(() => {
    const spec = ws.file('sweep.yaml', noopSpec({ name: NAME, trials: 6, parallel: 2, maxEpochs: 3 }));
    run = sweep(['run', spec, '--db', ws.db]);
  });
  afterAll(() => ws.cleanup());

  it('runs every trial, with a plain line per finished trial and the best at the end', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => /^trial \d+ COMPLETE value=/.test(line));
    expect(lines).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/\(6\/6 done, 0 running, best [\d.]+ #\d+\)$/);
    expect(run.stdout).toMatch(/^finished: 6 trials \(6 complete, 0 pruned, 0 failed\)/m);
    expect(run.stdout).toMatch(/^best: trial #\d+ value=[\d.]+ {2}x=[\d.e-]+ opt=(adam|sgd)$/m);
    expect(run.stdout).toMatch(/^by opt:$/m);
    // An ordinary sweep's summary is exploratory: it names no winner.
    expect(run.stdout).toMatch(/^ {2}(exploratory|insufficient_data): /m);
    expect(run.stdout).not.toMatch(/\bwins?\b/);
  });

  it('stores every trial with its params, state and learning curve (export --format json, show)', () => {
    const exported = json(sweep(['export', NAME, '--format', 'json', '--db', ws.db]));
    const trials = exported.trials as { number: number; state: string; params: Record<string, unknown> }[];
    expect(trials).toHaveLength(6);
    for (const trial of trials) {
      expect(trial.state).toBe('COMPLETE');
      expect(typeof trial.params['x']).toBe('number');
      expect(['adam', 'sgd']).toContain(trial.params['opt']);
    }
    const shown = json(sweep(['show', NAME, '2', '--json', '--db', ws.db]));
    expect(shown.trial.number).toBe(2);
    expect(shown.trial.state).toBe('COMPLETE');
    expect(shown.trial.metrics.map((m: { step: number }) => m.step)).toEqual([1, 2, 3]);
    expect(shown.trial.metrics[2].values.value).toBeCloseTo(shown.trial.value, 12);
    expect(shown.trial.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['trial_started', 'trial_completed']));

    const text = sweep(['show', NAME, '2', '--db', ws.db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^trial 2 of noop-e2e: COMPLETE {2}value=/);
    expect(text.stdout).toMatch(/^metrics$/m);
    expect(text.stdout).toMatch(/^events$/m);
  });

  it('best, compare, list and status print what the database holds', () => {
    const best = json(sweep(['best', NAME, '--top', '3', '--json', '--db', ws.db]));
    const direct = withReader(ws.db, (reader) => reader.best(NAME, 3));
    expect(best.trials).toEqual(JSON.parse(JSON.stringify(direct)));
    const bestText = sweep(['best', NAME, '--db', ws.db]);
    expect(bestText.stdout).toContain(`#${direct[0]!.number}`);

    const compared = json(sweep(['compare', NAME, '--by', 'opt', '--json', '--db', ws.db]));
    const expected = withReader(ws.db, (reader) =>
      judgeStrategies(comparableTrials(reader.trials(NAME), new Map()), { by: 'opt', direction: 'maximize', seed: reader.getSweep(NAME)!.seed }),
    );
    expect(compared).toEqual({ sweep: NAME, metric: 'value', ...JSON.parse(JSON.stringify(expected)) });
    expect(compared.mode).toBe('exploratory');
    expect(['exploratory', 'insufficient_data']).toContain(compared.decision);
    expect(compared.winner).toBeUndefined();
    const compareText = sweep(['compare', NAME, '--by', 'opt', '--db', ws.db]);
    expect(compareText.code).toBe(0);
    expect(compareText.stdout).toContain(expected.statement);
    expect(compareText.stdout).toContain(`decision: ${expected.decision} — compared ${expected.compared}`);
    expect(compareText.stdout).toMatch(/^opt\s+n\s+(E\[best of \d+\]|expected best)\s+95% CI\s+P\(best\)\s+best\s+trials\s+pruned\s+failed$/m);
    expect(compareText.stdout).toContain('  compare:\n    by: opt\n    trials_per_value: 3\n    confirm: { seeds: 10 }\n    confidence: 0.95');
    expect(compareText.stdout).not.toMatch(/\bwins?\b/);
    const bad = sweep(['compare', NAME, '--by', 'opt', '--confidence', '1.5', '--db', ws.db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--confidence must be a number in (0, 1), got 1.5');

    const list = json(sweep(['list', '--json', '--db', ws.db]));
    expect(list.sweeps).toHaveLength(1);
    expect(list.sweeps[0]).toMatchObject({ name: NAME, status: 'finished', total: 6 });
    expect(sweep(['list', '--db', ws.db]).stdout).toContain(NAME);

    const status = json(sweep(['status', '--json', '--db', ws.db]));
    expect(status).toMatchObject({ sweep: NAME, status: 'finished', counts: { COMPLETE: 6, RUNNING: 0 }, budgetTrials: 6, running: [] });
    expect(status.best.number).toBe(direct[0]!.number);
    const statusText = sweep(['status', NAME, '--db', ws.db]);
    expect(statusText.stdout).toContain('6 of 6 done (6 complete, 0 pruned, 0 failed), 0 running');
  });

  it('exports CSV to stdout or, whole, to a file', () => {
    const csv = sweep(['export', NAME, '--format', 'csv', '--db', ws.db]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.trim().split('\n')).toHaveLength(7);
    const out = path.join(ws.dir, 'trials.csv');
    const written = sweep(['export', NAME, '--format', 'csv', '-o', out, '--db', ws.db]);
    expect(written.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(csv.stdout);
    expect(readdirSync(ws.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('reads LOOPSWEEP_DB when --db is absent', () => {
    const list = sweep(['list', '--json'], { env: { LOOPSWEEP_DB: ws.db } });
    expect(json(list).sweeps[0].name).toBe(NAME);
  });

  it('refuses to start a second sweep of the same name', () => {
    const again = sweep(['run', path.join(ws.dir, 'sweep.yaml'), '--db', ws.db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`a sweep named '${NAME}' already exists`);
    expect(again.stderr).toContain(`sweep resume ${NAME}`);
  });
});

describe('validate, init, completion and help', () => {
  const ws = workspace();
  afterAll(() => ws.cleanup());

  it('validates every example spec', () => {
    for (const example of [
      'quick.yaml',
      'compare-optimizers.yaml',
      'spam-strategies.yaml',
      'adding-problem.yaml',
      'lazy-adam.yaml',
      'custom-objective/sweep.yaml',
    ]) {
      const result = sweep(['validate', `examples/${example}`]);
      expect(result.stderr, example).toBe('');
      expect(result.stdout, example).toMatch(/^ok: [\w.-]+ — \d+ params? \(/);
      expect(result.code, example).toBe(0);
    }
    expect(sweep(['validate', 'examples/quick.yaml']).stdout).toContain(
      'ok: quick — 7 params (cell, optimizer, lr, momentum, clip, clip_norm, units), tpe sampler (seed 7), asha pruner, budget 20 trials',
    );
    const asJson = json(sweep(['validate', 'examples/quick.yaml', '--json']));
    expect(asJson.ok).toBe(true);
    expect(asJson.spec.name).toBe('quick');
  });

  it('writes a commented example spec that validates, and refuses to overwrite it without --force', () => {
    const first = sweep(['init'], { cwd: ws.dir });
    expect(first.code).toBe(0);
    const file = path.join(ws.dir, 'sweep.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/^# /);
    expect(sweep(['validate', 'sweep.yaml'], { cwd: ws.dir }).code).toBe(0);
    const second = sweep(['init'], { cwd: ws.dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('already exists');
    expect(sweep(['init', '--force'], { cwd: ws.dir }).code).toBe(0);
    expect(sweep(['init', 'other.yaml'], { cwd: ws.dir }).code).toBe(0);
    expect(existsSync(path.join(ws.dir, 'other.yaml'))).toBe(true);
    expect(existsSync(path.join(ws.dir, 'loopsweep.db'))).toBe(false);
  });

  it('prints help for every command, and a completion script', () => {
    const help = sweep(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['run', 'resume', 'status', 'list', 'best', 'show', 'export', 'compare', 'dashboard', 'validate', 'init', 'agent', 'completion']) {
      expect(help.stdout).toContain(`sweep ${command}`);
      expect(sweep([command, '--help']).code).toBe(0);
    }
    // An agent never opens a database, so its help does not offer --db; a sweep's commands do.
    expect(sweep(['agent', '--help']).stdout).not.toContain('--db');
    expect(sweep(['run', '--help']).stdout).toContain('--db');
    const completion = sweep(['completion']);
    expect(completion.code).toBe(0);
    expect(completion.stdout).toContain('sweep');
    expect(completion.stdout).toMatch(/complete/);
  });
});
