/**
 * The device kit as the GPU machine gets it: built by build-kit.mjs, checked against the 64 MiB
 * that can travel, unpacked from its archive into an empty folder, and run there with `run.sh
 * --quick` on a PATH without Node, so that the run proves the kit brings its own. Here the GPU is
 * lavapipe (Mesa's software Vulkan driver); without a Vulkan driver Dawn accepts, the run is skipped,
 * saying so.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KIT_NAME = 'loopsweep-device-kit';
const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;
const NODE_PROGRAMS = new Set(['node', 'nodejs', 'npm', 'npx', 'corepack']);

let tmp = '';
let archive = '';
let buildOutput = '';
/** The kit unpacked from its archive, and the environment it runs in: no Node, no Vulkan loader in the linker cache. */
let kit = '';
let env: NodeJS.ProcessEnv = {};

function run(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: options.cwd ?? HERE, env: options.env ?? process.env, encoding: 'utf8', timeout: 280_000 });
}

function ok(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited ${String(result.status ?? result.signal)}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Why webgpu cannot run here, or undefined when Dawn finds an adapter. */
function noAdapterReason(): string | undefined {
  const probe = run(process.execPath, [path.join(HERE, 'probe-adapter.mjs')]);
  return probe.status === 0 ? undefined : probe.stderr.trim() || `the adapter probe exited ${String(probe.status ?? probe.signal)}`;
}

/**
 * PATH with every folder that holds Node replaced by a folder of links to all its other programs:
 * bash, tar, date and the rest are still found, node, npm and npx are not. First on it, an
 * `ldconfig` whose cache lists no libvulkan.so.1, as on a GPU image without the Vulkan loader, so
 * that run.sh takes the kit's loader (the system's would need no code of its own).
 */
function pathWithoutNode(): string {
  const shadows = path.join(tmp, 'path-without-node');
  const fakes = path.join(shadows, 'fakes');
  mkdirSync(fakes, { recursive: true });
  writeFileSync(path.join(fakes, 'ldconfig'), '#!/bin/sh\necho "0 libs found in cache"\n', { mode: 0o755 });
  return [
    fakes,
    ...(process.env['PATH'] ?? '')
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir, index) => {
        if (![...NODE_PROGRAMS].some((program) => existsSync(path.join(dir, program)))) return dir;
        const shadow = path.join(shadows, String(index));
        mkdirSync(shadow, { recursive: true });
        for (const entry of readdirSync(dir)) if (!NODE_PROGRAMS.has(entry)) symlinkSync(path.join(dir, entry), path.join(shadow, entry));
        return shadow;
      }),
  ].join(path.delimiter);
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'loopsweep-device-kit-'));
  const started = performance.now();
  buildOutput = ok(run(process.execPath, [path.join(HERE, 'build-kit.mjs'), '--out', path.join(tmp, 'build')]), 'build-kit.mjs');
  console.log(`device kit: built in ${((performance.now() - started) / 1000).toFixed(1)} s\n${buildOutput}`);
  archive = path.join(tmp, 'build', `${KIT_NAME}.tar.gz`);
  const unpacked = path.join(tmp, 'unpacked');
  mkdirSync(unpacked);
  ok(run('tar', ['-xzf', archive, '-C', unpacked]), 'tar -xzf');
  kit = path.join(unpacked, KIT_NAME);
  env = { PATH: pathWithoutNode(), HOME: tmp, LANG: 'C.UTF-8', FORCE_COLOR: '0' };
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the device kit', () => {
  it('is one archive of at most 64 MiB, reporting the size of each part', () => {
    const bytes = statSync(archive).size;
    expect(bytes).toBeLessThanOrEqual(MAX_ARCHIVE_BYTES);
    expect(buildOutput).toMatch(/MiB {2}bin\/\n/);
    expect(buildOutput).toMatch(/MiB {2}node_modules\/webgpu\n/);
    expect(buildOutput).toMatch(/MiB {2}unpacked, \d+ files/);
    expect(buildOutput).toContain(`${(bytes / 1024 / 1024).toFixed(1)} MiB  ${archive} (limit 64.0 MiB)`);
    // Both of the model's kernels, where the bundled code looks for them (../../kernel from app/dist).
    expect(readdirSync(path.join(kit, 'kernel')).sort()).toEqual(['optimizer_kernel.wasm', 'rnn_kernel.wasm']);
  });

  it('says which trial failed or which backend the benchmark skipped, and fails', () => {
    const trials = path.join(tmp, 'trials.json');
    const bench = path.join(tmp, 'bench.json');
    writeFileSync(
      trials,
      JSON.stringify({
        trials: [
          { number: 0, state: 'COMPLETE' },
          { number: 1, state: 'FAILED', failureReason: 'no WebGPU adapter' },
        ],
      }),
    );
    writeFileSync(bench, JSON.stringify({ results: [{ backend: 'wasm', msPerBatch: 20 }] }));
    const check = run(process.execPath, [path.join(HERE, 'check-results.mjs'), trials, bench]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('trial 1 ended FAILED: no WebGPU adapter');
    expect(check.stderr).toContain('the benchmark has no webgpu figures');
    expect(check.stderr).not.toContain('no wasm figures');
  });

  it('runs a webgpu sweep and the training benchmark from the unpacked archive with its own Node (run.sh --quick)', (context) => {
    const reason = noAdapterReason();
    if (reason) context.skip(`no Vulkan adapter here (${reason}); install a GPU driver or Mesa ≥ 24 lavapipe (npm run setup as root)`);
    // The run below would prove nothing if a system Node were still reachable.
    expect(run('bash', ['-c', 'command -v node npm npx || true'], { env }).stdout).toBe('');

    const started = performance.now();
    // `-- --seqs 40`: options after -- reach the benchmark, after --quick's own --seqs 50.
    const result = run('bash', [path.join(kit, 'run.sh'), '--quick', '--', '--seqs', '40'], { cwd: tmp, env });
    console.log(`device kit: run.sh --quick took ${((performance.now() - started) / 1000).toFixed(1)} s\n${result.stdout}\n${result.stderr}`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Node v\d+\.\d+\.\d+ \(the kit's\)/m);
    expect(result.stdout).toContain(`Vulkan loader: the kit's (${path.join(kit, 'lib/libvulkan.so.1')}; none in the linker cache)`);
    expect(result.stdout).toMatch(/^WebGPU adapter: \S/m);
    expect(result.stdout).toContain('finished: 2 trials (2 complete, 0 pruned, 0 failed)');
    expect(result.stdout).toMatch(/^webgpu — WebGPU on /m);
    expect(result.stdout).toMatch(/^wasm — WebAssembly/m);
    expect(result.stdout).toMatch(/^lstm\s+40\s+\d+\.\d/m);
    expect(result.stdout).not.toMatch(/^lstm\s+50\s/m);
    expect(result.stdout).toContain('checked: 2 of 2 trials complete; benchmark figures for webgpu and wasm');
  });

  it('retries with the NVIDIA ICD file when Dawn finds no driver, and stops with --check', (context) => {
    const reason = noAdapterReason();
    if (reason) context.skip(`no Vulkan adapter here (${reason})`);
    // The lavapipe ICD stands in for the NVIDIA one; VK_ICD_FILENAMES hides every driver from the
    // first look, as on a GPU machine whose ICD is outside the loader's search path.
    const icd = ['/usr/share/vulkan/icd.d/lvp_icd.json', '/usr/share/vulkan/icd.d/lvp_icd.x86_64.json'].find((file) => existsSync(file));
    if (!icd) context.skip('the adapter here is not lavapipe, whose ICD file the retry would be pointed at');
    const hidden = { ...env, VK_ICD_FILENAMES: path.join(tmp, 'no-such-icd.json') };
    const retried = run('bash', [path.join(kit, 'run.sh'), '--check'], { env: { ...hidden, LOOPSWEEP_KIT_NVIDIA_ICD: icd } });
    expect(retried.status, retried.stderr).toBe(0);
    expect(retried.stdout).toContain(`retrying with VK_DRIVER_FILES=${icd}\n`);
    expect(retried.stdout).toMatch(/^WebGPU adapter: \S/m);
    expect(retried.stdout).not.toContain('== sweep');

    const missing = run('bash', [path.join(kit, 'run.sh'), '--check'], { env: { ...hidden, LOOPSWEEP_KIT_NVIDIA_ICD: path.join(tmp, 'no-nvidia_icd.json') } });
    expect(missing.status).toBe(1);
    expect(missing.stdout).not.toContain('retrying');
    expect(missing.stderr).toContain("run.sh: no WebGPU adapter; install the GPU's Vulkan driver");
  });

  it('refuses an unknown option, saying which ones it takes', () => {
    const result = run('bash', [path.join(kit, 'run.sh'), '--fast'], { env });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("run.sh: unknown option '--fast'; use --quick, --check or nothing, then -- and benchmark options (--help says more)\n");
  });
});
