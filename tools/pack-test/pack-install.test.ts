/**
 * The packages as a user gets them: `npm pack` of every publishable package, the tarballs installed
 * into an empty folder outside the repository (nothing else from this repo there), and then
 * `npx sweep` run, `sweep dashboard` asked over HTTP, and @loopsweep/model imported from plain Node
 * ESM and type-checked from TypeScript.
 *
 * Third-party dependencies come from the npm registry, or from npm's cache (`--prefer-offline`).
 * When neither can supply them the suite skips, saying so. better-sqlite3 needs a native binary:
 * its install downloads one from GitHub (which CI may not reach) or compiles SQLite (a minute or
 * more). The repository's own `npm ci` already built that binary for this Node, so the suite packs
 * it as a prebuild tarball and points better-sqlite3's install (prebuild-install) at it with
 * `npm_config_better_sqlite3_local_prebuilds`; the install then runs as it would for a user, only
 * without the download. `LOOPSWEEP_PACK_TEST_NATIVE=install` turns that off.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WORKSPACES = ['packages/core', 'packages/model', 'packages/store', 'packages/runner', 'apps/dashboard', 'apps/cli'] as const;
const NETWORK_ERROR = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ENOTCACHED|network (request|connectivity)/i;

interface PackedFile {
  readonly path: string;
}
interface Packed {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly files: readonly PackedFile[];
}

let tmp = '';
let project = '';
let packed: Packed[] = [];
let skipReason: string | undefined;

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 240_000): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0', LOOPSWEEP_DB: '', ...env }, encoding: 'utf8', timeout: timeoutMs });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited ${String(result.status ?? result.signal)}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A prebuild tarball of the repository's better-sqlite3 binary, named as prebuild-install looks for it; undefined if there is none. */
function localPrebuilds(dir: string): { dir: string; version: string } | undefined {
  const pkgDir = path.join(REPO_ROOT, 'node_modules/better-sqlite3');
  const binary = path.join(pkgDir, 'build/Release/better_sqlite3.node');
  if (!existsSync(binary)) return undefined;
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  mkdirSync(dir, { recursive: true });
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`;
  ok(run('tar', ['-czf', path.join(dir, name), '-C', pkgDir, 'build/Release/better_sqlite3.node'], REPO_ROOT), 'tar');
  return { dir, version };
}

// `npx sweep …` as a user types it; npm_config_yes=false makes npx fail rather than fetch a package
// should the local bin be missing (`npx --no sweep --version` would print npm's own version).
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const sweep = (args: readonly string[], timeoutMs?: number) => run('npx', ['sweep', ...args], project, { npm_config_yes: 'false' }, timeoutMs);

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'loopsweep-pack-'));
  const tarballs = path.join(tmp, 'tarballs');
  mkdirSync(tarballs);
  for (const workspace of WORKSPACES) {
    if (!existsSync(path.join(REPO_ROOT, workspace, 'dist'))) throw new Error(`${workspace}/dist is missing: run \`npm run build\` first`);
  }
  const packStarted = performance.now();
  const packArgs = ['pack', '--json', '--pack-destination', tarballs, ...WORKSPACES.flatMap((w) => ['--workspace', w])];
  packed = JSON.parse(ok(run('npm', packArgs, REPO_ROOT), 'npm pack')) as Packed[];
  console.log(`pack-install: npm pack of ${packed.length} packages took ${seconds(packStarted)}`);

  project = path.join(tmp, 'project');
  mkdirSync(project);
  // A host project with a version of its own: `sweep --version` must not print it.
  // allowScripts as the repository's own: npm 11 warns about install scripts it does not cover.
  const allowScripts = { 'better-sqlite3': true, webgpu: false, 'msgpackr-extract': false };
  const host: Record<string, unknown> = { name: 'pack-test-host', version: '1.0.0', private: true, type: 'module', allowScripts };
  const env: NodeJS.ProcessEnv = {};
  const prebuilt = process.env['LOOPSWEEP_PACK_TEST_NATIVE'] === 'install' ? undefined : localPrebuilds(path.join(tmp, 'prebuilds'));
  if (prebuilt) {
    env['npm_config_better_sqlite3_local_prebuilds'] = prebuilt.dir;
    // The same version as the binary, within the store's range, so that the prebuild's name matches.
    host['overrides'] = { 'better-sqlite3': prebuilt.version };
  }
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify(host, null, 2)}\n`);
  const started = performance.now();
  const files = packed.map((p) => path.join(tarballs, p.filename));
  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', ...files], project, env, 280_000);
  if (install.status !== 0 && NETWORK_ERROR.test(install.stderr)) {
    skipReason = `the npm registry is unreachable and npm's cache lacks a dependency, so the tarballs cannot be installed: ${
      install.stderr
        .split('\n')
        .find((line) => NETWORK_ERROR.test(line))
        ?.trim() ?? ''
    }`;
    console.warn(`pack-install: SKIPPED, ${skipReason}`);
    return;
  }
  ok(install, 'npm install of the tarballs');
  console.log(`pack-install: npm install of ${files.length} tarballs took ${seconds(started)}${prebuilt ? ' (better-sqlite3 from the local prebuild)' : ''}`);
}, 300_000);

afterAll(() => {
  const started = performance.now();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.log(`pack-install: removing the temp folder took ${seconds(started)}`);
});

describe('npm pack', () => {
  const filesOf = (name: string) => (packed.find((p) => p.name === name)?.files ?? []).map((f) => f.path);

  const versions = new Map(
    WORKSPACES.map((w) => JSON.parse(readFileSync(path.join(REPO_ROOT, w, 'package.json'), 'utf8')) as { name: string; version: string }).map((m) => [
      m.name,
      m.version,
    ]),
  );

  it('packs every publishable package at its own version, with a LICENSE, a README and no sources, tests or source maps', () => {
    expect(packed.map((p) => p.name).sort()).toEqual([
      '@loopsweep/cli',
      '@loopsweep/core',
      '@loopsweep/dashboard',
      '@loopsweep/model',
      '@loopsweep/runner',
      '@loopsweep/store',
    ]);
    for (const p of packed) {
      expect(p.version, p.name).toBe(versions.get(p.name));
      const files = filesOf(p.name);
      expect(files, p.name).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json']));
      expect(
        files.filter((f) => f.startsWith('src/') || /\.test\.|test-support|tsbuildinfo|\.map$/.test(f)),
        p.name,
      ).toEqual([]);
    }
  });

  it("ships what runs: core's JSON Schema, the model's wasm kernel, the dashboard's web app, the CLI's bin", () => {
    expect(filesOf('@loopsweep/core')).toContain('schema/sweep-spec.schema.json');
    expect(filesOf('@loopsweep/model')).toContain('kernel/rnn_kernel.wasm');
    expect(filesOf('@loopsweep/dashboard')).toContain('dist/web/index.html');
    expect(filesOf('@loopsweep/cli')).toEqual(expect.arrayContaining(['bin/sweep.mjs', 'dist/main.js']));
  });
});

describe('installed from the tarballs into an empty folder', () => {
  it("npx sweep prints the CLI's own version and its help", (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    const cliVersion = packed.find((p) => p.name === '@loopsweep/cli')?.version;
    expect(ok(sweep(['--version']), 'sweep --version').trim()).toBe(cliVersion);
    expect(ok(sweep(['--help']), 'sweep --help')).toContain('sweep <command> [options]');
  });

  it('sweep init, then sweep run: a real rnn-text sweep on the shipped SpamAssassin corpus; then sweep dashboard answers its API and serves the web app', async (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    ok(sweep(['init', 's.yaml']), 'sweep init');
    const started = performance.now();
    const runResult = ok(sweep(['run', 's.yaml', '--db', 's.db'], 240_000), 'sweep run');
    expect(runResult).toMatch(/finished: 12 trials/);
    expect(runResult).toMatch(/best: trial #\d+ val_accuracy=/);
    console.log(`pack-install: sweep run of the init spec (12 trials, the corpus parsed once) took ${seconds(started)}`);

    // Straight through node (not npx) so that stopping it stops the server itself.
    const child = spawn(process.execPath, [path.join(project, 'node_modules/.bin/sweep'), 'dashboard', '--db', 's.db', '--port', '0'], {
      cwd: project,
      env: { ...process.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sweep dashboard printed no URL in 30 s:\n${output}`)), 30_000);
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const match = / at (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`sweep dashboard exited ${String(code)}:\n${output}`)));
      });
      const api = (await (await fetch(new URL('/api/sweeps', url))).json()) as { sweeps: { name: string }[] };
      expect(api.sweeps.map((s) => s.name)).toEqual(['my-sweep']);
      const page = await fetch(new URL('/', url));
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script[^>]+src="\/assets\//);
    } finally {
      child.kill('SIGINT');
    }
  });

  it('@loopsweep/model imports from plain Node ESM and builds a classifier', (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    writeFileSync(
      path.join(project, 'check.mjs'),
      [
        "import { buildClassifier, initBackend, rnnTextObjective } from '@loopsweep/model';",
        "await initBackend('cpu');",
        "const model = buildClassifier({ input: { kind: 'tokens', vocabSize: 50, maxLen: 8 }, output: { kind: 'classification', classes: 2 }, cell: 'gru', units: 4, seed: 1 });",
        'console.log(typeof rnnTextObjective, model.countParams());',
      ].join('\n'),
    );
    expect(ok(run(process.execPath, ['check.mjs'], project), 'node check.mjs')).toMatch(/^function \d+/);
  });

  it("@loopsweep/model type-checks from TypeScript (nodenext), its types resolved from the package's exports", (ctx) => {
    if (skipReason) return ctx.skip(skipReason);
    writeFileSync(
      path.join(project, 'check.ts'),
      [
        "import { buildClassifier, rnnTextObjective } from '@loopsweep/model';",
        "import type { SweepSpec } from '@loopsweep/core';",
        "const model = buildClassifier({ input: { kind: 'tokens', vocabSize: 50, maxLen: 8 }, output: { kind: 'classification', classes: 2 }, cell: 'gru', units: 4, seed: 1 });",
        'const params: number = model.countParams();',
        'const objective: (params: Record<string, unknown>, ctx: Parameters<typeof rnnTextObjective>[1]) => Promise<unknown> = rnnTextObjective;',
        '// Real types, not `any`: a wrong cell is an error.',
        "// @ts-expect-error 'no-such-cell' is not a cell",
        "buildClassifier({ input: { kind: 'tokens', vocabSize: 50, maxLen: 8 }, output: { kind: 'classification', classes: 2 }, cell: 'no-such-cell', units: 4, seed: 1 });",
        "export const used: [number, typeof objective, SweepSpec['name'] | undefined] = [params, objective, undefined];",
      ].join('\n'),
    );
    const compilerOptions = { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] };
    writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['check.ts'] }));
    // The repository's TypeScript compiler, as a tool; the types come only from the installed tarballs.
    const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
    ok(run(process.execPath, [tsc, '-p', 'tsconfig.json'], project), 'tsc');
  });
});
