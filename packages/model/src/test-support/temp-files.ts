/** A temporary folder per test file, removed after it, and a way to write files into it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

export function useTempFiles(prefix: string): { dir: () => string; write: (name: string, content: string) => Promise<string> } {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  const folder = (): string => {
    if (!dir) throw new Error('useTempFiles: the folder exists only inside tests');
    return dir;
  };
  return {
    dir: folder,
    write: async (name, content) => {
      const path = join(folder(), name);
      await writeFile(path, content, 'utf8');
      return path;
    },
  };
}
