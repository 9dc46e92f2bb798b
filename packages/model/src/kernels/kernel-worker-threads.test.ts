import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { randomRecurrence, type RandomRecurrence } from '../test-support/recurrence-problems.js';
import { loadRnnKernel } from './load-rnn-kernel.js';
import type { KernelGradients } from './rnn-kernel.js';

const script = fileURLToPath(new URL('../test-support/kernel-in-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/kernels/index.js', import.meta.url));

interface WorkerResult {
  output: Float32Array;
  gradients: KernelGradients;
  memoryBytes: number;
}

function runInWorker(recurrence: RandomRecurrence): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, { workerData: recurrence });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}

const bytes = (a: Float32Array | undefined) => Buffer.from(a!.buffer, a!.byteOffset, a!.byteLength);

describe('the recurrent kernel in worker threads', () => {
  it('loads in two threads at once and gives the same bits as this thread', async () => {
    expect(existsSync(built), 'run `npm run build` first: worker threads load the compiled package').toBe(true);
    const recurrence = randomRecurrence({ cell: 'gru', steps: 25, batch: 7, units: 11, padding: true, dropout: true, seed: 21 });
    const kernel = loadRnnKernel();
    const forward = kernel.forward(recurrence.problem, recurrence.arrays);
    const gradients = kernel.backward(recurrence.problem, recurrence.arrays, forward, recurrence.dOutput);
    const results = await Promise.all([runInWorker(recurrence), runInWorker(recurrence)]);
    for (const result of results) {
      expect(bytes(result.output)).toEqual(bytes(forward.output));
      expect(bytes(result.gradients.xProj)).toEqual(bytes(gradients.xProj));
      expect(bytes(result.gradients.recurrentKernel)).toEqual(bytes(gradients.recurrentKernel));
      expect(result.memoryBytes).toBeGreaterThan(0);
    }
  });

  it('runs the loop cell with its dropout masks in a worker with the same bits as this thread', async () => {
    const recurrence = randomRecurrence({ cell: 'loop', steps: 10, batch: 4, units: 9, padding: true, dropout: true, seed: 8 });
    const kernel = loadRnnKernel();
    const forward = kernel.forward(recurrence.problem, recurrence.arrays);
    const gradients = kernel.backward(recurrence.problem, recurrence.arrays, forward, recurrence.dOutput);
    const result = await runInWorker(recurrence);
    expect(bytes(result.output)).toEqual(bytes(forward.output));
    for (const name of ['xProj', 'recurrentKernel', 'kernel2', 'bias2'] as const) expect(bytes(result.gradients[name]), name).toEqual(bytes(gradients[name]));
  });
});
