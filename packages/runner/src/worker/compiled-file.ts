/**
 * Where the compiled worker entries are. Worker threads and child processes run JavaScript only
 * (vitest's and tsx's TypeScript transforms do not reach them), so they always load dist/.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type CompiledWorkerEntry = 'trial-worker.js' | 'process-host.js';

/**
 * The absolute path of `dist/worker/<entry>`: beside this module once compiled, or in the package's
 * dist/ when this module runs from src/ (under vitest).
 *
 * @throws {Error} if the entry has not been built, naming the command that builds it.
 */
export function compiledWorkerFile(entry: CompiledWorkerEntry): string {
  const beside = fileURLToPath(new URL(`./${entry}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const built = fileURLToPath(new URL(`../../dist/worker/${entry}`, import.meta.url));
  if (existsSync(built)) return built;
  throw new Error(`${built} is missing: worker threads and processes run compiled JavaScript; build @loopsweep/runner first (npx tsc -p tsconfig.build.json)`);
}
