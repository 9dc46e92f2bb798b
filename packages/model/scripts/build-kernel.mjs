#!/usr/bin/env node
// Builds native/rnn_kernel.c into kernel/rnn_kernel.wasm with clang and wasm-ld (Debian: clang,
// lld). The output is committed, so installs without clang use it as it is; a test rebuilds it and
// checks that the bytes are the same (the build is reproducible: no debug info, no paths, no dates).
//
//   node scripts/build-kernel.mjs [--out FILE]
import path from 'node:path';
import { buildWasm, isMain, packageRoot } from './clang-wasm.mjs';

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

if (isMain(import.meta.url)) {
  buildWasm({ name: 'build-kernel', argv: process.argv.slice(2), clangArgs: CLANG_ARGS, defaultOut: path.join(packageRoot, 'kernel', 'rnn_kernel.wasm') });
}
