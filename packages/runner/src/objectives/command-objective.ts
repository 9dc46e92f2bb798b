/**
 * The command objective (`objective: { command: [python3, train.py, --lr, "{lr}"] }`): each trial
 * runs the user's program as a child process, without a shell, and turns the JSON lines it prints
 * into `ctx.report` calls. It runs inside the same worker threads and process slots as every other
 * objective, so a device slot's environment (`CUDA_VISIBLE_DEVICES`) is already in `process.env`.
 */
import {
  DEFAULT_STOP_GRACE_SECONDS,
  placeholdersOf,
  type CommandObjective,
  type Objective,
  type ObjectiveContext,
  type ParamValue,
  type Params,
} from '@loopsweep/core';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CommandObjectiveError } from './command-error.js';
import { parseCommandLine } from './command-line.js';

/** The trial's facts that are not in `ctx`: what `{trial}` and `LOOPSWEEP_TRIAL` say. */
export interface CommandTrial {
  readonly trialNumber: number;
  readonly maxEpochs?: number;
}

/** How many stderr lines a failure reason quotes. */
const STDERR_LINES = 8;

/**
 * `value` as a command argument: numbers in JavaScript's shortest form that reads back as the same
 * double (Python's float() and int() parse it to the very value), booleans as true/false.
 */
export function formatPlaceholderValue(value: ParamValue): string {
  return typeof value === 'string' ? value : String(value);
}

/** The program's argv: every `{name}` replaced (validation made sure each has a value). */
export function commandArgs(command: readonly string[], values: Readonly<Record<string, string>>): string[] {
  return command.map((arg) =>
    placeholdersOf(arg).length === 0
      ? arg
      : arg.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
          const value = values[name];
          if (value === undefined) throw new CommandObjectiveError(`the command's '${whole}' has no value in this trial`);
          return value;
        }),
  );
}

/** The environment of the program: inherited, the spec's `env`, then the trial's LOOPSWEEP_*. */
export function commandEnv(objective: CommandObjective, params: Params, ctx: ObjectiveContext, trial: CommandTrial): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Python buffers stdout in a pipe, so reports would arrive in bursts at exit; a spec may say otherwise.
    PYTHONUNBUFFERED: '1',
    ...objective.env,
    LOOPSWEEP_PARAMS: JSON.stringify(params),
    LOOPSWEEP_TRIAL: String(trial.trialNumber),
    LOOPSWEEP_SEED: String(ctx.seed),
    LOOPSWEEP_ANSWERS: objective.answers ?? 'signal',
    ...(trial.maxEpochs !== undefined ? { LOOPSWEEP_MAX_EPOCHS: String(trial.maxEpochs) } : {}),
    ...(ctx.dataset !== undefined ? { LOOPSWEEP_DATASET: JSON.stringify(ctx.dataset) } : {}),
  };
}

/**
 * The objective that runs `objective` for one trial. Reports go through `ctx.report`, so pruning
 * is the same round trip as for a module objective. With `answers: stdin` the program reads
 * `{"stop": false}` or `{"stop": true}` after each report; otherwise a stop (prune or cancel) sends
 * SIGTERM, then SIGKILL after `grace` seconds.
 *
 * Resolves to the program's `{"final": {...}}` metrics, else its last report.
 * @throws {CommandObjectiveError} when the program cannot start, exits with a code other than 0,
 *   is killed, times out, or reports nothing; the message ends with its last stderr lines.
 * @throws an Error named DivergedError (code DIVERGED) when it reports NaN or ±Infinity.
 * @throws `ctx.signal.reason` when the trial was pruned or cancelled.
 */
export function commandObjective(objective: CommandObjective, trial: CommandTrial): Objective {
  return (params, ctx) => runCommand(objective, trial, params, ctx);
}

