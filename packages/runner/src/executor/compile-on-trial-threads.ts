/**
 * Where V8 compiles optimized code when trial threads fill every core.
 *
 * V8 optimizes hot JavaScript on helper threads (concurrent recompilation). With one trial thread
 * on a 2-core machine those helpers run on the idle core for free; with as many trial threads as
 * cores they take their time from the trials, and they cost more CPU than compiling in place: over
 * the 8-trial `bench:pool` workload a trial thread's optimizing compiles took about 2.2 s of helper
 * CPU concurrently and about 1.1 s more of its own CPU when done on the thread itself. So when the
 * pool fills the cores, new threads compile on their own thread. The flag is process-wide and
 * affects isolates created after it is set (the worker threads), not the running main thread.
 */
import os from 'node:os';
import v8 from 'node:v8';

/** Set to 1 to keep V8's background compilation however many threads run. */
export const CONCURRENT_JIT_ENV = 'LOOPSWEEP_CONCURRENT_JIT';

/** Whether a pool of `threads` trial threads should compile on its own threads. */
export function compilesOnTrialThreads(threads: number, cores: number, env: NodeJS.ProcessEnv): boolean {
  return threads >= cores && env[CONCURRENT_JIT_ENV] !== '1';
}

let applied = false;

/**
 * Turns off V8's concurrent recompilation for threads started from now on, when `threads` fill the
 * machine's cores (see the module comment). Idempotent; returns whether it is off.
 */
export function compileOnTrialThreadsWhenSaturated(threads: number, cores = os.availableParallelism(), env = process.env): boolean {
  if (applied) return true;
  if (!compilesOnTrialThreads(threads, cores, env)) return false;
  v8.setFlagsFromString('--no-concurrent-recompilation');
  applied = true;
  return true;
}
