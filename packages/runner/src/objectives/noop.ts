/**
 * The built-in objective `noop`: no model, no backend, just a deterministic learning curve. It lets
 * benchmarks measure the runner itself and lets tests make a trial fail in each way that a real
 * one can, without hacks.
 *
 * Params (any others only feed the value):
 * - `noop_steps`: steps to report (default: ctx.maxEpochs, else 3)
 * - `noop_sleep_ms`: wait before each step (default 0), cut short by ctx.signal
 * - `noop_fail`: 'throw' | 'diverge' | 'crash' | 'nan' — fail after step `noop_fail_step`
 *   ('none': no failure, so a grid over `noop_fail` can include the healthy case)
 *   (default 1; 0 = before any report); 'nan' returns NaN at the end instead
 * - `noop_log_env`: log `env CUDA_VISIBLE_DEVICES=…` and `env TF_FORCE_GPU_ALLOW_GROWTH=…`
 */
import type { ObjectiveContext } from '@loopsweep/core';
import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import { inspect } from 'node:util';
import { threadId } from 'node:worker_threads';

const FAILURES = ['throw', 'diverge', 'crash', 'nan'] as const;
type Failure = (typeof FAILURES)[number];

interface NoopSettings {
  readonly steps: number;
  readonly sleepMs: number;
  readonly fail?: Failure;
  readonly failStep: number;
  readonly logEnv: boolean;
}

/**
 * Reports `{ value, loss }` for steps 1…n, where `value` climbs linearly to a number in [0, 1) that
 * depends only on the non-`noop_` params and the seed, and returns that number.
 *
 * @throws {TypeError} if a `noop_` param is invalid.
 * @throws the signal's reason when ctx.signal fires (between steps or during a sleep).
 * @throws {Error} named 'DivergedError' with code 'DIVERGED' for `noop_fail: diverge`, or a plain
 *   Error for `noop_fail: throw`.
 */
export async function noopObjective(params: Readonly<Record<string, unknown>>, ctx: ObjectiveContext): Promise<number> {
  const settings = noopSettings(params, ctx.maxEpochs);
  // Where it ran, so that tests and benchmarks can see threads and processes being reused or replaced.
  ctx.log?.(`noop: ${settings.steps} steps on ${ctx.device ?? 'wasm'} (pid ${process.pid}, thread ${threadId})`);
  if (settings.logEnv) {
    ctx.log?.(`env CUDA_VISIBLE_DEVICES=${process.env['CUDA_VISIBLE_DEVICES'] ?? ''}`);
    ctx.log?.(`env TF_FORCE_GPU_ALLOW_GROWTH=${process.env['TF_FORCE_GPU_ALLOW_GROWTH'] ?? ''}`);
  }
  const target = noopValue(params, ctx.seed);
  let value = 0;
  for (let step = 1; step <= settings.steps; step++) {
    if (step - 1 === settings.failStep) fail(settings.fail, step - 1);
    await pause(settings.sleepMs, ctx.signal);
    value = (target * step) / settings.steps;
    await ctx.report(step, { value, loss: 1 - value });
  }
  if (settings.steps <= settings.failStep) fail(settings.fail, settings.steps);
  return settings.fail === 'nan' ? Number.NaN : value;
}

/**
 * The number noop converges to: FNV-1a of the seed and the sorted non-`noop_` params, in [0, 1).
 */
export function noopValue(params: Readonly<Record<string, unknown>>, seed: number): number {
  const entries = Object.entries(params)
    .filter(([name]) => !name.startsWith('noop_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = `${seed}|${JSON.stringify(entries)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

function fail(failure: Failure | undefined, afterStep: number): void {
  switch (failure) {
    case 'throw':
      throw new Error(`noop failed on purpose after step ${afterStep}`);
    case 'diverge':
      throw Object.assign(new Error(`noop diverged on purpose: loss is NaN after step ${afterStep}`), { name: 'DivergedError', code: 'DIVERGED' });
    case 'crash':
      // In a worker thread this ends that thread only; in a process host, that process.
      return process.exit(1);
    default:
      return;
  }
}

// The yield lets prune/cancel messages land between steps even when there is nothing to wait for.
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  try {
    await (ms > 0 ? sleep(ms, undefined, signal ? { signal } : {}) : yieldToEventLoop());
  } catch (error) {
    // timers/promises rejects with its own AbortError; the objective's contract is the signal's reason.
    signal?.throwIfAborted();
    throw error;
  }
  signal?.throwIfAborted();
}

function noopSettings(params: Readonly<Record<string, unknown>>, maxEpochs: number | undefined): NoopSettings {
  const steps = params['noop_steps'] ?? maxEpochs ?? 3;
  const sleepMs = params['noop_sleep_ms'] ?? 0;
  const fail = params['noop_fail'] === 'none' ? undefined : params['noop_fail'];
  const failStep = params['noop_fail_step'] ?? (fail === undefined || fail === 'nan' ? Number.POSITIVE_INFINITY : 1);
  const logEnv = params['noop_log_env'] ?? false;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) throw new TypeError(`noop: noop_steps must be an integer >= 0, got ${shown(steps)}`);
  if (typeof sleepMs !== 'number' || !(sleepMs >= 0)) throw new TypeError(`noop: noop_sleep_ms must be a number >= 0, got ${shown(sleepMs)}`);
  if (fail !== undefined && !(FAILURES as readonly unknown[]).includes(fail))
    throw new TypeError(`noop: noop_fail must be one of none, ${FAILURES.join(', ')}, got ${shown(fail)}`);
  if (typeof failStep !== 'number' || !(failStep === Number.POSITIVE_INFINITY || (Number.isInteger(failStep) && failStep >= 0))) {
    throw new TypeError(`noop: noop_fail_step must be an integer >= 0, got ${shown(failStep)}`);
  }
  if (typeof logEnv !== 'boolean') throw new TypeError(`noop: noop_log_env must be true or false, got ${shown(logEnv)}`);
  return { steps, sleepMs, ...(fail !== undefined ? { fail: fail as Failure } : {}), failStep, logEnv };
}

/** A param value in a message: a string as it is, anything else as inspect() shows it. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : inspect(value);
}
