/**
 * `sweep report`'s HTML in Debian's Chromium, opened from file:// with the network off: no console
 * error, nothing fetched, every chart drawn, the verdict in core's words (what `sweep compare`
 * prints); and a 10,000-trial sweep's report under 5 MB that opens the same way.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../src/test-support/temp-dir.js';
import { ARTIFACTS, browserSkipReason, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { serveDashboard } from './support/dashboard.js';
import { writeLargeSweep } from './support/large-sweep.js';
import { chartColoursBySvg, externalReferences, openOffline, writeHtmlReport } from './support/report.js';
import { judgeFromDatabase, runToEnd, strategiesSpec, writeProtocolSweep } from './support/sweeps.js';

/** Set LOOPSWEEP_REPORT_DB (e.g. runs/quick.db after `npm run demo`) to also screenshot that database's compare-optimizers sweep. */
const DEMO_DB = process.env['LOOPSWEEP_REPORT_DB'];
const DEMO_SWEEP = process.env['LOOPSWEEP_REPORT_SWEEP'] ?? 'compare-optimizers';

describe.skipIf(browserSkipReason !== undefined)(`sweep report in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const dir = tempDir();
  const dbPath = dir.file('sweeps.db');
  let browser: Browser;

  beforeAll(async () => {
    await runToEnd(dbPath, strategiesSpec('rnn-strategies', { trials: 32, epochs: 4 }));
    writeProtocolSweep(dbPath, 'protocol', 10, 0.06);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    dir.cleanup();
  });

  async function check(db: string, sweep: string, name: string, by?: string[], top?: number) {
    const file = dir.file(`${name}.html`);
    const report = await writeHtmlReport(db, sweep, file, by);
    const html = readFileSync(file, 'utf8');
    expect(externalReferences(html)).toEqual([]);
    const watched = await openOffline(browser, file);
    try {
      const charts = await chartColoursBySvg(watched);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) expect({ id: chart.id, drawn: chart.colours > 3 && chart.width > 100 }).toEqual({ id: chart.id, drawn: true });
      for (const { by: param } of report.data.comparisons) {
        const text = await watched.page.locator(`[data-testid="verdict-${param}"]`).textContent();
        expect(text).toBe(judgeFromDatabase(db, sweep, param).statement);
      }
      await saveScreenshot(watched.page, `report-${name}`);
      if (top !== undefined) {
        // The report's column from "2. The answer" down `top` pixels: what the README shows.
        const box = (await watched.page.locator('main').boundingBox())!;
        const answer = (await watched.page.locator('#answer').boundingBox())!;
        await watched.page.screenshot({
          path: path.join(ARTIFACTS, `report-${name}-answer.png`),
          clip: { x: box.x, y: answer.y - 12, width: box.width, height: top },
          fullPage: true,
        });
      }
      expect(watched.blocked).toEqual([]);
      expect(watched.errors).toEqual([]);
      return { report, charts, bytes: statSync(file).size };
    } finally {
      await watched.context.close();
    }
  }

  it('an ordinary sweep: exploratory verdicts by each categorical param, every chart drawn, offline', async () => {
    const { report, charts } = await check(dbPath, 'rnn-strategies', 'exploratory');
    expect(report.data.comparisons.map((c) => c.by)).toEqual(['optimizer', 'cell']);
    expect(report.data.comparisons.every((c) => c.comparison.mode === 'exploratory')).toBe(true);
    expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['expected-optimizer', 'curves-optimizer', 'importance', 'slices']));
  });

  it('a comparison protocol: the planted winner, its replicates as points and their mean curve', async () => {
    const { report, charts } = await check(dbPath, 'protocol', 'protocol');
    const verdict = report.data.comparisons[0]!.comparison;
    expect(verdict.decision).toBe('winner');
    expect(verdict.winner).toBe('adam');
    expect(charts.map((c) => c.id)).toEqual(expect.arrayContaining(['verdict-optimizer', 'curves-optimizer']));
  });

  it("the dashboard's Download report button saves the report with the same verdict", async () => {
    const server = await serveDashboard(dbPath);
    const watched = await openPage(browser);
    try {
      await watched.page.goto(`${server.origin}/sweeps/protocol`);
      const [download] = await Promise.all([watched.page.waitForEvent('download'), watched.page.getByTestId('download-report').click()]);
      expect(download.suggestedFilename()).toBe('protocol-report.html');
      const file = dir.file('downloaded.html');
      await download.saveAs(file);
      const html = readFileSync(file, 'utf8');
      expect(html).toContain(`data-testid="verdict-optimizer">${judgeFromDatabase(dbPath, 'protocol', 'optimizer').statement}</p>`);
      expect(watched.errors).toEqual([]);
    } finally {
      await watched.context.close();
      await server.close();
    }
  });

  it.skipIf(DEMO_DB === undefined)('the demo sweep (LOOPSWEEP_REPORT_DB): a screenshot for the README', async () => {
    await check(path.resolve(DEMO_DB!), DEMO_SWEEP, 'demo', undefined, 1900);
  });

  it('10,000 trials: under 5 MB, opens offline with every chart drawn', async () => {
    const large = dir.file('large.db');
    writeLargeSweep(large, 10_000);
    // One param keeps the test short (each costs about a second of bootstrap at 10,000 trials); the benchmark judges them all.
    const { report, bytes } = await check(large, 'large', 'large', ['optimizer']);
    console.log(`report of 10,000 trials: ${(bytes / 1e6).toFixed(2)} MB in ${Math.round(report.ms)} ms`);
    expect(bytes).toBeLessThan(5e6);
  }, 120_000);
});
