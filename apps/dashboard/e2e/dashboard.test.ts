/**
 * The web app in Debian's Chromium over the real server and a database written by the real
 * runner: every page renders, every chart draws, the table filters, the strategy view agrees with
 * `sweep compare`, keyboard and themes work, and no page logs an error.
 */
import { describe, expect, it } from 'vitest';
import { SweepReader } from '@loopsweep/store';
import { ARTIFACTS, browserSkipReason, saveScreenshot } from './support/browser.js';
import { pageSession } from './support/page-session.js';
import { waitForDrawnChart } from './support/canvas.js';
import { judgeFromDatabase, runToEnd, strategiesSpec, writeProtocolSweep } from './support/sweeps.js';

const SWEEP = 'rnn-strategies';
const SWEEP_CHARTS = [
  'chart-strategy-interval',
  'chart-strategy-expected',
  'chart-strategy-box',
  'chart-strategy-best',
  'chart-strategy-curve',
  'chart-strategy-rates',
  'chart-history',
  'chart-curves',
  'chart-parallel',
  'chart-importance',
  'chart-slices',
];

describe.skipIf(browserSkipReason !== undefined)(`dashboard pages in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const session = pageSession('sweeps.db', async (dbPath) => {
    await runToEnd(dbPath, strategiesSpec(SWEEP, { trials: 48, epochs: 5 }));
    await runToEnd(dbPath, strategiesSpec('small', { trials: 4, epochs: 2 }));
    writeProtocolSweep(dbPath, 'protocol', 10, 0.06);
  });
  const { dbPath } = session;
  const open = (path: string, colorScheme: 'light' | 'dark' = 'light') => session.open(path, { colorScheme });

  it('the sweeps list shows each sweep with its trials by state and best value', async () => {
    const page = await open('/');
    const table = page.getByTestId('sweeps-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: SWEEP });
    const reader = SweepReader.open(dbPath);
    const summary = reader.listSweeps().find((s) => s.name === SWEEP)!;
    reader.close();
    await expect(row.locator('th').innerText()).resolves.toBe(SWEEP);
    const text = await row.innerText();
    expect(text).toContain('noop');
    expect(text).toContain(`${summary.total} ·`);
    expect(text).toContain(`${summary.counts.COMPLETE} complete`);
    expect(text).toContain(`#${summary.best!.number}`);
    await expect(table.locator('tbody tr').count()).resolves.toBe(3);
    await saveScreenshot(page, 'sweeps-list');
  });

  it('the sweep page draws every chart (each canvas has more than a few colours)', async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    await page.getByTestId('summary').waitFor();
    for (const chart of SWEEP_CHARTS) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await expect(page.getByTestId('best-value').innerText()).resolves.toMatch(/trial #\d+/);
    await saveScreenshot(page, 'sweep-page');
  });

  it('filtering the trials table by a param narrows the rows to that value', async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    const count = page.getByTestId('trial-count');
    await expect(count.innerText()).resolves.toBe('48 trials');
    const reader = SweepReader.open(dbPath);
    const adam = reader.trials(SWEEP, { params: { optimizer: 'adam' } }).length;
    const adamLstm = reader.trials(SWEEP, { params: { optimizer: 'adam', cell: 'lstm' } }).length;
    reader.close();
    expect(adam).toBeGreaterThan(0);
    expect(adam).toBeLessThan(48);

    await page.getByTestId('filter-optimizer').selectOption('adam');
    await expect(count.innerText()).resolves.toBe(`${adam} of 48 trials`);
    const optimizerColumn = await page
      .locator('[data-testid="trials-table"] [role="row"][data-trial]')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[role="cell"]')[4]?.textContent));
    expect(optimizerColumn.length).toBeGreaterThan(0);
    expect(new Set(optimizerColumn)).toEqual(new Set(['adam']));

    await page.getByTestId('filter-cell').selectOption('lstm');
    await expect(count.innerText()).resolves.toBe(`${adamLstm} of 48 trials`);
    await page.getByRole('button', { name: 'clear filters' }).click();
    await expect(count.innerText()).resolves.toBe('48 trials');

    // A numeric range: lr at most 0.001.
    const reader2 = SweepReader.open(dbPath);
    const small = reader2.trials(SWEEP).filter((t) => typeof t.params['lr'] === 'number' && t.params['lr'] <= 0.001).length;
    reader2.close();
    await page.getByTestId('filter-lr-max').fill('0.001');
    await expect(count.innerText()).resolves.toBe(`${small} of 48 trials`);
  });

  it('brushing a range on a parallel-coordinates axis filters the table to those trials', async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    const chart = page.getByTestId('chart-parallel');
    await chart.scrollIntoViewIfNeeded();
    expect(await waitForDrawnChart(page, 'chart-parallel')).toBeGreaterThan(3);
    const box = (await chart.boundingBox())!;
    // The first axis (optimizer: sgd, momentum, adam, rmsprop from the bottom) sits at the
    // parallel's left edge (48 px); drag down it over the upper half: adam and rmsprop.
    const x = box.x + 48;
    await page.mouse.move(x, box.y + 52);
    await page.mouse.down();
    await page.mouse.move(x, box.y + 120, { steps: 5 });
    await page.mouse.move(x, box.y + box.height / 2 - 8, { steps: 5 });
    await page.mouse.up();
    const button = page.getByTestId('brush-to-table');
    await button.waitFor();
    const brushed = Number(/the (\d+) selected/.exec(await button.innerText())![1]);
    const reader = SweepReader.open(dbPath);
    const upperHalf = reader.trials(SWEEP, { states: ['COMPLETE'], params: { optimizer: ['adam', 'rmsprop'] } }).length;
    reader.close();
    expect(brushed).toBe(upperHalf);
    await button.click();
    await expect(page.getByTestId('trial-count').innerText()).resolves.toBe(`${brushed} of 48 trials`);
    const optimizers = await page
      .locator('[data-testid="trials-table"] [role="row"][data-trial]')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('[role="cell"]')[4]?.textContent));
    expect(new Set(optimizers)).toEqual(new Set(['adam', 'rmsprop']));
  });

  it("the strategy view gives core's verdict (statement, decision, no winner for an ordinary sweep) and draws its error bars and expected-best curves", async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    for (const by of ['optimizer', 'cell']) {
      const expected = judgeFromDatabase(dbPath, SWEEP, by);
      expect(expected.mode).toBe('exploratory');
      await page.getByTestId('strategy-by').selectOption(by);
      const verdict = page.getByTestId('verdict');
      await expect.poll(() => verdict.innerText()).toBe(expected.statement);
      await expect(verdict.getAttribute('data-decision')).resolves.toBe(expected.decision);
      await expect(verdict.getAttribute('data-winner')).resolves.toBeNull();
      expect(expected.statement).not.toMatch(/\bwins?\b/);
      await expect(page.getByTestId('verdict-suggestion').locator('pre').textContent()).resolves.toBe(expected.suggestion);
      const table = await page.getByTestId('strategy-table').locator('tbody th').allInnerTexts();
      expect(table).toEqual(expected.groups.map((g) => g.label));
    }
    // After a new `by` the charts are drawn again from the new comparison.
    for (const chart of [
      'chart-strategy-interval',
      'chart-strategy-expected',
      'chart-strategy-box',
      'chart-strategy-best',
      'chart-strategy-curve',
      'chart-strategy-rates',
    ]) {
      expect(await waitForDrawnChart(page, chart), chart).toBeGreaterThan(3);
    }
    await page.getByTestId('strategy').screenshot({ path: `${ARTIFACTS}strategy-view.png` });
  });

  it('a comparison protocol: the winner of the confirmation replicates, drawn as points beside the error bars', async () => {
    const expected = judgeFromDatabase(dbPath, 'protocol', 'optimizer');
    expect(expected).toMatchObject({ mode: 'protocol', decision: 'winner', winner: 'adam' });
    const page = await open('/sweeps/protocol');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.innerText()).toBe(expected.statement);
    await expect(verdict.getAttribute('data-decision')).resolves.toBe('winner');
    await expect(verdict.getAttribute('data-winner')).resolves.toBe('adam');
    await expect(page.getByTestId('verdict-suggestion').count()).resolves.toBe(0);
    const table = await page.getByTestId('strategy-table').locator('tbody th').allInnerTexts();
    expect(table).toEqual(expected.groups.map((g) => (g.label === 'adam' ? 'adam ★' : g.label)));
    // Three colours of bars and points, axes and text: more than a chart of bars alone draws.
    expect(await waitForDrawnChart(page, 'chart-strategy-interval', 5)).toBeGreaterThan(5);
    expect(await waitForDrawnChart(page, 'chart-strategy-expected')).toBeGreaterThan(3);
    await page.getByTestId('strategy').screenshot({ path: `${ARTIFACTS}strategy-protocol.png` });
  });

  it('clicking a row opens the trial page with its params, metrics chart and events', async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    const reader = SweepReader.open(dbPath);
    const pruned = reader.trials(SWEEP, { states: ['PRUNED'] })[0] ?? reader.trials(SWEEP)[0]!;
    reader.close();
    await page.getByTestId('filter-optimizer').waitFor();
    await page.locator('.filters .states label', { hasText: pruned.state.toLowerCase() }).locator('input').check();
    await page.locator(`[role="row"][data-trial="${pruned.number}"]`).click();
    await page.waitForURL(`**/sweeps/${SWEEP}/trials/${pruned.number}`);
    await page.getByTestId('trial-params').waitFor();
    const params = await page.getByTestId('trial-params').innerText();
    for (const name of Object.keys(pruned.params)) expect(params).toContain(name);
    expect(await page.getByTestId('trial-state').innerText()).toContain(pruned.state.toLowerCase());
    expect(await waitForDrawnChart(page, 'chart-trial-metrics')).toBeGreaterThan(3);
    expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(pruned.lastStep);
    const events = await page.getByTestId('trial-events').innerText();
    expect(events).toContain('trial_started');
    if (pruned.state === 'PRUNED') expect(events).toMatch(/prune/i);
    await saveScreenshot(page, 'trial-page');
    // Back to the sweep without a reload.
    await page.goBack();
    await page.getByTestId('summary').waitFor();
  });

  it('is usable by keyboard: the table is one tab stop, arrows move, Enter opens, sorting by a header button', async () => {
    const page = await open(`/sweeps/${SWEEP}`);
    const first = page.locator('[role="row"][data-trial="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-trial'))).resolves.toBe('2');
    // Only the active row is in the tab order.
    await expect(page.locator('[role="row"][data-trial][tabindex="0"]').count()).resolves.toBe(1);
    await page.keyboard.press('End');
    // The last row is rendered (and focused) once the table has scrolled to it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-trial'))).toBe('47');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/trials/47`);
    await page.goBack();
    // Sorting by value, descending, from the keyboard: the best trial comes first.
    const valueHeader = page.getByRole('button', { name: /^value/ });
    await valueHeader.focus();
    await page.keyboard.press('Enter');
    const reader = SweepReader.open(dbPath);
    const best = reader.best(SWEEP, 1)[0]!;
    reader.close();
    await expect.poll(() => page.locator('[role="row"][data-index="0"]').getAttribute('data-trial')).toBe(String(best.number));
    // Focus is visible: the focused control has an outline.
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('follows the system dark mode, and the toggle switches the theme', async () => {
    const page = await open(`/sweeps/${SWEEP}`, 'dark');
    await page.getByTestId('summary').waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect(background()).resolves.toBe('rgb(13, 17, 23)');
    await page.getByTestId('chart-history').scrollIntoViewIfNeeded();
    expect(await waitForDrawnChart(page, 'chart-history')).toBeGreaterThan(3);
    await saveScreenshot(page, 'sweep-page-dark');
    await page.getByTestId('theme-toggle').click();
    await expect(background()).resolves.toBe('rgb(255, 255, 255)');
    expect(await waitForDrawnChart(page, 'chart-history')).toBeGreaterThan(3);
  });

  it('retries the chart code when its download fails (a server restart mid-load), and the page stays usable', async () => {
    const watched = await session.newPage();
    const { page } = watched;
    let failures = 0;
    await page.route('**/assets/echart-canvas-*.js', (route) => (failures++ < 2 ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${session.origin}/sweeps/${SWEEP}`);
    await expect(page.getByTestId('trial-count').innerText()).resolves.toBe('48 trials');
    expect(await waitForDrawnChart(page, 'chart-history')).toBeGreaterThan(3);
    expect(failures).toBeGreaterThanOrEqual(3);
    // The browser logs the two refused downloads itself; the app logs nothing.
    const unexpected = watched.errors.filter((e) => !/ERR_CONNECTION_RESET/.test(e));
    watched.errors.length = 0;
    watched.errors.push(...unexpected);
  });

  it('an unknown sweep and an unknown path say so plainly', async () => {
    const page = await open('/sweeps/no-such-sweep');
    await page.getByTestId('api-error').waitFor();
    expect(await page.getByTestId('api-error').innerText()).toMatch(/No such sweep/);
    // The browser logs the API's 404 itself; that one is expected, nothing else is.
    const watched = session.watched!;
    const unexpected = watched.errors.filter((e) => !/status of 404/.test(e));
    watched.errors.length = 0;
    watched.errors.push(...unexpected);
    await page.goto(`${session.origin}/nowhere/at/all`);
    await expect(page.locator('h1').innerText()).resolves.toBe('No page at /nowhere/at/all');
  });
});
