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

/** Whether Dawn finds an adapter here; asked in a child thread so this one keeps its backend. */
async function webGpuUnavailableReason(): Promise<string | undefined> {
  const probe = new Worker(
    `import('webgpu').then(async ({ create, globals }) => { Object.assign(globalThis, globals); const a = await create([]).requestAdapter(); require('node:worker_threads').parentPort.postMessage(a ? '' : 'no WebGPU adapter (no Vulkan driver that Dawn accepts)'); }).catch((e) => require('node:worker_threads').parentPort.postMessage(String(e.message)));`,
    { eval: true },
  );
  const reason = await new Promise<string>((resolve) => probe.once('message', resolve));
  await probe.terminate();
  return reason === '' ? undefined : reason;
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
    // Everything but the wall-clock figures.
    const timing = ['epoch_seconds', 'examples_per_second', 'train_seconds', 'inference_ms_per_example'];
    const untimed = (metrics: Record<string, number>) => Object.fromEntries(Object.entries(metrics).filter(([name]) => !timing.includes(name)));
    expect(untimed(a.metrics)).toEqual(untimed(b.metrics));
  });

  it('trains on webgpu in two worker threads at once where a Vulkan driver is present', async (context) => {
    const reason = await webGpuUnavailableReason();
    if (reason) {
      context.skip(`webgpu unavailable here: ${reason}; install a GPU driver or Mesa ≥ 24 lavapipe (npm run setup as root)`);
      return;
    }
    const [a, b, reference] = await Promise.all([trainInWorker('webgpu', 4), trainInWorker('webgpu', 4), trainInWorker('wasm', 4)]);
    for (const result of [a, b]) {
      expect(result.logs[0]).toMatch(/^backend webgpu: WebGPU on /);
      expect(result.reports).toEqual([1, 2]);
      // The same seed on another backend: the same training, up to float summation order.
      expect(result.metrics['loss']).toBeCloseTo(reference.metrics['loss']!, 4);
      expect(result.metrics['val_loss']).toBeCloseTo(reference.metrics['val_loss']!, 4);
    }
  });
});
