/**
 * The CLI's `--devices` value, e.g. `wasm:4`, `gpu:0,gpu:1`, `process:cpu:2` or `2`.
 */
import { availableParallelism } from 'node:os';
import type { ProcessSlot } from '../executor/child-slot.js';
import { describeProcessSlots } from '../executor/process-pool-executor.js';
import { PROCESS_BACKENDS, THREAD_BACKENDS, type DeviceSlots, type ProcessBackend, type ThreadBackend } from './device-slots.js';
import { DevicesError } from './devices-error.js';

const FORMS = 'wasm:N, cpu:N, webgpu:N, auto:N, gpu:I[,gpu:J…], process:wasm:N, process:cpu:N, tfjs-node:N, or a thread count N';

type Entry =
  { readonly text: string; readonly threads: { backend: ThreadBackend; count: number } } | { readonly text: string; readonly processes: ProcessSlot[] };

/**
 * Reads `--devices`. Absent, it means `parallelDefault` wasm threads.
 *
 * - `wasm:2`, `cpu:2`, `webgpu:2`, `auto:2` (or the backend alone: `parallelDefault` threads) —
 *   worker threads of that backend; a plain number `2` means `wasm:2`
 * - `gpu:0,gpu:1` — one process per GPU, backend tfjs-node-gpu, CUDA_VISIBLE_DEVICES=<i>,
 *   TF_FORCE_GPU_ALLOW_GROWTH=true
 * - `process:wasm:2`, `process:cpu:2`, `tfjs-node:2` — N processes of that backend
 *
 * Process entries combine (`gpu:0,gpu:1,process:cpu:1`); threads of one backend do not mix with
 * other entries, since one sweep runs on one pool.
 *
 * @param parallelDefault the spec's budget.parallel, else os.availableParallelism().
 * @throws {DevicesError} naming the entry that is wrong and a form that works.
 * @throws {RangeError} if `parallelDefault` is not a positive integer.
 */
export function parseDevices(text: string | undefined, parallelDefault: number = availableParallelism()): DeviceSlots {
  if (!Number.isInteger(parallelDefault) || parallelDefault < 1) throw new RangeError(`parallelDefault must be a positive integer, got ${parallelDefault}`);
  if (text === undefined) return threadSlots('wasm', parallelDefault);
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '') throw new DevicesError(`empty; use ${FORMS}`);
  if (/^\d+$/.test(trimmed)) return threadSlots('wasm', count(trimmed, trimmed));

  const entries = trimmed.split(',').map((part) => part.trim());
  if (entries.some((entry) => entry === ''))
    throw new DevicesError(`'${text.trim()}' has an empty entry; separate entries with single commas, e.g. gpu:0,gpu:1`);
  const parsed = entries.map((entry) => parseEntry(entry, parallelDefault));

  const threaded = parsed.filter((entry) => 'threads' in entry);
  const first = threaded[0];
  if (first && parsed.length > 1) {
    const other = parsed.find((entry) => entry !== first) as Entry;
    throw new DevicesError(
      'threads' in other
        ? `'${first.text}' and '${other.text}' are two thread entries; one sweep uses one thread backend, e.g. ${first.threads.backend}:${first.threads.count + other.threads.count}`
        : `'${first.text}' runs in worker threads and '${other.text}' in processes; one sweep uses one or the other`,
    );
  }
  if (first) return threadSlots(first.threads.backend, first.threads.count);

  const slots = parsed.flatMap((entry) => ('processes' in entry ? entry.processes : []));
  const gpus = new Set<string>();
  for (const slot of slots) {
    const gpu = slot.backend === 'tfjs-node-gpu' ? slot.env['CUDA_VISIBLE_DEVICES'] : undefined;
    if (gpu === undefined) continue;
    if (gpus.has(gpu)) throw new DevicesError(`gpu:${gpu} is listed twice`);
    gpus.add(gpu);
  }
  return { kind: 'processes', slots, description: describeProcessSlots(slots) };
}

function parseEntry(entry: string, parallelDefault: number): Entry {
  const [head = '', ...rest] = entry.split(':');
  if (head === 'gpu') {
    const [index] = rest;
    if (index === undefined || index === '') throw new DevicesError(`'${entry}' needs a GPU index; use gpu:0,gpu:1`);
    if (rest.length !== 1 || !/^\d+$/.test(index)) throw new DevicesError(`'${entry}' is not a GPU index; use gpu:0,gpu:1`);
    const id = String(Number(index));
    return { text: entry, processes: [{ backend: 'tfjs-node-gpu', env: { CUDA_VISIBLE_DEVICES: id, TF_FORCE_GPU_ALLOW_GROWTH: 'true' }, label: `GPU ${id}` }] };
  }
  if (head === 'tfjs-node-gpu') throw new DevicesError(`'${entry}': name the GPUs instead, one process each, e.g. gpu:0,gpu:1`);
  if (head === 'process' || head === 'tfjs-node') {
    const [backend, n] = head === 'process' ? rest : ['tfjs-node', ...rest];
    if (rest.length > (head === 'process' ? 2 : 1))
      throw new DevicesError(`'${entry}' has too many parts; use ${head === 'process' ? 'process:cpu:2' : 'tfjs-node:2'}`);
    if (!(PROCESS_BACKENDS as readonly (string | undefined)[]).includes(backend)) {
      throw new DevicesError(`'${entry}': process:<backend> takes ${PROCESS_BACKENDS.join(', ')}${backend === 'gpu' ? '; for GPUs use gpu:0,gpu:1' : ''}`);
    }
    const processes = n === undefined ? parallelDefault : count(entry, n);
    return { text: entry, processes: Array.from({ length: processes }, () => ({ backend: backend as ProcessBackend, env: {}, label: '' })) };
  }
  if ((THREAD_BACKENDS as readonly string[]).includes(head)) {
    if (rest.length > 1) throw new DevicesError(`'${entry}' has too many parts; use ${head}:2`);
    const [n] = rest;
    return { text: entry, threads: { backend: head as ThreadBackend, count: n === undefined ? parallelDefault : count(entry, n) } };
  }
  throw new DevicesError(`unknown device '${entry}'; use ${FORMS}`);
}

function count(entry: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new DevicesError(`'${entry}' needs a positive count, e.g. ${entry.includes(':') ? `${entry.slice(0, entry.lastIndexOf(':'))}:2` : '2'}`);
  return Number(text);
}

function threadSlots(backend: ThreadBackend, threads: number): DeviceSlots {
  return { kind: 'threads', backend, threads, description: `${threads} worker thread${threads === 1 ? '' : 's'} (${backend})` };
}
