/**
 * Live updates in Chromium: a sweep that another writer is running shows new trials without a
 * reload, and when the server goes away the page says it is reconnecting, then recovers.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SweepReader } from '@loopsweep/store';
import type { DashboardServer } from '../src/server/index.js';
import { tempDir } from '../src/test-support/temp-dir.js';
import { browserSkipReason, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { serveDashboard } from './support/dashboard.js';
import { startSweep, strategiesSpec, type RunningSweep } from './support/sweeps.js';

const SWEEP = 'live-sweep';

/** Polls the database until `predicate` holds for the sweep's trial count. */
async function waitForTrials(dbPath: string, predicate: (count: number) => boolean, timeoutMs = 30_000, sweep = SWEEP): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reader = SweepReader.open(dbPath);
    const count = reader.getSweep(sweep) ? reader.countTrials(sweep) : 0;
    reader.close();
    if (predicate(count) || Date.now() > deadline) return count;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Network errors the browser logs itself while the server is down; nothing else is allowed. */
const SERVER_DOWN = /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET|ERR_INCOMPLETE_CHUNKED_ENCODING|ERR_CONTENT_LENGTH_MISMATCH/;

describe.skipIf(browserSkipReason !== undefined)(`live updates in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const dir = tempDir();
  const dbPath = dir.file('live.db');
  let writer: RunningSweep;
  let server: DashboardServer;
  let browser: Browser;

  beforeAll(async () => {
    // Slow trials (4 epochs × 250 ms on 2 threads), so the sweep is still running while the page watches.
    writer = startSweep(dbPath, strategiesSpec(SWEEP, { trials: 60, epochs: 4, sleepMs: 250 }));
    await waitForTrials(dbPath, (n) => n >= 1);
    server = await serveDashboard(dbPath);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await writer?.stop();
    await browser?.close();
    await server?.close();
    dir.cleanup();
  });

  it('a trial written by the concurrently running sweep appears without a reload', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${server.origin}/sweeps/${SWEEP}`);
    const count = page.getByTestId('trial-count');
    await count.waitFor();
    // A mark on the window: a reload would wipe it.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const shown = Number((await count.innerText()).split(' ')[0]);
    const target = shown + 3;
    await waitForTrials(dbPath, (n) => n >= target);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="trial-count"]')?.textContent?.split(' ')[0]) >= n, target, {
      timeout: 20_000,
    });
    await expect(page.locator(`[role="row"][data-trial="${target - 1}"]`).count()).resolves.toBe(1);
    // The summary's counts follow too.
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="trial-total"]')?.textContent?.split(' ')[0]) >= n, target, {
      timeout: 20_000,
    });
    await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
    await saveScreenshot(page, 'sweep-page-live');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the sweeps list follows the running sweep, and a stopped server shows “reconnecting…” until it is back', async () => {
    const { page, context, errors } = await openPage(browser);
    await page.goto(`${server.origin}/`);
    const row = page.getByTestId('sweeps-table').locator('tr', { hasText: SWEEP });
    await row.waitFor();
    const before = Number((await row.locator('td').nth(2).innerText()).split(' ')[0]);
    await page.waitForFunction(
      ([name, n]) =>
        [...document.querySelectorAll('[data-testid="sweeps-table"] tbody tr')].some(
          (tr) => tr.textContent?.includes(name) && Number(tr.querySelectorAll('td')[2]?.textContent?.split(' ')[0]) > n,
        ),
      [SWEEP, before] as const,
      { timeout: 20_000 },
    );

    const port = server.port;
    await server.close();
    await page.getByTestId('reconnecting').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('reconnecting').innerText()).toMatch(/reconnecting…/);
    await saveScreenshot(page, 'reconnecting');

    server = await serveDashboard(dbPath, { port });
    // EventSource retries every few seconds; once back, the banner goes and updates resume.
    await page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 20_000 });
    expect(errors.filter((e) => !SERVER_DOWN.test(e))).toEqual([]);
    await context.close();
  });

  it('after missing more than the server will replay, the sweep page reloads itself (reset) and shows every trial', async () => {
    // Its own short sweep, database and server: the sweep ends by itself while the server is away.
    const own = tempDir();
    const ownDb = own.file('reset.db');
    const ownSweep = startSweep(ownDb, strategiesSpec('reset-sweep', { trials: 30, epochs: 3, sleepMs: 300 }));
    let ownServer: DashboardServer | undefined;
    try {
      await waitForTrials(ownDb, (n) => n >= 2, 30_000, 'reset-sweep');
      ownServer = await serveDashboard(ownDb);
      const { page, context, errors } = await openPage(browser);
      await page.goto(`${ownServer.origin}/sweeps/reset-sweep`);
      const count = page.getByTestId('trial-count');
      await count.waitFor();
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));

      // The server goes away; the sweep writes its remaining trials and ends; the server comes
      // back refusing to replay even one missed metric value, so the resumed stream gets `reset`.
      const port = ownServer.port;
      await ownServer.close();
      const shown = Number((await count.innerText()).split(' ')[0]);
      await ownSweep.done;
      const total = await waitForTrials(ownDb, () => true, 0, 'reset-sweep');
      expect(total).toBe(30);
      expect(shown).toBeLessThan(total);
      ownServer = await serveDashboard(ownDb, { port, maxCatchUpMetrics: 0 });

      await page.getByTestId('reconnecting').waitFor({ state: 'detached', timeout: 20_000 });
      // Nothing is written any more: only the reload can bring the missed trials.
      await expect.poll(() => count.innerText(), { timeout: 15_000 }).toBe(`${total} trials`);
      await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
      expect(errors.filter((e) => !SERVER_DOWN.test(e))).toEqual([]);
      await context.close();
    } finally {
      await ownSweep.stop();
      await ownServer?.close();
      own.cleanup();
    }
  });
});
