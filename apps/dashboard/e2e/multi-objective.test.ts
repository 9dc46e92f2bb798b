/**
 * The Pareto front panel (issue 17) in Chromium over the real server and multi-objective sweeps
 * run by the real runner: the front and hypervolume charts draw, the front's size and hypervolume
 * on the page are core's summarizeFront over the stored final values, a front trial's link opens
 * it, and a one-metric sweep has no front panel. No page logs an error.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { constraintsOf, frontObjectivesOf, parseSweepSpec, summarizeFront, type FrontSummary } from '@loopsweep/core';
import { SweepReader } from '@loopsweep/store';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../src/test-support/temp-dir.js';
import { ARTIFACTS, browserSkipReason, launchBrowser, openPage, saveScreenshot } from './support/browser.js';
import { pageSession } from './support/page-session.js';
import { waitForDrawnChart } from './support/canvas.js';
import { serveDashboard } from './support/dashboard.js';
import { dtlzSpec, writeObjectives, zdtSpec } from './support/mo-sweeps.js';
import { runToEnd, startSweep, strategiesSpec } from './support/sweeps.js';

/** What the page must show: core's front over the COMPLETE trials' stored final values. */
function expectedFront(dbPath: string, sweep: string, specText: string): FrontSummary {
  const spec = parseSweepSpec(specText);
  const reader = SweepReader.open(dbPath);
  try {
    const finals = reader.finalValues(sweep);
    const complete = reader.trials(sweep).filter((t) => t.state === 'COMPLETE');
    const trials = complete.flatMap((t) => {
      const values = finals.get(t.number);
      return values === undefined ? [] : [{ number: t.number, values }];
    });
    return summarizeFront(trials, frontObjectivesOf(spec), constraintsOf(spec));
  } finally {
    reader.close();
  }
}

describe.skipIf(browserSkipReason !== undefined)(`Pareto front panel in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const ZDT = zdtSpec('zdt', 40);
  const DTLZ = dtlzSpec('dtlz', 40);
  // The real rnn-text example as it ships: val_accuracy against train_seconds, parameters ≤ 100000.
  const EXAMPLE = readFileSync(fileURLToPath(new URL('../../../examples/accuracy-vs-time.yaml', import.meta.url)), 'utf8');
  const session = pageSession('mo.db', async (dbPath, dir) => {
    writeObjectives(dir);
    await runToEnd(dbPath, ZDT, dir);
    await runToEnd(dbPath, DTLZ, dir);
    await runToEnd(dbPath, EXAMPLE, dir);
    await runToEnd(dbPath, strategiesSpec('plain', { trials: 4, epochs: 2 }));
  });
  const { dbPath, open } = session;

  it('two objectives: the front scatter and the hypervolume chart draw, with core’s front size and hypervolume', async () => {
    const expected = expectedFront(dbPath, 'zdt', ZDT);
    expect(expected.front.length).toBeGreaterThan(0);
    expect(expected.infeasible.length).toBeGreaterThan(0);
    const page = await open('/sweeps/zdt');
    const panel = page.getByTestId('front-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-front-size')).resolves.toBe(String(expected.front.length));
    expect(Number(await panel.getAttribute('data-hypervolume'))).toBeCloseTo(expected.hypervolume, 9);
    await expect(panel.getAttribute('data-objectives')).resolves.toBe('2');
    const summary = await page.getByTestId('front-summary').innerText();
    expect(summary).toContain('f1 (minimize), f2 (minimize)');
    expect(summary).toContain(`${expected.infeasible.length} infeasible`);
    await expect(page.getByTestId('front-reference').innerText()).resolves.toMatch(/^Reference point \(f1 = .+, f2 = .+\), derived from the feasible/);
    for (const chart of ['chart-front', 'chart-hypervolume']) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await expect(page.locator('[data-testid="front-table"] tbody tr').count()).resolves.toBe(Math.min(20, expected.front.length));
    await expect(page.locator('nav[aria-label="On this page"] a[href="#front"]').count()).resolves.toBe(1);
    await saveScreenshot(page, 'front-2-objectives');
    await panel.screenshot({ path: `${ARTIFACTS}front-2-objectives-panel.png` });

    // The best-ranked front member's link opens its trial page.
    const first = expected.front[0]!.number;
    await page.locator('[data-testid="front-table"] tbody tr').first().getByRole('link').click();
    await page.waitForURL(`**/sweeps/zdt/trials/${first}`);
  });

  it('three objectives: parallel coordinates, the scatter matrix and the hypervolume chart draw; the reference point is the spec’s', async () => {
    const expected = expectedFront(dbPath, 'dtlz', DTLZ);
    expect(expected.front.length).toBeGreaterThan(0);
    const page = await open('/sweeps/dtlz');
    const panel = page.getByTestId('front-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-front-size')).resolves.toBe(String(expected.front.length));
    expect(Number(await panel.getAttribute('data-hypervolume'))).toBeCloseTo(expected.hypervolume, 9);
    await expect(page.getByTestId('front-reference').innerText()).resolves.toBe(
      'Reference point (f1 = 2, f2 = 2, f3 = 2), from the spec (`reference:` of each objective).',
    );
    for (const chart of ['chart-front', 'chart-front-matrix', 'chart-hypervolume']) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await saveScreenshot(page, 'front-3-objectives');
    await panel.screenshot({ path: `${ARTIFACTS}front-3-objectives-panel.png` });
  });

  it('the rnn-text example (examples/accuracy-vs-time.yaml): its front of real trials draws, with core’s size and hypervolume', async () => {
    const expected = expectedFront(dbPath, 'accuracy-vs-time', EXAMPLE);
    expect(expected.front.length).toBeGreaterThan(0);
    const page = await open('/sweeps/accuracy-vs-time');
    const panel = page.getByTestId('front-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-front-size')).resolves.toBe(String(expected.front.length));
    expect(Number(await panel.getAttribute('data-hypervolume'))).toBeCloseTo(expected.hypervolume, 9);
    const summary = await page.getByTestId('front-summary').innerText();
    expect(summary).toContain('val_accuracy (maximize), train_seconds (minimize)');
    for (const chart of ['chart-front', 'chart-hypervolume']) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await panel.screenshot({ path: `${ARTIFACTS}front-accuracy-vs-time-panel.png` });
  });

  it('a one-metric sweep has no Pareto front panel and never asks for one', async () => {
    const { page } = await session.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${session.origin}/sweeps/plain`);
    await page.getByTestId('summary').waitFor();
    await page.getByTestId('chart-history').waitFor();
    await expect(page.getByTestId('front-panel').count()).resolves.toBe(0);
    await expect(page.locator('#front').count()).resolves.toBe(0);
    expect(requests.some((url) => url.endsWith('/api/sweeps/plain'))).toBe(true);
    expect(requests.filter((url) => url.includes('/front'))).toEqual([]);
  });
});

