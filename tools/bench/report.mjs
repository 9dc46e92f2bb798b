#!/usr/bin/env node
// `sweep report` at 10,000 trials (issue 14): the size of the HTML file (target < 5 MB) and of the
// Markdown with its charts, and how long each takes. The sweeps are real: the built `sweep run`
// with the noop objective on 2 worker threads (about 45 s each), cached under the OS temp folder.
// Two of them: with a median pruner (most trials pruned, as a real sweep) and without one (every
// trial completes: the most points for the charts and the most values for the verdicts).
//
//   npm run bench:report -- [--trials 10000] [--rebuild] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SCHEMA_VERSION, SweepReader } from '@loopsweep/store';

const { values } = parseArgs({
  options: { trials: { type: 'string', default: '10000' }, rebuild: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});
const trials = Number(values.trials);
const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../apps/cli/dist/main.js');
const cache = path.join(os.tmpdir(), 'loopsweep-bench');
const out = mkdtempSync(path.join(os.tmpdir(), 'loopsweep-report-bench-'));

const spec = (name, pruner) => `
name: ${name}
objective: noop
metric: { name: value, goal: maximize }
budget: { trials: ${trials}, parallel: 2, max_epochs: 5 }
sampler: { type: random, seed: 1 }
pruner: ${pruner}
parameters:
  optimizer: { values: [sgd, momentum, adam, rmsprop] }
  momentum:  { uniform: [0.5, 0.99], when: { optimizer: momentum } }
  lr:        { log_uniform: [1.0e-4, 1.0e-1] }
  cell:      { values: [lstm, gru, simple] }
  clip:      { values: [none, value, global_norm] }
  units:     { int_log_uniform: [16, 256] }
  dropout:   { uniform: [0.0, 0.5] }
  noop_fail: { values: [none, diverge], when: { optimizer: sgd } }
`;

function sweep(args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    console.error(result.stderr);
    process.exit(result.status ?? 1);
  }
  return { ms: performance.now() - started, stderr: result.stderr };
}

function database(name, pruner) {
  const db = path.join(cache, `report-${name}-${trials}-schema${SCHEMA_VERSION}.db`);
  let done = false;
  if (existsSync(db) && !values.rebuild) {
    const reader = SweepReader.open(db);
    done = reader.summary(name)?.total === trials && reader.getSweep(name)?.status === 'finished';
    reader.close();
  }
  if (!done) {
    mkdirSync(cache, { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(db + suffix, { force: true });
    const file = path.join(out, `${name}.yaml`);
    writeFileSync(file, spec(name, pruner));
    const { ms } = sweep(['run', file, '--db', db]);
    console.log(`${name}: sweep run of ${trials} noop trials took ${(ms / 1000).toFixed(1)} s (cached in ${db})`);
  }
  return db;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const folderSize = (dir) => readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);

console.log(`sweep report at ${trials} trials (node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()})`);
const rows = [];
for (const [name, pruner] of [
  ['report-pruned', '{ type: median, warmup_steps: 1 }'],
  ['report-unpruned', '{ type: none }'],
]) {
  const db = database(name, pruner);
  const reader = SweepReader.open(db);
  const counts = reader.summary(name).counts;
  reader.close();
  const html = path.join(out, `${name}.html`);
  const h = sweep(['report', name, '--db', db, '-o', html]);
  const md = path.join(out, `${name}.md`);
  const m = sweep(['report', name, '--db', db, '-o', md]);
  const charts = readdirSync(path.join(out, `${name}_files`)).length;
  rows.push({
    sweep: name,
    complete: counts.COMPLETE,
    pruned: counts.PRUNED,
    failed: counts.FAILED,
    'html size': mb(statSync(html).size),
    'html time': `${(h.ms / 1000).toFixed(1)} s`,
    'md + charts': `${mb(statSync(md).size + folderSize(path.join(out, `${name}_files`)))} (${charts} SVG)`,
    'md time': `${(m.ms / 1000).toFixed(1)} s`,
    'under 5 MB': statSync(html).size < 5e6 ? 'yes' : 'NO',
  });
}
console.table(rows);
console.log('Times are the whole `sweep report` process (start, read, judge --by optimizer,cell,clip, draw, write).');
if (values.keep) console.log(`reports kept in ${out}`);
else rmSync(out, { recursive: true, force: true });
