/**
 * A dashboard bound to a non-loopback address (127.0.0.2) refuses its API without the token, and
 * the page says what to do; with the link `sweep dashboard` prints (…/?token=…) everything works
 * and the token leaves the address bar.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardServer } from '../src/server/index.js';
import { tempDir } from '../src/test-support/temp-dir.js';
import { browserSkipReason, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { waitForDrawnChart } from './support/canvas.js';
import { serveDashboard } from './support/dashboard.js';
import { runToEnd, strategiesSpec } from './support/sweeps.js';

const SWEEP = 'guarded';

describe.skipIf(browserSkipReason !== undefined)(
  `token on a non-loopback bind, in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`,
  () => {
    const dir = tempDir();
    const dbPath = dir.file('guarded.db');
    let server: DashboardServer;
    let browser: Browser;

    beforeAll(async () => {
      await runToEnd(dbPath, strategiesSpec(SWEEP, { trials: 12, epochs: 3 }));
      server = await serveDashboard(dbPath, { host: '127.0.0.2' });
      browser = await launchBrowser();
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      dir.cleanup();
    });

    it('refuses the API without the token (401) and the page explains how to get in', async () => {
      expect(server.token).toMatch(/^\S{16,}$/);
      const bare = await fetch(`${server.origin}/api/sweeps`);
      expect(bare.status).toBe(401);
      const wrong = await fetch(`${server.origin}/api/sweeps`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
      expect(wrong.status).toBe(401);

      const { page, context, errors } = await openPage(browser);
      const refused: number[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/')) refused.push(response.status());
      });
      await page.goto(`${server.origin}/`);
      const message = page.getByTestId('unauthorized');
      await message.waitFor();
      expect(await message.innerText()).toMatch(/needs its access token[\s\S]*\?token=/);
      expect(refused).toEqual([401]);
      await saveScreenshot(page, 'unauthorized');
      // The browser logs the refused request itself; the app logs nothing.
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await context.close();
    });

    it('with the printed link, the app loads, drops the token from the address bar and streams with it', async () => {
      const { page, context, errors } = await openPage(browser);
      await page.goto(server.url);
      await page.getByTestId('sweeps-table').waitFor();
      expect(page.url()).toBe(`${server.origin}/`);
      await page.getByRole('link', { name: SWEEP }).click();
      await page.getByTestId('summary').waitFor();
      expect(await waitForDrawnChart(page, 'chart-history')).toBeGreaterThan(3);
      // A reload keeps working: the tab remembers the token (sessionStorage), not the URL.
      await page.reload();
      await page.getByTestId('summary').waitFor();
      await expect(page.getByTestId('reconnecting').count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  },
);
