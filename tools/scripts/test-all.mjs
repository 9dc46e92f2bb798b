#!/usr/bin/env node
// `npm test`: builds, type-checks (every file, tests and e2e included) and tests every project
// through Nx (cached), runs `npm run lint` (ESLint and Prettier over the whole tree), then prints
// one closing line with the totals of every project's Vitest run, so a CI log states plainly what
// ran. It fails when any of them fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
// System packages some tests use (installed as root on Debian/Ubuntu, else listed); never fatal.
spawnSync('bash', [path.join(root, 'tools/scripts/setup-system.sh')], { cwd: root, env, stdio: 'inherit' });
// Nx keeps its cache outside the checkout (~/.nx), so even a fresh clone can replay results of
// earlier runs on the same machine; under CI every test runs for real.
const skipCache = process.env.CI === 'true' ? ['--skip-nx-cache'] : [];
const nx = spawnSync('npx', ['nx', 'run-many', '-t', 'build', 'typecheck', 'test', '--output-style=stream', ...skipCache, ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
// After the build: type-aware lint rules read the other packages' types from their dist/.
const lint = spawnSync('npm', ['run', 'lint'], { cwd: root, env, stdio: 'inherit' });
if (lint.status !== 0) console.error('\nnpm run lint failed (run `npm run format` for Prettier findings)');

let passed = 0;
let failed = 0;
let skipped = 0;
// A CI log may keep only its tail, so the failures are named again last: file, test, first lines
// of the error.
const failures = [];
for (const group of ['packages', 'apps', 'tools']) {
  const dir = path.join(root, group);
  if (!existsSync(dir)) continue;
  for (const project of readdirSync(dir)) {
    const file = path.join(dir, project, 'test-results.json');
    if (!existsSync(file)) continue;
    const results = JSON.parse(readFileSync(file, 'utf8'));
    passed += results.numPassedTests ?? 0;
    failed += results.numFailedTests ?? 0;
    skipped += (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
    failures.push(...failuresIn(results));
  }
}
for (const failure of failures) console.log(`\nFAILED ${failure.where}\n${failure.message}`);
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(nx.status !== 0 ? (nx.status ?? 1) : (lint.status ?? 1));

/** Failed tests (and files that failed outside any test) of one Vitest JSON report. */
function failuresIn(results) {
  const found = [];
  for (const file of results.testResults ?? []) {
    const where = path.relative(root, file.name);
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) {
      found.push({ where: `${where} > ${test.fullName}`, message: firstLines((test.failureMessages ?? []).join('\n')) });
    }
    if (failedTests.length === 0 && file.status === 'failed') found.push({ where, message: firstLines(file.message ?? '') });
  }
  return found;
}

function firstLines(text, count = 12) {
  return text.split('\n').slice(0, count).join('\n');
}
