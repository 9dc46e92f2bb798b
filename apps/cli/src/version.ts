/** The CLI package's own version, read beside this module (never the package.json of the current folder). */
import { readFileSync } from 'node:fs';

/** `version` of @loopsweep/cli's package.json (`../package.json` from both src/ and dist/). */
export function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
