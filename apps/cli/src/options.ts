import { inspect } from 'node:util';
import type { Argv } from 'yargs';
import { UsageError } from './errors.js';

/** Options every command has. */
export interface GlobalArgs {
  readonly db: string;
}

/** Adds `--json` to a read command. */
export function withJson<T>(y: Argv<T>): Argv<T & { json: boolean }> {
  return y.option('json', { type: 'boolean', default: false, describe: 'Print machine-readable JSON instead of text' });
}

/** `--parallel` and `--devices` of run and resume. */
export function withExecution<T>(y: Argv<T>): Argv<T & { parallel: number | undefined; devices: string | undefined; verbose: boolean }> {
  return y
    .option('parallel', { alias: 'p', type: 'number', describe: "Trials at once (default: the spec's budget.parallel, else one per CPU core)" })
    .option('devices', {
      type: 'string',
      describe: 'Where trials run: wasm:2, cpu:2, webgpu:2, auto:2, gpu:0,gpu:1, process:wasm:2, or a plain number (default wasm:<parallel>)',
    })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: "Print the objectives' log lines (backend, dataset) to stderr" })
    .check((argv) => {
      const parallel = (argv as { parallel?: unknown }).parallel;
      // With --queue, 0 is allowed: this machine coordinates and runs no trial itself.
      const least = (argv as { queue?: unknown }).queue !== undefined ? 0 : 1;
      if (parallel === 0 && least === 1) {
        throw new UsageError(
          '--parallel must be a whole number ≥ 1, got 0',
          '--parallel 0 (no trials on this machine) is for a coordinator: add --queue redis://host:6379 and start agents with `sweep agent`',
        );
      }
      if (parallel !== undefined && !(typeof parallel === 'number' && Number.isInteger(parallel) && parallel >= least)) {
        throw new UsageError(`--parallel must be a whole number ≥ ${least}, got ${inspect(parallel)}`);
      }
      return true;
    });
}
