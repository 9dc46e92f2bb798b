#!/usr/bin/env node
// `npm run demo`: two real sweeps on SpamAssassin into runs/quick.db, on two worker threads:
// examples/quick.yaml (20 RNN trials, TPE + ASHA; its `sweep compare` is exploratory), then
// examples/compare-optimizers.yaml (the comparison protocol: the same search budget per optimizer,
// then each one's best configuration confirmed over 8 seeds; its `sweep compare` is a verdict).
// A previous demo database is moved aside first, since a sweep's name is unique in a database.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'apps/cli/dist/main.js');
const db = path.join(root, 'runs/quick.db');
mkdirSync(path.dirname(db), { recursive: true });
if (existsSync(db)) {
  const aside = `${db}.${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(db + suffix)) renameSync(db + suffix, aside + suffix);
  console.log(`(moved the previous demo database to ${path.relative(root, aside)})`);
}
const sweep = (...args) => {
  const result = spawnSync(process.execPath, [cli, ...args, '--db', db], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
sweep('run', path.join(root, 'examples/quick.yaml'));
console.log('\n$ sweep compare quick --by optimizer');
sweep('compare', 'quick', '--by', 'optimizer');
console.log('\n$ sweep run examples/compare-optimizers.yaml');
sweep('run', path.join(root, 'examples/compare-optimizers.yaml'));
console.log('\n$ sweep compare compare-optimizers --by optimizer');
sweep('compare', 'compare-optimizers', '--by', 'optimizer');
console.log(`\nThe sweep is in ${path.relative(root, db)}: try  npm run sweep -- best quick --db runs/quick.db`);
console.log('See it in the browser:  npm run sweep -- dashboard --db runs/quick.db --open');
