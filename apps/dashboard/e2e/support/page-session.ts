/**
 * What every page test file sets up the same way: a database its `fill` writes, the real dashboard
 * server over it, one Chromium, and watched pages whose console and page errors are asserted empty
 * after each test (a test that expects one removes it from `errors` first). Call it inside a
 * `describe`: it registers that describe's beforeAll, afterEach and afterAll.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { DashboardServer } from '../../src/server/index.js';
import { tempDir } from '../../src/test-support/temp-dir.js';
import { launchBrowser, openPage, type WatchedPage } from './browser.js';
import { serveDashboard } from './dashboard.js';

export interface PageSession {
  readonly dbPath: string;
  /** The server's http://host:port, once beforeAll ran. */
  readonly origin: string;
  /** The page the running test opened last, if any. */
  readonly watched: WatchedPage | undefined;
  /** A new watched page, not navigated yet (to set routes or listeners first). */
  readonly newPage: (options?: { colorScheme?: 'light' | 'dark' }) => Promise<WatchedPage>;
  /** A new watched page at `path` on the server. */
  readonly open: (path: string, options?: { colorScheme?: 'light' | 'dark' }) => Promise<Page>;
}

/**
 * @param dbName the database's file name in a fresh temp folder
 * @param fill writes the sweeps the tests read, given the database and the temp folder
 * @param timeoutMs beforeAll's timeout when filling takes long (vitest's default otherwise)
 */
export function pageSession(dbName: string, fill: (dbPath: string, dir: string) => Promise<void>, timeoutMs?: number): PageSession {
  const dir = tempDir();
  const dbPath = dir.file(dbName);
  let server: DashboardServer | undefined;
  let browser: Browser | undefined;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    await fill(dbPath, dir.dir);
    server = await serveDashboard(dbPath);
    browser = await launchBrowser();
  }, timeoutMs);

  afterEach(async () => {
    if (watched) {
      // No page may log an error, whatever the test did on it.
      expect(watched.errors).toEqual([]);
      await watched.context.close();
      watched = undefined;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    dir.cleanup();
    rmSync(dbPath, { force: true });
  });

  const session: PageSession = {
    dbPath,
    get origin() {
      if (!server) throw new Error('the dashboard server is not started yet (use origin inside a test)');
      return server.origin;
    },
    get watched() {
      return watched;
    },
    newPage: async (options) => {
      if (!browser) throw new Error('the browser is not started yet (open pages inside a test)');
      watched = await openPage(browser, options);
      return watched;
    },
    open: async (path, options) => {
      const { page } = await session.newPage(options);
      await page.goto(`${session.origin}${path}`);
      return page;
    },
  };
  return session;
}