async function runCommand(objective: CommandObjective, trial: CommandTrial, params: Params, ctx: ObjectiveContext): Promise<Record<string, number>> {
  const values: Record<string, string> = { seed: String(ctx.seed), trial: String(trial.trialNumber) };
  if (trial.maxEpochs !== undefined) values['max_epochs'] = String(trial.maxEpochs);
  for (const [name, value] of Object.entries(params)) values[name] = formatPlaceholderValue(value);
  const [program = '', ...args] = commandArgs(objective.command, values);
  const stdinAnswers = objective.answers === 'stdin';
  const graceMs = (objective.grace ?? DEFAULT_STOP_GRACE_SECONDS) * 1000;
  ctx.signal?.throwIfAborted();

  const child = spawn(program, args, {
    cwd: objective.cwd,
    env: commandEnv(objective, params, ctx, trial),
    stdio: [stdinAnswers ? 'pipe' : 'ignore', 'pipe', 'pipe'],
  });
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new CommandObjectiveError('no pipes to the program'); // stdio is 'pipe' above
  let spawnError: Error | undefined;
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      spawnError = error;
      // A program that never started emits no 'close' on every Node version.
      if (child.pid === undefined) resolve({ code: null, signal: null });
    });
  });
  // A program that exits without reading its answers closes the pipe; that is not an error of ours.
  child.stdin?.on('error', () => {});

  const stderrTail: string[] = [];
  createInterface({ input: stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_LINES) stderrTail.shift();
  });

  const timers: NodeJS.Timeout[] = [];
  let stopping = false;
  const terminate = (delayMs = 0) => {
    if (stopping) return;
    stopping = true;
    const term = () => {
      child.kill('SIGTERM');
      timers.push(setTimeout(() => child.kill('SIGKILL'), graceMs).unref());
    };
    if (delayMs > 0) timers.push(setTimeout(term, delayMs).unref());
    else term();
  };
  // A program that reads its answers is told to stop and given `grace` to do so; any other gets SIGTERM.
  const onAbort = () => terminate(stdinAnswers && isPrune(ctx.signal?.reason) ? graceMs : 0);
  ctx.signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  if (objective.timeout !== undefined) {
    timers.push(
      setTimeout(() => {
        timedOut = true;
        terminate();
      }, objective.timeout * 1000).unref(),
    );
  }

  let last: Record<string, number> | undefined;
  let final: Record<string, number> | undefined;
  let diverged: string | undefined;
  try {
    for await (const line of createInterface({ input: stdout })) {
      const parsed = parseCommandLine(line);
      if (parsed.kind === 'log') {
        ctx.log?.(line);
        continue;
      }
      // After a stop nothing more is reported: the trial ends at the step the pruner named.
      if (ctx.signal?.aborted || diverged !== undefined) continue;
      if (parsed.kind === 'final') {
        final = { ...parsed.metrics };
        continue;
      }
      const bad = Object.entries(parsed.metrics).find(([, value]) => !Number.isFinite(value));
      if (bad) {
        diverged = `the program reported ${bad[0]} = ${bad[1]} at step ${parsed.step}`;
        terminate();
        continue;
      }
      last = { ...parsed.metrics };
      await ctx.report(parsed.step, parsed.metrics);
      if (stdinAnswers && child.stdin?.writable) {
        const stop = ctx.signal?.aborted === true;
        child.stdin.write(`${JSON.stringify({ stop })}\n`);
        if (stop) child.stdin.end();
      }
    }
    const { code, signal } = await closed;
    ctx.signal?.throwIfAborted();
    const stderr = stderrTail.length > 0 ? `; its last stderr lines:\n${stderrTail.join('\n')}` : '; it wrote nothing to stderr';
    if (spawnError) throw new CommandObjectiveError(`cannot start '${program}': ${spawnError.message}`);
    if (diverged !== undefined) throw Object.assign(new Error(diverged), { name: 'DivergedError', code: 'DIVERGED' });
    if (timedOut) throw new CommandObjectiveError(`'${program}' ran past its timeout of ${objective.timeout}s${stderr}`);
    if (signal !== null) throw new CommandObjectiveError(`'${program}' was killed by ${signal}${stderr}`);
    if (code !== 0) throw new CommandObjectiveError(`'${program}' exited with code ${code}${stderr}`);
    const result = final ?? last;
    if (result === undefined) {
      throw new CommandObjectiveError(
        `'${program}' exited without reporting; print a JSON line such as {"step": 1, "val_accuracy": 0.9} for each step${stderr}`,
      );
    }
    return result;
  } finally {
    ctx.signal?.removeEventListener('abort', onAbort);
    // Whatever ended the trial (an exception in a report included), the program does not outlive it.
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      terminate();
      await closed;
    }
    for (const timer of timers) clearTimeout(timer);
  }
}

function isPrune(reason: unknown): boolean {
  return (
    typeof reason === 'object' &&
    reason !== null &&
    ((reason as { code?: unknown }).code === 'TRIAL_PRUNED' || (reason as { name?: unknown }).name === 'TrialPrunedError')
  );
}
