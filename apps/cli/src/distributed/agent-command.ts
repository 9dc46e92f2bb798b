/**
 * `sweep agent`: serves a queue until Ctrl-C. The first Ctrl-C stops taking jobs and lets the
 * running trials finish; the second cancels them (their coordinators queue them again).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TrialOutcome, TrialTask } from '@loopsweep/core';
import { createExecutor, startAgent, type AgentEvent } from '@loopsweep/runner';
import type { AgentArgs } from '../commands/agent.js';
import { deviceSlots } from '../devices.js';
import { EXIT, UsageError } from '../errors.js';
import { formatNumber } from '../format/value.js';
import { asUsageError, queueTarget } from './queue-target-arg.js';
import { throttled } from './coordinator.js';

export async function runAgentCommand(argv: AgentArgs): Promise<number> {
  const url = argv.queue ?? process.env['LOOPSWEEP_QUEUE'];
  if (url === undefined || url === '')
    throw new UsageError('sweep agent needs --queue', 'e.g. sweep agent --queue redis://redis-host:6379 (or set LOOPSWEEP_QUEUE)');
  const target = queueTarget(url, argv.queueName);
  const slots = deviceSlots(argv.devices, argv.concurrency ?? os.availableParallelism());
  const allowed = argv.allowObjective.map((file) => checkModule(file));
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const warn = throttled((line: string) => process.stderr.write(`${line}\n`));

  const pool = createExecutor(slots);
  let agent;
  try {
    agent = await startAgent({
      target,
      executor: pool,
      ...(argv.name !== undefined ? { name: argv.name } : {}),
      allowObjectives: allowed,
      lockMs: argv.lockMs,
      onEvent: (event) => describeEvent(event, argv.verbose, say, warn),
    });
  } catch (error) {
    await pool.close();
    throw asUsageError(error);
  }
  say(`agent ${agent.name}: ${pool.description}, taking trials from queue '${target.name}' at ${target.redactedUrl}; Ctrl-C to stop`);

  let presses = 0;
  let closing: Promise<void> | undefined;
  const stopped = new Promise<number>((resolve) => {
    const handler = () => {
      presses += 1;
      if (presses === 1) {
        say('stopping: taking no new trials, waiting for the running ones (Ctrl-C again to cancel them: they go back to their sweeps)');
        closing = agent.close();
        void closing.then(() => resolve(EXIT.ok));
      } else if (presses === 2) {
        say('cancelling the running trials');
        void agent.close({ force: true }).then(() => resolve(EXIT.interrupted));
      } else {
        process.exit(EXIT.interrupted);
      }
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
  });
  const code = await stopped;
  await pool.close();
  return code;
}

/** An --allow-objective path: absolute, existing, a .js/.mjs module (as a spec would name it). */
function checkModule(file: string): string {
  const absolute = path.resolve(file);
  if (!/\.m?js$/.test(absolute))
    throw new UsageError(`--allow-objective ${file}: not a .js or .mjs module`, 'name the objective module file, as the spec does');
  if (!existsSync(absolute))
    throw new UsageError(`--allow-objective ${file}: no file at ${absolute}`, 'install the module on this machine at the path the coordinator names');
  return absolute;
}

function describeEvent(event: AgentEvent, verbose: boolean, say: (line: string) => void, warn: (line: string) => void): void {
  switch (event.type) {
    case 'started':
      if (verbose) say(`${label(event.task)} started (${event.run})`);
      return;
    case 'ended':
      say(`${label(event.task)} ${describeOutcome(event.outcome)}`);
      return;
    case 'refused':
      warn(`refused: ${event.reason}`);
      return;
    case 'error':
      warn(`redis: ${event.message}`);
      return;
    case 'notice':
      warn(event.message);
      return;
  }
}

function label(task: TrialTask): string {
  return `sweep ${task.sweepName} trial ${task.trialNumber}${task.attempt > 1 ? ` (attempt ${task.attempt})` : ''}`;
}

function describeOutcome(outcome: TrialOutcome): string {
  if (outcome.status === 'complete') return `COMPLETE${outcome.value !== undefined ? ` ${formatNumber(outcome.value)}` : ''}`;
  if (outcome.status === 'pruned') return 'PRUNED';
  return `${outcome.kind === 'cancelled' ? 'CANCELLED' : 'FAILED'} (${outcome.kind}: ${outcome.reason})`;
}
