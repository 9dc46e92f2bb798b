/**
 * Where `sweep report` writes, checked before anything is computed, and the writing itself: every
 * file goes to a temporary name first and is renamed into place, so a report is whole or absent.
 */
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MarkdownFile } from '@loopsweep/dashboard';
import { UsageError } from './errors.js';

/** `report.md` → `report_files`: the folder beside a Markdown report that holds its charts. */
export const filesDirOf = (file: string): string => `${path.basename(file, path.extname(file))}_files`;

/** @throws {UsageError} when `file` cannot be written: a missing or read-only folder, or a folder in its place. */
export function checkWritable(file: string, markdown: boolean): void {
  const dir = path.dirname(path.resolve(file));
  const fix = 'pick another path with -o, or create the folder first';
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot write ${file}: the folder ${dir} does not exist`, fix);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${file}: the folder ${dir} is not writable`, fix);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`cannot write ${file}: it is a folder`, 'name a file, e.g. -o report.html');
  if (existsSync(file)) {
    try {
      accessSync(file, constants.W_OK);
    } catch {
      throw new UsageError(`cannot write ${file}: the file is read-only`, fix);
    }
  }
  const files = path.join(dir, filesDirOf(file));
  if (markdown && existsSync(files) && !statSync(files).isDirectory())
    throw new UsageError(`cannot write the charts of ${file}: ${files} is a file, not a folder`, 'move it away or pick another -o');
}

const temporaryOf = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);

/** Writes `text` to `file` (and, for Markdown, `files` into the folder beside it), each whole or not at all. */
export function writeReport(file: string, text: string, files: readonly MarkdownFile[]): void {
  const dir = path.dirname(path.resolve(file));
  const temporary = temporaryOf(file);
  const staged: string[] = [temporary];
  try {
    if (files.length > 0) {
      const folder = path.join(dir, filesDirOf(file));
      const stage = temporaryOf(folder);
      staged.push(stage);
      rmSync(stage, { recursive: true, force: true });
      for (const f of files) {
        // MarkdownFile paths start with the folder's name: keep what is below it.
        const inside = path.join(stage, path.relative(filesDirOf(file), f.path));
        mkdirSync(path.dirname(inside), { recursive: true });
        writeFileSync(inside, f.content);
      }
      writeFileSync(temporary, text);
      // Swap the folder: the old one aside, the new one in, the old one gone.
      const old = `${stage}.old`;
      rmSync(old, { recursive: true, force: true });
      if (existsSync(folder)) renameSync(folder, old);
      renameSync(stage, folder);
      rmSync(old, { recursive: true, force: true });
    } else writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    for (const s of staged) rmSync(s, { recursive: true, force: true });
    throw new UsageError(`cannot write ${file}: ${(error as Error).message}`, 'check that its folder exists and is writable');
  }
}
