import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noopSpec, sweep, workspace } from './helpers.js';

const ws = workspace();
afterAll(() => ws.cleanup());

const RNN = (extra: string) =>
  ['name: bad', 'objective: rnn-text', 'metric: { name: val_accuracy, goal: maximize }', 'budget: { trials: 2, max_epochs: 1 }', extra].join('\n');

/** Bad input refused before anything is written: exit 2, the message, and no database file. */
const upFront: { title: string; args: (db: string) => string[]; message: RegExp }[] = [
  {
    title: 'a spec with schema problems (every one listed, by path)',
    args: (db) => ['run', ws.file('schema.yaml', noopSpec({ name: 'bad', parameters: '  lr: { log_uniform: [0, 1] }\n  units: { int: [8] }' })), '--db', db],
    message: /parameters\.lr\.log_uniform\[0\].*\n[\s\S]*parameters\.units\.int/,
  },
  { title: 'a YAML syntax error', args: (db) => ['run', ws.file('syntax.yaml', 'name: [unclosed\n'), '--db', db], message: /YAML syntax error at line/ },
  { title: 'a missing spec file', args: (db) => ['run', path.join(ws.dir, 'nope.yaml'), '--db', db], message: /spec file not found: .*nope\.yaml/ },
  {
    title: 'an unknown objective',
    args: (db) => ['run', ws.file('objective.yaml', noopSpec({ name: 'bad', trials: 1 }).replace('objective: noop', 'objective: nope-objective')), '--db', db],
    message: /objective: unknown objective 'nope-objective'/,
  },
  {
    title: 'a missing objective module',
    args: (db) => ['run', ws.file('module.yaml', noopSpec({ name: 'bad', trials: 1 }).replace('objective: noop', 'objective: ./missing.mjs')), '--db', db],
    message: /objective: no objective module at .*missing\.mjs/,
  },
  {
    title: 'a missing csv dataset file',
    args: (db) => ['run', ws.file('csv.yaml', RNN('dataset: { name: csv, path: ./no-such.csv }\nparameters:\n  cell: { values: [lstm, gru] }')), '--db', db],
    message: /dataset\.path: dataset file not found: .*no-such\.csv/,
  },
  {
    title: 'a parameter rnn-text does not know, and a value it refuses',
    args: (db) => ['run', ws.file('params.yaml', RNN('parameters:\n  celll: { values: [lstm, gru] }\n  optimizer: { values: [adam, adamm] }')), '--db', db],
    message: /parameters\.celll: is not a parameter of rnn-text \(did you mean 'cell'\?\)[\s\S]*parameters\.optimizer\.values\[1\]: rnn-text refuses it/,
  },
  {
    title: 'a bad --devices',
    args: (db) => ['run', ws.file('ok1.yaml', noopSpec({ name: 'ok1', trials: 1 })), '--devices', 'tpu:3', '--db', db],
    message: /--devices: unknown device 'tpu:3'/,
  },
  {
    title: 'a bad --parallel',
    args: (db) => ['run', ws.file('ok2.yaml', noopSpec({ name: 'ok2', trials: 1 })), '--parallel', '0', '--db', db],
    message: /--parallel must be a whole number ≥ 1/,
  },
  { title: 'an unknown option', args: (db) => ['list', '--colour', '--db', db], message: /Unknown argument: colour/ },
  { title: 'an unknown command', args: (db) => ['lsit', '--db', db], message: /Unknown argument: lsit|Did you mean list/ },
  { title: 'resume of a database that does not exist', args: (db) => ['resume', 'nothing', '--db', db], message: /no database at / },
  { title: 'a read of a database that does not exist', args: (db) => ['status', '--db', db], message: /no database at / },
];

describe('bad input exits 2 with one clear message and writes nothing', () => {
  it.each(upFront)('$title', ({ args, message }) => {
    const db = path.join(ws.dir, `never-${Math.random().toString(36).slice(2)}.db`);
    const result = sweep(args(db));
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^error: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it('an unwritable database path (--db /proc/x.db)', () => {
    const result = sweep(['run', ws.file('ok3.yaml', noopSpec({ name: 'ok3', trials: 1 })), '--db', '/proc/x.db']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\/proc\/x\.db/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('bad input against an existing database exits 2', () => {
  const db = path.join(ws.dir, 'existing.db');
  beforeAll(() => {
    expect(sweep(['run', ws.file('small.yaml', noopSpec({ name: 'small', trials: 2 })), '--db', db]).code).toBe(0);
  });

  it.each([
    { title: 'resume of an unknown sweep', args: ['resume', 'smal'], message: /no sweep named 'smal'[\s\S]*did you mean 'small'/ },
    {
      title: 'compare by an unknown param',
      args: ['compare', 'small', '--by', 'optimizer'],
      message: /sweep 'small' has no parameter 'optimizer'[\s\S]*its parameters: x, opt/,
    },
    { title: 'show of an unknown trial', args: ['show', 'small', '7'], message: /sweep 'small' has no trial 7/ },
    { title: 'show of a trial that is not a number', args: ['show', 'small', 'seven'], message: /trial/ },
    { title: 'best of an unknown sweep', args: ['best', 'nope'], message: /no sweep named 'nope'/ },
    { title: 'export in an unknown format', args: ['export', 'small', '--format', 'xml'], message: /Invalid values:[\s\S]*format/ },
  ])('$title', ({ args, message }) => {
    const result = sweep([...args, '--db', db]);
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
  });

  it('a database from a newer schema', () => {
    const newer = path.join(ws.dir, 'newer.db');
    expect(sweep(['run', ws.file('small2.yaml', noopSpec({ name: 'small2', trials: 1 })), '--db', newer]).code).toBe(0);
    const raw = new Database(newer);
    raw.pragma('user_version = 999');
    raw.close();
    for (const args of [['list'], ['status'], ['resume', 'small2'], ['run', ws.file('small3.yaml', noopSpec({ name: 'small3', trials: 1 }))]]) {
      const result = sweep([...args, '--db', newer]);
      expect(result.stderr, args.join(' ')).toMatch(/newer|upgrade/i);
      expect(result.code, args.join(' ')).toBe(2);
    }
  });
});
