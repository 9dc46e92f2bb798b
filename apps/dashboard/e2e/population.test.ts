/**
 * The Population panel (issue 18) in Chromium over the real server and a population-based training
 * sweep run by the real runner on the noisy quadratic objective: the members' curves and the best
 * member's schedule draw, the schedule on the page is the one its stored lineage gives, the chain
 * table lists the trials behind it, and a sweep that is not PBT has no panel. No page logs an error.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SweepReader, type TrialRow } from '@loopsweep/store';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSkipReason, saveScreenshot } from './support/browser.js';
import { pageSession } from './support/page-session.js';
import { waitForDrawnChart } from './support/canvas.js';
import { lrSchedule, pbtSpec, runPbtToEnd } from './support/pbt-sweeps.js';
import { runToEnd, strategiesSpec } from './support/sweeps.js';

const EPOCHS = 16;
const EXAMPLE = readFileSync(fileURLToPath(new URL('../../../examples/pbt-spam.yaml', import.meta.url)), 'utf8');
const POPULATION = 6;

function stored(dbPath: string, sweep: string): { rows: TrialRow[]; best: TrialRow } {
  const reader = SweepReader.open(dbPath);
  try {
    return { rows: reader.trials(sweep), best: reader.best(sweep, 1)[0] as TrialRow };
  } finally {
    reader.close();
  }
}

/** The best member's chain from the stored lineage: follow lineage.parent back. */
function chainOf(rows: readonly TrialRow[], member: TrialRow): number[] {
  const parent = member.lineage === undefined ? undefined : rows.find((row) => row.number === member.lineage?.parent);
  return parent === undefined ? [member.number] : [...chainOf(rows, parent), member.number];
}

describe.skipIf(browserSkipReason !== undefined)(`Population panel in Chromium${browserSkipReason ? ` (skipped: ${browserSkipReason})` : ''}`, () => {
  const session = pageSession(
    'pbt.db',
    async (dbPath) => {
      const outcome = await runPbtToEnd(dbPath, pbtSpec('pbt', { population: POPULATION, epochs: EPOCHS, seed: 3 }), POPULATION);
      expect(outcome.status).toBe('finished');
      await runToEnd(dbPath, strategiesSpec('plain', { trials: 4, epochs: 2 }));
      // The real rnn-text example as it ships (4 GRUs × 8 epochs on SpamAssassin).
      expect((await runPbtToEnd(dbPath, EXAMPLE, 4)).status).toBe('finished');
    },
    180_000,
  );
  const { dbPath, open } = session;

  it('draws the members’ curves and the best member’s lr schedule, which is the one its lineage gives', async () => {
    const { rows, best } = stored(dbPath, 'pbt');
    const exploits = rows.filter((row) => row.lineage !== undefined);
    expect(exploits.length).toBeGreaterThan(0);
    const chain = chainOf(rows, best);
    // The runner's pbt test: the best member of such a sweep is an exploit's descendant.
    expect(chain.length).toBeGreaterThan(1);
    const expected = lrSchedule(rows, best, EPOCHS);

    const page = await open('/sweeps/pbt');
    const panel = page.getByTestId('population-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-members')).resolves.toBe(String(rows.length));
    await expect(panel.getAttribute('data-exploits')).resolves.toBe(String(exploits.length));
    await expect(panel.getAttribute('data-best')).resolves.toBe(String(best.number));
    await expect(page.locator('nav[aria-label="On this page"] a[href="#population"]').count()).resolves.toBe(1);

    const schedule = page.getByTestId('schedule-lr');
    await expect(schedule.getAttribute('data-epoch-values').then((text) => JSON.parse(text ?? 'null') as unknown)).resolves.toEqual(expected);
    // The text: one run per change of lr, as `sweep lineage` writes it.
    const runs = expected.filter((lr, i) => i === 0 || lr !== expected[i - 1]).length;
    await expect(page.getByTestId('schedule-text-lr').innerText()).resolves.toMatch(
      new RegExp(`^\\S+ \\(epochs 1–\\d+\\)( → \\S+ \\(\\d+–\\d+\\)){${runs - 1}}$`),
    );
    await expect(
      page.locator('[data-testid="lineage-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-trial')))),
    ).resolves.toEqual(chain);

    for (const chart of ['chart-population', 'chart-schedule-lr']) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await saveScreenshot(page, 'population');
    await panel.screenshot({ path: `${ARTIFACTS}population-panel.png` });

    // The best member's link opens its trial page.
    await page
      .getByRole('heading', { name: `Best member: #${best.number}` })
      .getByRole('link')
      .click();
    await page.waitForURL(`**/sweeps/pbt/trials/${best.number}`);
  });

  it('the rnn-text example (examples/pbt-spam.yaml): its population and the best member’s schedule draw, as its lineage gives them', async () => {
    const { rows, best } = stored(dbPath, 'pbt-spam');
    expect(rows.some((row) => row.lineage !== undefined)).toBe(true);
    const page = await open('/sweeps/pbt-spam');
    const panel = page.getByTestId('population-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-members')).resolves.toBe(String(rows.length));
    await expect(panel.getAttribute('data-best')).resolves.toBe(String(best.number));
    await expect(
      page.locator('[data-testid="lineage-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-trial')))),
    ).resolves.toEqual(chainOf(rows, best));
    const charts = ['chart-population'];
    const expected = lrSchedule(rows, best, 8);
    if (new Set(expected).size > 1) {
      await expect(
        page
          .getByTestId('schedule-lr')
          .getAttribute('data-epoch-values')
          .then((text) => JSON.parse(text ?? 'null') as unknown),
      ).resolves.toEqual(expected);
      charts.push('chart-schedule-lr');
    }
    for (const chart of charts) {
      await page.getByTestId(chart).scrollIntoViewIfNeeded();
      const colours = await waitForDrawnChart(page, chart);
      expect(colours, `${chart} drew ${colours} colours`).toBeGreaterThan(3);
    }
    await panel.screenshot({ path: `${ARTIFACTS}population-pbt-spam-panel.png` });
  });

  it('a sweep that is not PBT has no Population panel', async () => {
    const page = await open('/sweeps/plain');
    await page.getByTestId('trial-count').waitFor();
    await expect(page.getByTestId('population-panel').count()).resolves.toBe(0);
    await expect(page.locator('nav[aria-label="On this page"] a[href="#population"]').count()).resolves.toBe(0);
  });
});
