import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../test-support/train-in-worker.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

interface WorkerResult {
  logs: string[];
  metrics: Record<string, number>;
  reports: number[];
}

function trainInWorker(backend: string, seed: number): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const logs: string[] = [];
    const worker = new Worker(script, { workerData: { backend, seed, params: { cell: 'lstm', units: 8, embedding_dim: 8, lr: 0.01 } } });
    worker.on('message', (message: { log?: string; metrics?: Record<string, number>; reports?: number[] }) => {
      if (message.log) logs.push(message.log);
      else resolve({ logs, metrics: message.metrics!, reports: message.reports! });
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`worker exited with code ${code}`));
    });
  });
}

describe('backends in worker threads', () => {
  it('trains on wasm in two worker threads at once, with identical results for the same seed', async () => {
    expect(existsSync(built), 'run `npm run build` first: worker threads load the compiled package').toBe(true);
    const [a, b] = await Promise.all([trainInWorker('wasm', 9), trainInWorker('wasm', 9)]);
    for (const result of [a, b]) {
      expect(result.logs[0]).toMatch(/^backend wasm: WebAssembly SIMD/);
      expect(result.reports).toEqual([1, 2]);
      expect(Number.isFinite(result.metrics['val_loss'])).toBe(true);
    }
    const { epoch_seconds: _a, examples_per_second: _b, ...left } = a.metrics;
    const { epoch_seconds: _c, examples_per_second: _d, ...right } = b.metrics;
    expect(left).toEqual(right);
  });
});
