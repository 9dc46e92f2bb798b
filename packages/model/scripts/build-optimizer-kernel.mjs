#!/usr/bin/env node
// Builds kernel/optimizer_kernel.wasm, the fused optimizer step for tfjs's `wasm` backend, from
// native/optimizer_kernel.c, and checks what makes it safe to run inside tfjs-wasm's memory: the
// module imports that memory, so it must have no data segment (it would be copied over tfjs's
// heap at instantiation) and must never touch a stack pointer (a shadow stack would live there
// too). The committed .wasm is what runs; rebuild and commit it after changing the C file.
//
//   npm run build:optimizer-kernel -w @loopsweep/model [-- --out file.wasm]   (needs clang, lld)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWasm, isMain, packageRoot } from './clang-wasm.mjs';

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

function check(file, fail) {
  const ids = sectionIds(readFileSync(file));
  if (ids.includes(DATA_SECTION) || ids.includes(DATA_COUNT_SECTION)) fail(`${file} has a data segment, which would overwrite tfjs's heap`);
  const objdump = spawnSync(process.env.LLVM_OBJDUMP ?? 'llvm-objdump', ['-d', file], { encoding: 'utf8' });
  if (objdump.error || objdump.status !== 0) {
    console.warn('build-optimizer-kernel: llvm-objdump not found, so the stack-pointer check was skipped');
    return;
  }
  if (/\bglobal\.(get|set)\b/.test(objdump.stdout)) fail(`${file} uses a global (the shadow stack pointer): a function spilled to memory`);
}

if (isMain(import.meta.url)) {
  buildWasm({
    name: 'build-optimizer-kernel',
    argv: process.argv.slice(2),
    clangArgs: CLANG_ARGS,
    defaultOut: path.join(packageRoot, 'kernel', 'optimizer_kernel.wasm'),
    check,
  });
}
