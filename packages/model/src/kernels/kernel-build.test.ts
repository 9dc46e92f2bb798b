import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BackendError } from '../errors.js';
import { OPTIMIZER_KERNEL_PATH } from './load-optimizer-kernel.js';
import { RNN_KERNEL_PATH, instantiateRnnKernel, loadRnnKernelFile } from './load-rnn-kernel.js';
import { RnnKernel } from './rnn-kernel.js';
import { webAssembly } from './webassembly-api.js';

const buildScript = fileURLToPath(new URL('../../scripts/build-kernel.mjs', import.meta.url));

/** Why the kernel cannot be rebuilt here, or undefined when clang and wasm-ld both run. */
function toolchainMissing(): string | undefined {
  for (const tool of ['clang', 'wasm-ld']) {
    const probe = spawnSync(tool, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) return `${tool} is not installed (Debian: apt-get install clang lld, or npm run setup as root)`;
  }
  return undefined;
}

/** The compiler version recorded in a module's producers section, e.g. "14.0.6" from "Debian clang 14.0.6". */
function recordedClangVersion(bytes: Uint8Array): string | undefined {
  const section = webAssembly.Module.customSections(new webAssembly.Module(bytes), 'producers')[0];
  return section ? /clang.(\d+\.\d+\.\d+)/.exec(Buffer.from(section).toString('latin1'))?.[1] : undefined;
}

/** The two committed modules and the scripts that build them. */
const BUILDS = [
  { name: path.basename(RNN_KERNEL_PATH), file: RNN_KERNEL_PATH, script: buildScript, command: 'npm run build:kernel -w @loopsweep/model' },
  {
    name: path.basename(OPTIMIZER_KERNEL_PATH),
    file: OPTIMIZER_KERNEL_PATH,
    script: fileURLToPath(new URL('../../scripts/build-optimizer-kernel.mjs', import.meta.url)),
    command: 'npm run build:optimizer-kernel -w @loopsweep/model',
  },
];

describe('the committed kernel build', () => {
  it.for(BUILDS)('rebuilds kernel/$name from native/ with clang and wasm-ld to the same bytes', ({ name, file, script, command }, context) => {
    const missing = toolchainMissing();
    if (missing) {
      context.skip(`cannot rebuild the kernel: ${missing}; the committed kernel/${name} is used as it is`);
      return;
    }
    const committed = readFileSync(file);
    const local = /clang version (\d+\.\d+\.\d+)/.exec(spawnSync('clang', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
    const recorded = recordedClangVersion(committed);
    expect(recorded, `the committed ${name} records no clang version`).toBeDefined();
    if (local !== recorded) {
      context.skip(
        `the committed ${name} was built by clang ${recorded} and this machine has clang ${local}: equal bytes are only expected from the same compiler`,
      );
      return;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'rnn-kernel-'));
    try {
      const out = path.join(dir, name);
      const build = spawnSync(process.execPath, [script, '--out', out], { encoding: 'utf8' });
      expect(build.status, build.stderr).toBe(0);
      expect(Buffer.compare(readFileSync(out), committed), `native/ changed without \`${command}\` and a commit of kernel/${name}`).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is a module this runtime instantiates, exporting what the JavaScript side calls', () => {
    const kernel = instantiateRnnKernel(readFileSync(RNN_KERNEL_PATH));
    expect(kernel.memoryBytes).toBeGreaterThan(0);
  });

  it('refuses a missing or broken module file with a BackendError that says how to get a working one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rnn-kernel-'));
    try {
      const missing = path.join(dir, 'missing.wasm');
      expect(() => loadRnnKernelFile(missing)).toThrow(BackendError);
      expect(() => loadRnnKernelFile(missing)).toThrow(/did not load from .*missing\.wasm: ENOENT.*npm run build:kernel -w @loopsweep\/model/);
      const broken = path.join(dir, 'broken.wasm');
      writeFileSync(broken, 'not a module');
      expect(() => loadRnnKernelFile(broken)).toThrow(/did not load from .*broken\.wasm: .*Reinstall @loopsweep\/model/);
      expect(() => new RnnKernel({ exports: { memory: {} } })).toThrow(/lacks the export '__heap_base'; rebuild it/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to install when clang cannot be run, and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rnn-kernel-'));
    try {
      const out = path.join(dir, 'rnn_kernel.wasm');
      const build = spawnSync(process.execPath, [buildScript, '--out', out], {
        encoding: 'utf8',
        env: { ...process.env, CLANG: path.join(dir, 'no-such-clang') },
      });
      expect(build.status).toBe(1);
      expect(build.stderr).toMatch(/build-kernel: cannot run '.*no-such-clang' .*install clang and lld/);
      expect(() => readFileSync(out)).toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
