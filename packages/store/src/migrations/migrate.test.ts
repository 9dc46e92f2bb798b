import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '@loopsweep/core';
import { tempDir } from '../test-support/temp-dir.js';
import { migrate } from './migrate.js';
import type { Migration } from './migration.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

const first: Migration = { version: 1, description: 'notes', sql: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);' };
const second: Migration = { version: 2, description: 'note authors', sql: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'unknown';" };
const broken: Migration = {
  version: 3,
  description: 'a broken step',
  sql: 'CREATE TABLE tags (id INTEGER PRIMARY KEY); ALTER TABLE no_such_table ADD COLUMN x;',
};

describe('migrate', () => {
  let temp: ReturnType<typeof tempDir>;
  let db: Database.Database;
  beforeEach(() => {
    temp = tempDir();
    db = new Database(temp.file('migrate.db'));
  });
  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  it('numbers the released steps 1..n, SCHEMA_VERSION being the last', () => {
    expect(MIGRATIONS.map((step) => step.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('applies only the steps a database lacks, keeping its rows', () => {
    expect(migrate(db, 'x.db', [first])).toBe(0);
    db.prepare('INSERT INTO notes (text) VALUES (?)').run('kept');
    expect(migrate(db, 'x.db', [first, second])).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT text, author FROM notes').all()).toEqual([{ text: 'kept', author: 'unknown' }]);
    expect(migrate(db, 'x.db', [first, second])).toBe(2);
  });

  it('leaves the database at the last whole version when a step fails, naming the step', () => {
    migrate(db, 'x.db', [first, second]);
    let error: unknown;
    try {
      migrate(db, 'x.db', [first, second, broken]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/^cannot upgrade x\.db to schema 3 \(a broken step\): no such table: no_such_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    // The step's first statement was rolled back with the rest.
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'tags'").get()).toEqual({ n: 0 });
  });

  it('refuses a newer database without touching it', () => {
    db.pragma('user_version = 9');
    expect(() => migrate(db, 'x.db', [first])).toThrow(new StoreError('x.db was written by a newer loopsweep (schema 9, this one knows 1); upgrade loopsweep'));
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
  });
});
