/**
 * Whether a chart actually drew: the distinct colours on its canvases, read from the pixels.
 * A blank canvas (or one filled with a single colour) has at most one.
 */
import type { Page } from 'playwright-core';

/** Distinct opaque colours over every canvas inside `[data-testid=testId]` (sampled on a grid). */
export function chartColours(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const colours = new Set<number>();
    for (const canvas of document.querySelectorAll<HTMLCanvasElement>(`[data-testid="${id}"] canvas`)) {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) continue;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const step = 4 * 3; // every third pixel is plenty and keeps this fast
      for (let i = 0; i < data.length; i += step) {
        if (data[i + 3]! < 200) continue;
        colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      }
    }
    return colours.size;
  }, testId);
}

/** Waits until the chart has drawn more than `minimum` colours (ECharts may draw a frame late). */
export async function waitForDrawnChart(page: Page, testId: string, minimum = 3, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let colours = 0;
  await page.locator(`[data-testid="${testId}"] canvas`).first().waitFor({ timeout: timeoutMs });
  while (Date.now() < deadline) {
    colours = await chartColours(page, testId);
    if (colours > minimum) return colours;
    await page.waitForTimeout(200);
  }
  return colours;
}
