/**
 * Reports for the browser tests: written by the same function `sweep report` calls, opened from
 * file:// with the network off, and checked for anything they would fetch.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { SweepReader } from '@loopsweep/store';
import { renderReport, reportEnvironment, type RenderedReport } from '../../src/server/index.js';
import { openPage, type WatchedPage } from './browser.js';

export async function writeHtmlReport(dbPath: string, sweep: string, file: string, by?: string[]): Promise<RenderedReport & { ms: number }> {
  const reader = SweepReader.open(dbPath);
  try {
    const started = performance.now();
    const record = reader.getSweep(sweep);
    if (record === undefined) throw new Error(`no sweep ${sweep} in ${dbPath}`);
    const report = await renderReport(reader, record, { format: 'html', environment: reportEnvironment(), now: Date.now(), ...(by ? { by } : {}) });
    writeFileSync(file, report.text);
    return { ...report, ms: performance.now() - started };
  } finally {
    reader.close();
  }
}

/**
 * Everything in an HTML file that a browser would fetch from elsewhere: `src`/`href` to another
 * origin, `<link>`, `<script src>`, CSS `url()`/`@import` of a URL, or any http(s):// at all.
 */
export function externalReferences(html: string): string[] {
  const patterns = [
    /<link\b[^>]*>/gi,
    /<script\b[^>]*\bsrc\s*=[^>]*>/gi,
    /\b(?:src|href|xlink:href)\s*=\s*["']?(?!#)[a-z][a-z0-9+.-]*:[^"'\s>]*/gi,
    /@import\b[^;]*/gi,
    /url\(\s*["']?(?!#|data:)[^)]*\)/gi,
    /https?:\/\/[^\s"'<>)]*/gi,
  ];
  return patterns.flatMap((p) => html.match(p) ?? []);
}

/** Opens a file with every request that is not file:// aborted and the context offline; `blocked` lists what the page tried to fetch. */
export async function openOffline(browser: Browser, file: string): Promise<WatchedPage & { blocked: string[] }> {
  const watched = await openPage(browser);
  const blocked: string[] = [];
  await watched.context.setOffline(true);
  await watched.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://') || url.startsWith('data:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  await watched.page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { ...watched, blocked };
}

/**
 * Per chart of the page (`figure[data-chart]`): its id and how many distinct colours its SVG has
 * when the browser rasterizes it to a canvas, as the dashboard's tests read canvas pixels.
 */
export function chartColoursBySvg(watched: WatchedPage): Promise<{ id: string; colours: number; width: number }[]> {
  return watched.page.evaluate(async () => {
    const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];
    return Promise.all(
      figures.map(async (figure) => {
        const svg = figure.querySelector('svg');
        const id = figure.dataset['chart'] ?? '?';
        if (svg === null) return { id, colours: 0, width: 0 };
        const box = svg.getBoundingClientRect();
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.naturalWidth || 760;
        canvas.height = image.naturalHeight || 320;
        const context = canvas.getContext('2d')!;
        context.fillStyle = '#ffffff';
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        const colours = new Set<number>();
        for (let i = 0; i < data.length; i += 12) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        return { id, colours: colours.size, width: box.width };
      }),
    );
  });
}
