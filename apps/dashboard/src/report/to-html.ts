/**
 * A report as one HTML file that needs nothing else: styles inline, charts as inline SVG, the
 * report's data as JSON in a `<script type="application/json">` (no code runs), system fonts.
 */
import type { ReportChart, ReportData } from '../api/report-types.js';
import { reportTitle, type Block } from './document.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON that cannot end its `<script>` element: every `<` is written as \u003c (still the same JSON). */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Inline SVG needs no namespace declarations; leaving them out keeps the file free of URLs. */
const inlineSvg = (svg: string): string => svg.replace(/ xmlns(:xlink)?="[^"]*"/g, '').replace(/^<svg /, '<svg role="img" ');

/** `code` spans written with backticks in the document's text. */
const inline = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const testId = (id: string | undefined): string => (id === undefined ? '' : ` data-testid="${escapeHtml(id)}"`);

function chart(c: ReportChart): string {
  return `<figure class="chart" data-chart="${escapeHtml(c.id)}"><figcaption><strong>${escapeHtml(c.title)}</strong> ${escapeHtml(c.caption)}</figcaption>${inlineSvg(c.svg)}</figure>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      // The verdict's own words go in as they are, without markup, so the text equals core's statement.
      return b.role === 'verdict'
        ? `<p class="verdict"${testId(b.testId)}>${escapeHtml(b.text)}</p>`
        : `<p${b.role === undefined ? '' : ` class="${b.role}"`}${testId(b.testId)}>${inline(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</ul>`;
    case 'table': {
      const right = new Set(b.right ?? []);
      const cell = (tag: 'th' | 'td', text: string, i: number) => `<${tag}${right.has(i) ? ' class="num"' : ''}>${escapeHtml(text)}</${tag}>`;
      const head = b.columns.every((c) => c === '') ? '' : `<thead><tr>${b.columns.map((c, i) => cell('th', c, i)).join('')}</tr></thead>`;
      return `<div class="table"><table${testId(b.testId)}>${head}<tbody>${b.rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('')}</tbody></table></div>`;
    }
    case 'chart':
      return chart(b.chart);
    case 'code': {
      const pre = `<pre><code class="language-${b.language}">${escapeHtml(b.text)}</code></pre>`;
      return b.summary === undefined ? pre : `<details><summary>${escapeHtml(b.summary)}</summary>${pre}</details>`;
    }
  }
}

const STYLE = `
:root { color-scheme: light; --text: #1f2328; --muted: #59636e; --line: #d0d7de; --soft: #f6f8fa; --accent: #0072B2; --warn: #9a6700; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.7rem; margin: 0 0 8px; } h2 { margin-top: 40px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { margin-top: 24px; }
nav { font-size: 0.9rem; margin: 8px 0 16px; } nav a { margin-right: 14px; color: var(--accent); }
p.note { color: var(--muted); } p.warning { border-left: 4px solid var(--warn); background: #fff8c5; padding: 8px 12px; }
p.verdict { font-size: 1.1rem; font-weight: 600; border-left: 4px solid var(--accent); padding: 6px 12px; background: var(--soft); }
p.decision { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; color: var(--muted); }
.table { overflow-x: auto; margin: 12px 0; } table { border-collapse: collapse; font-size: 0.88rem; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; text-align: left; vertical-align: top; } th { background: var(--soft); } .num { text-align: right; font-variant-numeric: tabular-nums; }
pre { background: var(--soft); padding: 10px 12px; overflow-x: auto; font-size: 0.82rem; } code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
details { margin: 8px 0; } summary { cursor: pointer; color: var(--accent); }
figure.chart { margin: 20px 0; } figure.chart svg { max-width: 100%; height: auto; display: block; } figcaption { font-size: 0.88rem; color: var(--muted); margin-bottom: 6px; } figcaption strong { color: var(--text); }
footer { margin-top: 48px; font-size: 0.8rem; color: var(--muted); }
@media print { nav, details { display: none; } }
`;

export function toHtml(data: ReportData, blocks: readonly Block[]): string {
  const sections = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2);
  const [title, ...rest] = blocks;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="loopsweep ${escapeHtml(data.environment.loopsweep)} sweep report">
<title>${escapeHtml(reportTitle(data))}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${title === undefined ? '' : block(title)}
<nav>${sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.text)}</a>`).join('')}</nav>
${rest.map(block).join('\n')}
<footer>The data behind this report is in this file as JSON: the element <code>script#report-data</code> (format version ${data.version}).</footer>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
</body>
</html>
`;
}
