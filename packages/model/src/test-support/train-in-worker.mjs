// Runs in a worker thread: starts a backend and trains a small classifier with the compiled
// package (worker threads run compiled JavaScript, not the TypeScript sources).
import { parentPort, workerData } from 'node:worker_threads';
import { rnnTextObjective } from '../../dist/index.js';

const reports = [];
const metrics = await rnnTextObjective(workerData.params, {
  seed: workerData.seed,
  device: workerData.backend,
  dataset: { name: 'spamassassin', limit: 200, max_len: 32, vocab: 1000, split_seed: 1 },
  maxEpochs: 2,
  report: (step) => {
    reports.push(step);
  },
  log: (line) => parentPort.postMessage({ log: line }),
});
parentPort.postMessage({ metrics, reports });
