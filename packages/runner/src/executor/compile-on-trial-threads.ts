/**
 * Where V8 compiles optimized code when trial threads fill every core.
 *
 * V8 optimizes hot JavaScript on helper threads (concurrent recompilation). With one trial thread
 * on a 2-core machine those helpers run on the idle core for free; with as many trial threads as
 * cores they take their time from the trials, and they cost more CPU than compiling in place: over
 * the 8-trial `bench:pool` workload a trial thread's optimizing compiles took about 2.2 s of helper
 * CPU concurrently and about 1.1 s more of its own CPU when done on the thread itself. So when the
 * pool fills the cores, new threads compile on their own thread. They also compile without
 * inlining: a trial thread runs tfjs's glue between wasm kernels, whose optimized code is no faster
 * with inlining (4 epochs of a GRU at max_len 256, on one core: about 3.0 s either way) but whose
 * compiles cost less without it (the same at the pool workload's max_len 64: about 1.00 → 0.91 s;
 * `bench:pool` on 2 threads 9.8 → 9.4 s). The flags are process-wide and affect isolates
 * created after they are set (the worker threads), not the running main thread.
 */
import os from 'node:os';
import v8 from 'node:v8';

/** Set to 1 to keep V8's background compilation however many threads run. */
export const CONCURRENT_JIT_ENV = 'LOOPSWEEP_CONCURRENT_JIT';

/** Whether a pool of `threads` trial threads should compile on its own threads. */
export function compilesOnTrialThreads(threads: number, cores: number, env: NodeJS.ProcessEnv): boolean {
  return threads >= cores && env[CONCURRENT_JIT_ENV] !== '1';
}

/** The V8 flags set when trial threads fill the cores (see the module comment). */
export const SATURATED_POOL_V8_FLAGS = ['--no-concurrent-recompilation', '--no-turbo-inlining'] as const;

let applied = false;

/**
 * Sets {@link SATURATED_POOL_V8_FLAGS} for threads started from now on, when `threads` fill the
 * machine's cores (see the module comment). Idempotent; returns whether they are set.
 */
export function compileOnTrialThreadsWhenSaturated(
  threads: number,
  cores = os.availableParallelism(),
  env = process.env,
  setFlags: (flag: string) => void = (flag) => v8.setFlagsFromString(flag),
): boolean {
  if (applied) return true;
  if (!compilesOnTrialThreads(threads, cores, env)) return false;
  for (const flag of SATURATED_POOL_V8_FLAGS) setFlags(flag);
  applied = true;
  return true;
}
