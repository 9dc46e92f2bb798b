#!/usr/bin/env node
// Builds the device kit: everything a linux-x64 GPU machine without network needs to run a small
// webgpu sweep and the training benchmark (README.md in this folder).
//
//   npm run device:kit            (builds the packages first)
//   node tools/device/build-kit.mjs [--out <dir>]
//
// Writes <out>/loopsweep-device-kit/ and <out>/loopsweep-device-kit.tar.gz (default out:
// tools/device/dist), prints the size of each part, the unpacked total and the archive's size, and
// fails when the archive is over 64 MiB, the most that can travel to the GPU machine.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundle } from './bundle.mjs';
import { kitParts } from './kit-parts.mjs';

export const KIT_NAME = 'loopsweep-device-kit';
export const MAX_ARCHIVE_BYTES = 64 * 1024 * 1024;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** The parsed SpamAssassin corpus, made now (a few seconds) if this checkout has not parsed it yet. */
async function corpusCache() {
  const { loadSpamAssassinCorpus, spamAssassinCacheFile } = await import('@loopsweep/model');
  await loadSpamAssassinCorpus();
  return spamAssassinCacheFile();
}

/** The CLI prints its own package's version; the bundle reads it from app/package.json. */
function appPackageJson() {
  const cli = JSON.parse(readFileSync(path.join(root, 'apps/cli/package.json'), 'utf8'));
  return `${JSON.stringify({ name: cli.name, version: cli.version, private: true, type: 'module' }, null, 2)}\n`;
}

function copy(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}

/** Rows of the size table: each bundle, each package under node_modules, each other top folder. */
function group(relative) {
  const parts = relative.split(path.sep);
  if (parts[0] === 'node_modules') return parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/');
  if (parts[0] === 'app') return parts.join('/');
  return parts.length > 1 ? `${parts[0]}/` : parts[0];
}

/**
 * Builds the kit folder and its archive.
 *
 * @returns {Promise<{ kitDir: string, archive: string, unpackedBytes: number, archiveBytes: number }>}
 * @throws {Error} when a part is missing, the archiver fails, or the archive is over 64 MiB
 */
export async function buildKit(out = path.join(here, 'dist'), log = console.log) {
  const kitDir = path.join(out, KIT_NAME);
  const archive = path.join(out, `${KIT_NAME}.tar.gz`);
  rmSync(kitDir, { recursive: true, force: true });
  rmSync(archive, { force: true });
  mkdirSync(kitDir, { recursive: true });

  const files = [];
  for (const part of kitParts(root, await corpusCache())) {
    copy(part.from, path.join(kitDir, part.to));
    files.push(part.to);
  }
  for (const file of await bundle(root, path.join(kitDir, 'app/dist'))) files.push(path.relative(kitDir, file));
  writeFileSync(path.join(kitDir, 'app/package.json'), appPackageJson());
  files.push('app/package.json');
  for (const [from, to] of [
    ['probe-adapter.mjs', 'app/dist/probe-adapter.mjs'],
    ['check-results.mjs', 'app/dist/check-results.mjs'],
    ['specs/webgpu-sweep.yaml', 'specs/webgpu-sweep.yaml'],
    ['specs/webgpu-sweep-quick.yaml', 'specs/webgpu-sweep-quick.yaml'],
    ['run.sh', 'run.sh'],
    ['README.md', 'README.md'],
  ]) {
    copy(path.join(here, from), path.join(kitDir, to));
    files.push(to);
  }
  chmodSync(path.join(kitDir, 'run.sh'), 0o755);
  chmodSync(path.join(kitDir, 'bin/node'), 0o755);

  const sizes = new Map();
  for (const file of files) sizes.set(group(file), (sizes.get(group(file)) ?? 0) + statSync(path.join(kitDir, file)).size);
  const unpackedBytes = [...sizes.values()].reduce((a, b) => a + b, 0);
  for (const [name, bytes] of [...sizes].sort((a, b) => b[1] - a[1])) log(`${mib(bytes).padStart(10)}  ${name}`);
  log(`${mib(unpackedBytes).padStart(10)}  unpacked, ${files.length} files (${kitDir})`);

  // gzip, not xz: gunzip is on every Linux image, xz not always; the kit fits either way.
  const tar = spawnSync('tar', ['-czf', archive, '-C', out, KIT_NAME], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`tar failed making ${archive}: ${tar.stderr.trim() || `exit ${tar.status}`}`);
  const archiveBytes = statSync(archive).size;
  log(`${mib(archiveBytes).padStart(10)}  ${archive} (limit ${mib(MAX_ARCHIVE_BYTES)})`);
  if (archiveBytes > MAX_ARCHIVE_BYTES) {
    throw new Error(
      `the device kit is ${mib(archiveBytes)}, over the ${mib(MAX_ARCHIVE_BYTES)} that can travel to the GPU machine; see the size of each part above and leave out or shrink the largest (tools/device/kit-parts.mjs)`,
    );
  }
  return { kitDir, archive, unpackedBytes, archiveBytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  try {
    const { archive } = await buildKit(values.out ? path.resolve(values.out) : undefined);
    console.log(`\ncopy ${archive} to the GPU machine, then there: tar -xzf ${path.basename(archive)} && bash ${KIT_NAME}/run.sh`);
  } catch (error) {
    console.error(`build-kit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
