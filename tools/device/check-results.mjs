// run.sh's last step: exits 1, saying why, unless every trial of the kit's sweep completed and the
// training benchmark measured both webgpu and wasm. Both commands print and go on past a failed
// trial or a backend that did not start; a kit run that proves nothing must not look like a pass.
//
//   node check-results.mjs <sweep export --format json> <train-step --json>
import { readFileSync } from 'node:fs';

const [trialsFile, benchFile] = process.argv.slice(2);
if (!trialsFile || !benchFile) {
  process.stderr.write('usage: check-results.mjs <trials.json from sweep export -f json> <train-step.json from --json>\n');
  process.exit(2);
}
const problems = [];
const { trials } = JSON.parse(readFileSync(trialsFile, 'utf8'));
const unfinished = trials.filter((trial) => trial.state !== 'COMPLETE');
if (trials.length === 0) problems.push(`the sweep ran no trials (${trialsFile})`);
for (const trial of unfinished) problems.push(`trial ${trial.number} ended ${trial.state}${trial.failureReason ? `: ${trial.failureReason}` : ''}`);
const { results } = JSON.parse(readFileSync(benchFile, 'utf8'));
for (const backend of ['webgpu', 'wasm']) {
  const figures = results.filter((result) => result.backend === backend);
  if (figures.length === 0) problems.push(`the benchmark has no ${backend} figures: it skipped the backend (its reason is printed above)`);
  else if (!figures.every((result) => Number.isFinite(result.msPerBatch))) problems.push(`the benchmark has ${backend} figures that are not numbers`);
}
if (problems.length > 0) {
  process.stderr.write(`device kit run failed:\n  ${problems.join('\n  ')}\n`);
  process.exit(1);
}
console.log(`checked: ${trials.length} of ${trials.length} trials complete; benchmark figures for webgpu and wasm`);
