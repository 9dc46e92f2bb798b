/** A report as Markdown with its charts as SVG files in a folder beside it (`report.md` + `report_files/`). */
import type { ReportData } from '../api/report-types.js';
import type { Block } from './document.js';

/** A table cell: pipes escaped, line breaks flattened. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export interface MarkdownFile {
  /** Relative to the folder of the .md file. */
  readonly path: string;
  readonly content: string;
}

/** @param filesDir the folder name (beside the .md) the charts go in, e.g. `report_files`. */
export function toMarkdown(_data: ReportData, blocks: readonly Block[], filesDir: string): { markdown: string; files: MarkdownFile[] } {
  const files: MarkdownFile[] = [];
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'heading':
        out.push(`${'#'.repeat(b.level)} ${b.text}`);
        break;
      case 'paragraph':
        out.push(b.role === 'verdict' ? `> **${b.text}**` : b.role === 'warning' ? `> ⚠ ${b.text}` : b.role === 'decision' ? `\`${b.text}\`` : b.text);
        break;
      case 'list':
        out.push(b.items.map((item) => `- ${item}`).join('\n'));
        break;
      case 'table': {
        const right = new Set(b.right ?? []);
        const header = b.columns.map((c) => cell(c) || ' ');
        out.push(
          [
            `| ${header.join(' | ')} |`,
            `| ${b.columns.map((_, i) => (right.has(i) ? '---:' : '---')).join(' | ')} |`,
            ...b.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
          ].join('\n'),
        );
        break;
      }
      case 'chart': {
        const path = `${filesDir}/${b.chart.id}.svg`;
        files.push({ path, content: b.chart.svg });
        out.push(`![${b.chart.title}](${encodeURI(path)})\n\n_${b.chart.title}._ ${b.chart.caption}`);
        break;
      }
      case 'code': {
        const fence = `\`\`\`${b.language}\n${b.text}\n\`\`\``;
        out.push(b.summary === undefined ? fence : `<details><summary>${b.summary}</summary>\n\n${fence}\n\n</details>`);
        break;
      }
    }
  }
  return { markdown: `${out.join('\n\n')}\n`, files };
}
