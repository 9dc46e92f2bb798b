/** The committed `sweep` bin (bin/sweep.mjs): loads dist/main.js, or says to build when it is missing. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI_ROOT, workspace } from './helpers.js';

const SHIM = path.join(CLI_ROOT, 'bin/sweep.mjs');
const run = (file: string, args: readonly string[], cwd: string) => spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('bin/sweep.mjs', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => (ws = workspace('sweep-shim-')));
  afterEach(() => ws.cleanup());

  it('says to run npm run build when dist/main.js is missing (a fresh clone after npm ci)', () => {
    mkdirSync(path.join(ws.dir, 'bin'));
    copyFileSync(SHIM, path.join(ws.dir, 'bin/sweep.mjs'));
    const result = run(path.join(ws.dir, 'bin/sweep.mjs'), ['--help'], ws.dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('run `npm run build`');
    expect(result.stderr).toContain(path.join(ws.dir, 'dist/main.js'));
  });

  it("runs the built CLI, whose --version is the CLI's own even inside another project", () => {
    ws.file('package.json', JSON.stringify({ name: 'host', version: '9.9.9' }));
    const { version } = JSON.parse(readFileSync(path.join(CLI_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = run(SHIM, ['--version'], ws.dir);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(version);
  });
});
