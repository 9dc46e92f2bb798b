/** Starting on a missing, foreign or newer database; options; the web app's files; clean shutdown. */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SqliteTrialStore } from '@loopsweep/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SweepsResponse } from '../api/types.js';
import { startHarness } from '../test-support/server-harness.js';
import { tempDir } from '../test-support/temp-dir.js';
import { createDashboardServer, DashboardStartError } from './index.js';

const temp = tempDir();
afterAll(() => temp.cleanup());

describe('createDashboardServer refuses what it cannot serve', () => {
  it('a missing file, saying how to get one', async () => {
    const dbPath = temp.file('missing.db');
    await expect(createDashboardServer({ dbPath, port: 0 })).rejects.toThrow(`no database at ${dbPath}; run \`sweep run <spec>\` first or pass --db`);
  });

  it('a file that is not a loopsweep database', async () => {
    const dbPath = temp.file('notes.db');
    writeFileSync(dbPath, 'just some text, not SQLite at all'.repeat(100));
    await expect(createDashboardServer({ dbPath, port: 0 })).rejects.toThrow(/notes\.db is not a loopsweep database/);
  });

  it('a database written by a newer loopsweep', async () => {
    const dbPath = temp.file('newer.db');
    SqliteTrialStore.open(dbPath).close();
    // PRAGMA user_version lives at bytes 60..63 of the header (big-endian): a future schema.
    const file = openSync(dbPath, 'r+');
    writeSync(file, Buffer.from([0, 0, 0, 99]), 0, 4, 60);
    closeSync(file);
    await expect(createDashboardServer({ dbPath, port: 0 })).rejects.toThrow(
      /written by a newer loopsweep \(schema 99, this one knows \d+\); upgrade loopsweep/,
    );
  });

  it('bad options, naming them', async () => {
    const dbPath = temp.file('missing.db');
    await expect(createDashboardServer({ dbPath, port: 70000 })).rejects.toThrow(new RangeError('options.port must be an integer in 0..65535 (got 70000)'));
    await expect(createDashboardServer({ dbPath, port: 0, token: 'short' })).rejects.toThrow(
      new RangeError('options.token must be 16 to 512 printable characters without spaces'),
    );
    await expect(createDashboardServer({ dbPath: '', port: 0 })).rejects.toThrow(new RangeError('options.dbPath must be the path of a loopsweep database'));
  });

  it('a port in use, saying what to do', async () => {
    const harness = await startHarness();
    try {
      const error = await createDashboardServer({ dbPath: harness.dbPath, port: harness.server.port }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DashboardStartError);
      expect(error).toMatchObject({
        message: `port ${harness.server.port} on 127.0.0.1 is already in use`,
        hint: 'pass another --port, or --port 0 for a free one',
      });
    } finally {
      await harness.close();
    }
  });
});

describe('an empty database', () => {
  it('serves an empty sweeps list', async () => {
    const dbPath = temp.file('empty.db');
    SqliteTrialStore.open(dbPath).close();
    const server = await createDashboardServer({ dbPath, port: 0 });
    try {
      const response = await fetch(`${server.origin}/api/sweeps`);
      expect(response.status).toBe(200);
      expect((await response.json()) as SweepsResponse).toEqual({ sweeps: [] });
    } finally {
      await server.close();
    }
  });
});

/** A raw GET, so `..` reaches the server as written (fetch would normalize it away). */
function rawGet(origin: string, rawPath: string): Promise<{ status: number; body: string }> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('the web app', () => {
  const webRoot = temp.file('web');
  const secret = 'SECRET-OUTSIDE-THE-WEB-ROOT';
  let harness: Awaited<ReturnType<typeof startHarness>>;
  beforeAll(async () => {
    mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>loopsweep</title><div id="root"></div>');
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log("app");');
    writeFileSync(path.join(webRoot, '.env'), 'HIDDEN=1');
    writeFileSync(temp.file('secret.txt'), secret);
    harness = await startHarness({ webRoot });
  });
  afterAll(() => harness.close());

  it('serves its files and index.html for client-side routes', async () => {
    expect(await rawGet(harness.server.origin, '/')).toMatchObject({ status: 200, body: expect.stringContaining('<div id="root">') });
    expect(await rawGet(harness.server.origin, '/assets/app.js')).toEqual({ status: 200, body: 'console.log("app");' });
    expect(await rawGet(harness.server.origin, '/sweeps/strategies/trials/3')).toMatchObject({ status: 200, body: expect.stringContaining('<div id="root">') });
  });

  it('never serves a file outside its folder, nor a dotfile', async () => {
    for (const attempt of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%5csecret.txt', '/.env']) {
      const { body } = await rawGet(harness.server.origin, attempt);
      expect(body, attempt).not.toContain(secret);
      expect(body, attempt).not.toContain('HIDDEN');
    }
  });

  it('says how to build it when it is missing, while the API works', async () => {
    const bare = await startHarness({ webRoot: temp.file('no-such-folder') });
    try {
      const { status, body } = await bare.get<{ error: { message: string; hint: string } }>('/');
      expect(status).toBe(404);
      expect(body.error.hint).toMatch(/npm run build/);
      expect((await bare.get('/api/health')).status).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
