/**
 * A block of lines redrawn in place on a terminal (ANSI cursor-up + clear to the end of the
 * screen), with room to print ordinary lines above it.
 */
import { truncate } from '../format/table.js';

export class LiveBlock {
  #drawn = 0;
  #lines: readonly string[] = [];

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** Replaces the block. Lines are cut to the terminal width, so none wraps and breaks the count. */
  draw(lines: readonly string[]): void {
    this.#lines = lines;
    // columns is 0 or undefined where the terminal does not say (some ptys): assume 100.
    const columns = this.stream.columns;
    const width = columns && columns > 20 ? columns - 1 : 100;
    this.stream.write(this.#erase() + lines.map((line) => `${truncate(line, width)}\n`).join(''));
    this.#drawn = lines.length;
  }

  /**
   * Prints `text` above the block (to `to`, default the block's stream) and draws the block again,
   * unless the caller is about to draw a new one (`redraw` false).
   */
  printAbove(text: string, to: NodeJS.WriteStream = this.stream, redraw = true): void {
    this.stream.write(this.#erase());
    this.#drawn = 0;
    to.write(text.endsWith('\n') ? text : `${text}\n`);
    if (redraw) this.draw(this.#lines);
  }

  /** Removes the block from the screen. */
  clear(): void {
    this.stream.write(this.#erase());
    this.#drawn = 0;
  }

  #erase(): string {
    return this.#drawn > 0 ? `\x1b[${this.#drawn}A\r\x1b[J` : '';
  }
}
