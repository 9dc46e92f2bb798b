import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandModule } from 'yargs';
import type { SweepReader } from '@loopsweep/store';
import { withJson, type GlobalArgs } from '../options.js';
import { out, outJson, outJsonLine } from '../output.js';
import { LiveBlock } from '../progress/live-block.js';
import { progressLines } from '../progress/progress-view.js';
import { formatConsidered, formatHypervolume } from '../front.js';
import { requireSweep, specParamNames, withReader } from '../reader.js';
import { readStatus, type StatusSnapshot } from '../status-snapshot.js';
import type { AgentsView } from '../distributed/agents-view.js';
import { withQueue, type QueueArgs } from '../distributed/queue-options.js';
import { recordedQueue } from '../distributed/recorded-queue.js';

interface StatusArgs extends GlobalArgs, QueueArgs {
  readonly sweep: string | undefined;
  readonly watch: boolean | undefined;
  readonly interval: number;
  readonly json: boolean;
}

export const statusCommand: CommandModule<GlobalArgs, StatusArgs> = {
  command: 'status [sweep]',
  describe: 'Counts, running trials and the best so far of a sweep (default: the latest); live while it runs',
  builder: (y) =>
    withJson(
      withQueue(y, 'List the agents of this queue (default: the queue the sweep ran through, if any; password from LOOPSWEEP_REDIS_PASSWORD)')
        .positional('sweep', { type: 'string', describe: 'Sweep name (default: the running one, else the latest)' })
        .option('watch', { alias: 'w', type: 'boolean', describe: 'Refresh every second until the sweep finishes (default on a terminal while it runs)' })
        .option('interval', { type: 'number', default: 1, describe: 'Seconds between refreshes with --watch', hidden: true }),
    ),
  handler: async (argv) => {
    await withReader(argv.db, async (reader) => {
      const name = argv.sweep ?? defaultSweep(reader);
      if (name === undefined) return out(argv.json ? JSON.stringify({ sweep: null }) : `no sweeps in ${argv.db}; start one with \`sweep run <spec>\``);
      const sweep = requireSweep(reader, name, argv.db);
      const order = specParamNames(sweep);
      let snapshot = readStatus(reader, sweep);
      // Only a sweep that ran through a queue (or --queue) loads the runner and reaches Redis.
      const recorded = argv.queue === undefined ? recordedQueue(reader, name) : undefined;
      const view = argv.queue !== undefined || recorded ? await import('../distributed/agents-view.js') : undefined;
      const queue = view?.statusQueue(argv.queue, argv.queueName, recorded);
      let agents = queue && view ? await view.readAgentsView(queue) : undefined;
      const lines = (s: StatusSnapshot) => statusLines(s, order, agents, view?.agentsLines);
      const tty = process.stdout.isTTY === true && process.env['TERM'] !== 'dumb';
      const watch = argv.watch ?? (tty && !argv.json && snapshot.status === 'running');
      if (!watch) return argv.json ? outJson(withAgents(snapshot, agents)) : out(lines(snapshot).join('\n'));

      const block = tty && !argv.json ? new LiveBlock(process.stdout) : undefined;
      let previous = '';
      for (;;) {
        const key = changeKey(snapshot);
        if (block) block.draw(lines(snapshot));
        else if (key !== previous) {
          if (argv.json) outJsonLine(withAgents(snapshot, agents));
          else out(`${lines(snapshot).join('\n')}\n`);
        }
        previous = key;
        if (snapshot.status !== 'running') return;
        await sleep(Math.max(0.05, argv.interval) * 1000);
        snapshot = readStatus(reader, sweep);
        if (queue && view) agents = await view.readAgentsView(queue);
      }
    });
  },
};

/** The running sweep created last, else the sweep created last. */
function defaultSweep(reader: SweepReader): string | undefined {
  const sweeps = [...reader.listSweeps()].sort((a, b) => b.createdAt - a.createdAt);
  return (sweeps.find((s) => s.status === 'running') ?? sweeps[0])?.name;
}

function statusLines(
  snapshot: StatusSnapshot,
  order: readonly string[],
  agents: AgentsView | undefined,
  agentsLines: ((view: AgentsView) => string[]) | undefined,
): string[] {
  const lines = withFront(progressLines(snapshot, order), snapshot);
  return agents && agentsLines ? [...lines, ...agentsLines(agents)] : lines;
}

/** A multi-objective or constrained sweep's front line, after the best line. */
function withFront(lines: string[], snapshot: StatusSnapshot): string[] {
  const front = snapshot.front;
  if (front === undefined) return lines;
  const at = lines.findIndex((line) => line.startsWith('  best ')) + 1 || lines.length;
  const line =
    front.objectives.length === 1
      ? `  feasible ${front.considered - front.infeasible} of ${formatConsidered(front)}`
      : `  front    ${front.size} ${front.size === 1 ? 'trial' : 'trials'} on the Pareto front, ${formatHypervolume(front)}; ${formatConsidered(front)}`;
  return [...lines.slice(0, at), line, ...lines.slice(at)];
}

function withAgents(snapshot: StatusSnapshot, agents: AgentsView | undefined): StatusSnapshot | (StatusSnapshot & { agents: AgentsView }) {
  return agents ? { ...snapshot, agents } : snapshot;
}

/** What a plain (non-terminal) watcher prints again only when it changed. */
function changeKey(s: StatusSnapshot): string {
  return JSON.stringify([s.status, s.counts, s.best?.number, s.front?.hypervolume, s.running.map((r) => [r.number, r.step])]);
}
