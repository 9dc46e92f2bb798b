/** A dashboard server on a free port over a fresh fixture database, and JSON GETs against it. */
import { createDashboardServer, type DashboardServer } from '../server/index.js';
import type { DashboardServerOptions } from '../server/options.js';
import { writeFixture, type FixtureStore } from './fixture-sweeps.js';
import { tempDir } from './temp-dir.js';

export interface Harness {
  readonly server: DashboardServer;
  readonly fixture: FixtureStore;
  readonly dbPath: string;
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

export async function startHarness(options: Partial<DashboardServerOptions> = {}): Promise<Harness> {
  const temp = tempDir();
  const dbPath = temp.file('sweeps.db');
  const fixture = writeFixture(dbPath);
  const server = await createDashboardServer({ dbPath, port: 0, pollMs: 50, ...options });
  return {
    server,
    fixture,
    dbPath,
    async get(path, headers = {}) {
      const response = await fetch(`${server.origin}${path}`, { headers });
      const text = await response.text();
      return {
        status: response.status,
        body: (response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as never,
        headers: response.headers,
      };
    },
    async close() {
      await server.close();
      fixture.store.close();
      temp.cleanup();
    },
  };
}
