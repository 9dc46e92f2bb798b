/** Plain-text tables: a header row, a rule, and columns padded to their widest cell. */

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string;
  /** 'right' for numbers. Default 'left'. */
  readonly align?: 'left' | 'right';
}

/** Renders rows under their headers; every line is trimmed at the end. Empty rows → header only. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], indent = ''): string {
  const cells = rows.map((row) => columns.map((column) => column.cell(row)));
  const widths = columns.map((column, i) => Math.max(displayWidth(column.header), ...cells.map((line) => displayWidth(line[i] ?? ''))));
  const render = (line: readonly string[]) =>
    indent +
    line
      .map((text, i) => {
        const width = widths[i] ?? 0;
        return columns[i]?.align === 'right' ? padStart(text, width) : padEnd(text, width);
      })
      .join('  ')
      .trimEnd();
  const header = render(columns.map((c) => c.header));
  const rule = indent + widths.map((w) => '─'.repeat(w)).join('  ');
  return [header, rule, ...cells.map(render)].join('\n');
}

/** Width in terminal columns, ignoring ANSI escapes (every other character counts one). */
export function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '')].length;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cuts a line to `width` columns, ending with '…' when cut (ANSI escapes are not expected). */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (width <= 0) return '';
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
