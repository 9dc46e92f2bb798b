#!/usr/bin/env node
// The `sweep` binary: loads the built CLI (dist/main.js). It is committed, unlike dist/, so that
// `npm ci` links `npx sweep` in a fresh clone (npm links a bin only if its file exists at install
// time); until `npm run build` has run, it says so instead of failing with a module error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(`sweep: the CLI is not built yet (${fileURLToPath(main)} is missing); run \`npm run build\` at the repository root first\n`);
  process.exit(1);
}
await import(main.href);
