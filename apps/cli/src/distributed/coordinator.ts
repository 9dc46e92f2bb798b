/**
 * `sweep run|resume --queue`: the orchestrator's executor becomes the queue, and, unless
 * `--parallel 0`, this machine also serves the queue with a local agent on its own pool.
 */
import type { ReportListener, TrialExecutor, TrialHandle, TrialTask } from '@loopsweep/core';
import { QueueExecutor, createExecutor, startAgent, type Agent, type DeviceSlots, type QueueTarget } from '@loopsweep/runner';
import { asUsageError } from './queue-target-arg.js';

/** The queue plus the local agent and pool it may own; close() ends all three. */
class CoordinatorExecutor implements TrialExecutor {
  constructor(
    private readonly queue: QueueExecutor,
    private readonly local: { readonly agent: Agent; readonly pool: TrialExecutor } | undefined,
  ) {}

  get slots(): number {
    return this.queue.slots;
  }

  get description(): string {
    return this.local ? `${this.queue.description}; a local agent runs ${this.local.pool.description}` : `${this.queue.description}; no local trials`;
  }

  start(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): TrialHandle {
    return this.queue.start(task, onReport, onLog);
  }

  reattach(task: TrialTask, onReport: ReportListener, onLog?: (line: string) => void): Promise<TrialHandle | undefined> {
    return this.queue.reattach(task, onReport, onLog);
  }

  async close(): Promise<void> {
    await this.queue.close();
    // The sweep is over (or being aborted): trials the local agent still runs belong to other sweeps
    // sharing the queue, and go back to them as cancelled.
    await this.local?.agent.close({ force: true });
    await this.local?.pool.close();
  }
}

export interface CoordinatorOptions {
  readonly target: QueueTarget;
  /** The local agent's slots; undefined for `--parallel 0`. */
  readonly localSlots: DeviceSlots | undefined;
  /** The sweep's resolved objective: the local agent may run it even when it is a module. */
  readonly objective: string;
  readonly say: (line: string) => void;
}

/** @throws {UsageError} when the queue cannot be reached or refuses the login. */
export async function openCoordinator(options: CoordinatorOptions): Promise<TrialExecutor> {
  const sayOnce = throttled(options.say);
  let local: { agent: Agent; pool: TrialExecutor } | undefined;
  try {
    if (options.localSlots) {
      const pool = createExecutor(options.localSlots);
      try {
        // Started first, so that the queue counts its slots from the first trial on.
        const agent = await startAgent({
          target: options.target,
          executor: pool,
          allowObjectives: [options.objective],
          onEvent: (event) => event.type === 'error' && sayOnce(`redis: ${event.message}`),
        });
        local = { agent, pool };
      } catch (error) {
        await pool.close();
        throw error;
      }
    }
    const queue = await QueueExecutor.open({ target: options.target, onError: (message) => sayOnce(`redis: ${message}`), onNotice: options.say });
    return new CoordinatorExecutor(queue, local);
  } catch (error) {
    await local?.agent.close({ force: true });
    await local?.pool.close();
    throw asUsageError(error);
  }
}

/** Says each distinct line at most once per 10 s: a Redis outage repeats its error on every retry. */
export function throttled(say: (line: string) => void, everyMs = 10_000): (line: string) => void {
  const last = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if (now - (last.get(line) ?? Number.NEGATIVE_INFINITY) < everyMs) return;
    last.set(line, now);
    say(line);
  };
}
