#!/usr/bin/env node
// Builds native/rnn_kernel.c into kernel/rnn_kernel.wasm with clang and wasm-ld (Debian: clang,
// lld). The output is committed, so installs without clang use it as it is; a test rebuilds it and
// checks that the bytes are the same (the build is reproducible: no debug info, no paths, no dates).
//
//   node scripts/build-kernel.mjs [--out FILE]
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = path.join(packageRoot, 'native');

/** Everything that decides the bytes; changing a flag means rebuilding and committing the .wasm. */
export const CLANG_ARGS = [
  '--target=wasm32',
  '-O3',
  '-msimd128', // 128-bit SIMD: every V8 since Node 16.4
  '-mbulk-memory', // memcpy becomes memory.copy: there is no libc to call
  '-ffreestanding',
  '-nostdlib',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-Wl,--no-entry',
  '-Wl,--export=__heap_base', // where the JavaScript side may start placing arrays
  '-Wl,-z,stack-size=65536',
  'rnn_kernel.c',
];

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1] ?? '') : path.join(packageRoot, 'kernel', 'rnn_kernel.wasm');
  if (outIndex >= 0 && !argv[outIndex + 1]) fail('--out needs a file name');
  mkdirSync(path.dirname(out), { recursive: true });
  // Written beside the target and renamed: a failed build never leaves a half-written module.
  const partial = `${out}.partial`;
  const clang = process.env.CLANG ?? 'clang';
  // Relative source path and the native/ directory as cwd: nothing machine-specific reaches the output.
  const result = spawnSync(clang, [...CLANG_ARGS, '-o', partial], { cwd: nativeDir, encoding: 'utf8' });
  if (result.error) {
    fail(
      `cannot run '${clang}' (${result.error.message}); install clang and lld (Debian: apt-get install clang lld, or npm run setup as root). Without them the committed kernel/rnn_kernel.wasm is used as it is.`,
    );
  }
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    fail(
      `clang failed (exit ${result.status}):\n${result.stderr}${result.stderr.includes('wasm-ld') ? '\nwasm-ld comes with lld (Debian: apt-get install lld).' : ''}`,
    );
  }
  chmodSync(partial, 0o644); // wasm-ld marks its output executable; this is data
  renameSync(partial, out);
  console.log(`built ${path.relative(process.cwd(), out) || out}`);
}

function fail(message) {
  console.error(`build-kernel: ${message}`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
