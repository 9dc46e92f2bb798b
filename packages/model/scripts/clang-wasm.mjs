// What both kernel builds share: run clang (with wasm-ld) on a file in native/, write the module
// beside its target and rename it into place, so a failed build never leaves a half-written
// module. The relative source path and native/ as the working directory keep anything
// machine-specific out of the bytes (the committed modules are checked to rebuild identically).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Builds `clangArgs` into the module named by `--out FILE` in `argv`, else `defaultOut`; `check`
 * may refuse the built file (by calling `fail`) before it replaces the target. Exits the process
 * with a message prefixed by `name` on any failure.
 */
export function buildWasm({ name, argv, clangArgs, defaultOut, check }) {
  const fail = (message) => {
    console.error(`${name}: ${message}`);
    process.exit(1);
  };
  const outIndex = argv.indexOf('--out');
  if (outIndex >= 0 && !argv[outIndex + 1]) fail('--out needs a file name');
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1]) : defaultOut;
  mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const clang = process.env.CLANG ?? 'clang';
  const result = spawnSync(clang, [...clangArgs, '-o', partial], { cwd: path.join(packageRoot, 'native'), encoding: 'utf8' });
  if (result.error) {
    fail(
      `cannot run '${clang}' (${result.error.message}); install clang and lld (Debian: apt-get install clang lld, or npm run setup as root). Without them the committed kernel/*.wasm files are used as they are.`,
    );
  }
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    fail(
      `clang failed (exit ${result.status}):\n${result.stderr}${result.stderr.includes('wasm-ld') ? '\nwasm-ld comes with lld (Debian: apt-get install lld).' : ''}`,
    );
  }
  check?.(partial, (message) => {
    rmSync(partial, { force: true });
    fail(message);
  });
  chmodSync(partial, 0o644); // wasm-ld marks its output executable; this is data
  renameSync(partial, out);
  console.log(`built ${path.relative(process.cwd(), out) || out}`);
}

/** Whether `importMetaUrl` is the script node was started with (so importing it builds nothing). */
export const isMain = (importMetaUrl) => Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(importMetaUrl);
