#!/usr/bin/env node
// Builds kernel/optimizer_kernel.wasm, the fused optimizer step for tfjs's `wasm` backend, from
// native/optimizer_kernel.c, and checks what makes it safe to run inside tfjs-wasm's memory: the
// module imports that memory, so it must have no data segment (it would be copied over tfjs's
// heap at instantiation) and must never touch a stack pointer (a shadow stack would live there
// too). The committed .wasm is what runs; rebuild and commit it after changing the C file.
//
//   npm run build:optimizer-kernel -w @loopsweep/model [-- --out file.wasm]   (needs clang, lld)
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Everything that decides the bytes. No -ffast-math: each float op must round as tfjs's does. */
export const CLANG_ARGS = [
  '--target=wasm32',
  '-O3',
  '-msimd128',
  '-ffreestanding',
  '-nostdlib',
  '-Wall',
  '-Wextra',
  '-Werror',
  '-Wl,--no-entry',
  '-Wl,--import-memory', // tfjs-wasm's heap, passed in as env.memory
  '-Wl,-z,stack-size=0',
  'optimizer_kernel.c',
];

/** Section ids of the WebAssembly binary format. */
const DATA_SECTION = 11;
const DATA_COUNT_SECTION = 12;

function sectionIds(bytes) {
  const ids = [];
  let at = 8; // magic and version
  while (at < bytes.length) {
    const id = bytes[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[at++];
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    ids.push(id);
    at += size;
  }
  return ids;
}

function check(file) {
  const ids = sectionIds(readFileSync(file));
  if (ids.includes(DATA_SECTION) || ids.includes(DATA_COUNT_SECTION)) fail(`${file} has a data segment, which would overwrite tfjs's heap`);
  const objdump = spawnSync(process.env.LLVM_OBJDUMP ?? 'llvm-objdump', ['-d', file], { encoding: 'utf8' });
  if (objdump.error || objdump.status !== 0) {
    console.warn('build-optimizer-kernel: llvm-objdump not found, so the stack-pointer check was skipped');
    return;
  }
  if (/\bglobal\.(get|set)\b/.test(objdump.stdout)) fail(`${file} uses a global (the shadow stack pointer): a function spilled to memory`);
}

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const out = outIndex >= 0 ? path.resolve(argv[outIndex + 1] ?? '') : path.join(packageRoot, 'kernel', 'optimizer_kernel.wasm');
  if (outIndex >= 0 && !argv[outIndex + 1]) fail('--out needs a file name');
  mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  const clang = process.env.CLANG ?? 'clang';
  const result = spawnSync(clang, [...CLANG_ARGS, '-o', partial], { cwd: path.join(packageRoot, 'native'), encoding: 'utf8' });
  if (result.error) fail(`cannot run '${clang}' (${result.error.message}); install clang and lld (Debian: apt-get install clang lld)`);
  if (result.status !== 0) {
    rmSync(partial, { force: true });
    fail(`clang failed (exit ${result.status}):\n${result.stderr}`);
  }
  check(partial);
  chmodSync(partial, 0o644); // wasm-ld marks its output executable; this is data
  renameSync(partial, out);
  console.log(`built ${path.relative(process.cwd(), out) || out}`);
}

function fail(message) {
  console.error(`build-optimizer-kernel: ${message}`);
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
