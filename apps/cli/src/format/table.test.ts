import { describe, expect, it } from 'vitest';
import { displayWidth, formatTable, truncate } from './table.js';

describe('formatTable', () => {
  const rows = [
    { name: 'adam', n: 12 },
    { name: 'momentum', n: 3 },
  ];
  const columns = [
    { header: 'optimizer', cell: (r: (typeof rows)[number]) => r.name },
    { header: 'n', cell: (r: (typeof rows)[number]) => String(r.n), align: 'right' as const },
  ];

  it('pads columns to the widest cell and right-aligns numbers', () => {
    expect(formatTable(rows, columns)).toBe(['optimizer   n', '─────────  ──', 'adam       12', 'momentum    3'].join('\n'));
  });

  it('indents every line and prints only the header for no rows', () => {
    expect(formatTable([], columns, '  ')).toBe(['  optimizer  n', '  ─────────  ─'].join('\n'));
  });
});

describe('displayWidth and truncate', () => {
  it('ignores ANSI escapes and counts code points', () => {
    expect(displayWidth('\x1b[1mbold\x1b[0m')).toBe(4);
    expect(displayWidth('—')).toBe(1);
  });

  it('cuts with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
});