describe.skipIf(browserSkipReason !== undefined)(`Pareto front panel, live${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const dir = tempDir();
  const dbPath = dir.file('live.db');
  // 4 epochs × 200 ms on 2 threads: about 12 s for 30 trials, so the page watches it run.
  const SPEC = zdtSpec('zdt-live', 30, 200);

  it('follows a running sweep: completed trials join the front and hypervolume charts without a reload', async () => {
    writeObjectives(dir.dir);
    // The browser starts before the sweep (its start is the slowest step on a loaded machine), so
    // the page is open while most of the sweep is still to run.
    const browser = await launchBrowser();
    const writer = startSweep(dbPath, SPEC, dir.dir);
    const server = await serveDashboard(dbPath);
    try {
      const { page, errors } = await openPage(browser);
      for (let i = 0; i < 100; i++) {
        const reader = SweepReader.open(dbPath);
        const exists = reader.getSweep('zdt-live') !== undefined;
        reader.close();
        if (exists) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await page.goto(`${server.origin}/sweeps/zdt-live`);
      const panel = page.getByTestId('front-panel');
      await panel.waitFor();
      await page.evaluate(() => Object.assign(window, { notReloaded: true }));
      const first = Number(await panel.getAttribute('data-completed'));
      expect(first).toBeLessThan(30);
      // Trials that complete after the page loaded join the front (the slower the machine, the
      // fewer are left by then, so any one will do).
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="front-panel"]')?.getAttribute('data-completed')) > n, first, {
        timeout: 30_000,
      });
      await writer.done;
      // After the last trial, the page settles on the final front.
      const expected = expectedFront(dbPath, 'zdt-live', SPEC);
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid="front-panel"]')?.getAttribute('data-completed')) === n, 30, {
        timeout: 30_000,
      });
      await expect(panel.getAttribute('data-front-size')).resolves.toBe(String(expected.front.length));
      expect(Number(await panel.getAttribute('data-hypervolume'))).toBeCloseTo(expected.hypervolume, 9);
      expect(await waitForDrawnChart(page, 'chart-front')).toBeGreaterThan(3);
      await expect(page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).resolves.toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await writer.stop();
      await browser.close();
      await server.close();
      dir.cleanup();
    }
  });
});
