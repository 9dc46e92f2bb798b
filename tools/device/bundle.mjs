// Bundles the `sweep` CLI, its two worker entries and the training benchmark into one ESM file each
// with esbuild, from the built dist/ of every package (so `npm run build` must have run).
import { build } from 'esbuild';
import path from 'node:path';

/**
 * Packages left out of the bundles and shipped as files in the kit's node_modules instead, because
 * they find files beside their own module at run time: native addons (Dawn's `dawn.node`,
 * better-sqlite3's addon through `bindings`) and piscina, which starts its threads from its own
 * `dist/worker.js`.
 */
export const EXTERNAL_PACKAGES = ['webgpu', 'better-sqlite3', 'piscina'];

/**
 * The entries, named by the file each becomes. The worker entries sit beside main.js because the
 * runner looks for `trial-worker.js` and `process-host.js` beside its own module (compiled-file.ts),
 * and in a bundle that module is main.js.
 */
function entryPoints(root) {
  return {
    main: path.join(root, 'apps/cli/dist/main.js'),
    'trial-worker': path.join(root, 'packages/runner/dist/worker/trial-worker.js'),
    'process-host': path.join(root, 'packages/runner/dist/worker/process-host.js'),
    'train-step': path.join(root, 'tools/bench/train-step.mjs'),
  };
}

/**
 * Writes main.js, trial-worker.js, process-host.js and train-step.js into `outdir`.
 *
 * @returns {Promise<string[]>} the files written
 * @throws {Error} when an entry is missing (the packages are not built) or esbuild fails
 */
export async function bundle(root, outdir) {
  const result = await build({
    entryPoints: entryPoints(root),
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL_PACKAGES,
    // The tfjs backends are imported for their side effect (registering themselves), which their
    // package.json "sideEffects" lists would let esbuild drop; keep every import.
    ignoreAnnotations: true,
    // CommonJS dependencies (the tfjs node builds, yargs' helpers) call require() and read
    // __dirname (the wasm backend's Emscripten loader), which an ES module lacks.
    banner: {
      js: [
        "import { createRequire as __kitCreateRequire } from 'node:module';",
        "import { fileURLToPath as __kitFileURLToPath } from 'node:url';",
        'const require = __kitCreateRequire(import.meta.url);',
        'const __filename = __kitFileURLToPath(import.meta.url);',
        "const __dirname = __kitFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.outputs).map((file) => path.resolve(file));
}
