import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { DevicesError } from './devices-error.js';
import { parseDevices } from './parse-devices.js';

const gpu = (id: string) => ({ backend: 'tfjs-node-gpu', env: { CUDA_VISIBLE_DEVICES: id, TF_FORCE_GPU_ALLOW_GROWTH: 'true' }, label: `GPU ${id}` });
const plain = (backend: string) => ({ backend, env: {}, label: '' });

describe('parseDevices', () => {
  it.each([
    ['wasm:2', { kind: 'threads', backend: 'wasm', threads: 2, description: '2 worker threads (wasm)' }],
    ['cpu:1', { kind: 'threads', backend: 'cpu', threads: 1, description: '1 worker thread (cpu)' }],
    ['webgpu:2', { kind: 'threads', backend: 'webgpu', threads: 2, description: '2 worker threads (webgpu)' }],
    ['auto:3', { kind: 'threads', backend: 'auto', threads: 3, description: '3 worker threads (auto)' }],
    [' WASM:4 ', { kind: 'threads', backend: 'wasm', threads: 4, description: '4 worker threads (wasm)' }],
    ['2', { kind: 'threads', backend: 'wasm', threads: 2, description: '2 worker threads (wasm)' }],
    ['cpu', { kind: 'threads', backend: 'cpu', threads: 5, description: '5 worker threads (cpu)' }],
    ['gpu:0,gpu:1', { kind: 'processes', slots: [gpu('0'), gpu('1')], description: '2 child processes (tfjs-node-gpu on GPU 0, GPU 1)' }],
    ['gpu:3', { kind: 'processes', slots: [gpu('3')], description: '1 child process (tfjs-node-gpu on GPU 3)' }],
    ['process:wasm:2', { kind: 'processes', slots: [plain('wasm'), plain('wasm')], description: '2 child processes (wasm)' }],
    ['process:cpu:1', { kind: 'processes', slots: [plain('cpu')], description: '1 child process (cpu)' }],
    ['tfjs-node:2', { kind: 'processes', slots: [plain('tfjs-node'), plain('tfjs-node')], description: '2 child processes (tfjs-node)' }],
    ['gpu:0, process:cpu:1', { kind: 'processes', slots: [gpu('0'), plain('cpu')], description: '2 child processes (tfjs-node-gpu on GPU 0; cpu)' }],
  ])('reads %j', (text, expected) => {
    expect(parseDevices(text, 5)).toEqual(expected);
  });

  it('defaults to `parallel` wasm threads, and `parallel` to the machine’s parallelism', () => {
    expect(parseDevices(undefined, 3)).toEqual({ kind: 'threads', backend: 'wasm', threads: 3, description: '3 worker threads (wasm)' });
    expect(parseDevices(undefined)).toMatchObject({ kind: 'threads', backend: 'wasm', threads: availableParallelism() });
  });

  it.each([
    ['gpu:x', "--devices: 'gpu:x' is not a GPU index; use gpu:0,gpu:1"],
    ['gpu:-1', "--devices: 'gpu:-1' is not a GPU index; use gpu:0,gpu:1"],
    ['gpu', "--devices: 'gpu' needs a GPU index; use gpu:0,gpu:1"],
    ['gpu:0:1', "--devices: 'gpu:0:1' is not a GPU index; use gpu:0,gpu:1"],
    ['gpu:0,gpu:0', '--devices: gpu:0 is listed twice'],
    ['tfjs-node-gpu:2', "--devices: 'tfjs-node-gpu:2': name the GPUs instead, one process each, e.g. gpu:0,gpu:1"],
    ['wasm:0', "--devices: 'wasm:0' needs a positive count, e.g. wasm:2"],
    ['wasm:x', "--devices: 'wasm:x' needs a positive count, e.g. wasm:2"],
    ['wasm:2:1', "--devices: 'wasm:2:1' has too many parts; use wasm:2"],
    ['0', "--devices: '0' needs a positive count, e.g. 2"],
    ['', '--devices: empty; use wasm:N, cpu:N, webgpu:N, auto:N, gpu:I[,gpu:J…], process:wasm:N, process:cpu:N, tfjs-node:N, or a thread count N'],
    [
      'tpu:1',
      "--devices: unknown device 'tpu:1'; use wasm:N, cpu:N, webgpu:N, auto:N, gpu:I[,gpu:J…], process:wasm:N, process:cpu:N, tfjs-node:N, or a thread count N",
    ],
    [
      '2,2',
      "--devices: unknown device '2'; use wasm:N, cpu:N, webgpu:N, auto:N, gpu:I[,gpu:J…], process:wasm:N, process:cpu:N, tfjs-node:N, or a thread count N",
    ],
    ['gpu:0,,gpu:1', "--devices: 'gpu:0,,gpu:1' has an empty entry; separate entries with single commas, e.g. gpu:0,gpu:1"],
    ['wasm:2,gpu:0', "--devices: 'wasm:2' runs in worker threads and 'gpu:0' in processes; one sweep uses one or the other"],
    ['wasm:2,cpu:1', "--devices: 'wasm:2' and 'cpu:1' are two thread entries; one sweep uses one thread backend, e.g. wasm:3"],
    ['process:gpu:1', "--devices: 'process:gpu:1': process:<backend> takes wasm, cpu, tfjs-node; for GPUs use gpu:0,gpu:1"],
    ['process:webgpu:1', "--devices: 'process:webgpu:1': process:<backend> takes wasm, cpu, tfjs-node"],
    ['process:cpu:0', "--devices: 'process:cpu:0' needs a positive count, e.g. process:cpu:2"],
    ['process:cpu:1:2', "--devices: 'process:cpu:1:2' has too many parts; use process:cpu:2"],
  ])('refuses %j', (text, message) => {
    const error = (() => {
      try {
        parseDevices(text, 2);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(DevicesError);
    expect((error as DevicesError).message).toBe(message);
  });

  it('checks the parallel default', () => {
    expect(() => parseDevices('wasm', 0)).toThrow(new RangeError('parallelDefault must be a positive integer, got 0'));
  });
});
