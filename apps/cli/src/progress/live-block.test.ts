import { describe, expect, it } from 'vitest';
import { LiveBlock } from './live-block.js';

function fakeStream(columns = 80) {
  const chunks: string[] = [];
  return { chunks, stream: { columns, write: (s: string) => chunks.push(s) } as unknown as NodeJS.WriteStream };
}

describe('LiveBlock', () => {
  it('moves up over the lines it drew before drawing again', () => {
    const { chunks, stream } = fakeStream();
    const block = new LiveBlock(stream);
    block.draw(['a', 'b']);
    block.draw(['c']);
    expect(chunks).toEqual(['a\nb\n', '\x1b[2A\r\x1b[Jc\n']);
  });

  it('prints above the block and redraws it; clear removes it', () => {
    const { chunks, stream } = fakeStream();
    const block = new LiveBlock(stream);
    block.draw(['x']);
    block.printAbove('done');
    block.clear();
    expect(chunks.join('')).toBe('x\n\x1b[1A\r\x1b[Jdone\nx\n\x1b[1A\r\x1b[J');
  });

  it('cuts lines to the terminal width so none wraps', () => {
    const { chunks, stream } = fakeStream(21);
    new LiveBlock(stream).draw(['y'.repeat(30)]);
    expect(chunks[0]).toBe(`${'y'.repeat(19)}…\n`);
  });
});
