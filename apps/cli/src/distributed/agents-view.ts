/** The agents part of `sweep status`: who serves the sweep's queue, with what, and when last seen. */
import { isAgentLive, listAgents, type AgentInfo, type QueueTarget } from '@loopsweep/runner';
import { formatDuration } from '../format/duration.js';
import { formatTable } from '../format/table.js';
import { queueTarget } from './queue-target-arg.js';
import { withoutPlaceholder, type RecordedQueue } from './recorded-queue.js';

export type AgentsView =
  | { readonly queue: string; readonly url: string; readonly agents: readonly AgentInfo[] }
  | { readonly queue: string; readonly url: string; readonly error: string };

/**
 * The queue to show: `--queue` when given, else the one the sweep recorded (its URL carries no
 * password; LOOPSWEEP_REDIS_PASSWORD supplies one). Undefined for a sweep that never used a queue.
 */
export function statusQueue(url: string | undefined, name: string | undefined, recorded: RecordedQueue | undefined): QueueTarget | undefined {
  if (url !== undefined) return queueTarget(url, name);
  return recorded ? queueTarget(withoutPlaceholder(recorded.redactedUrl), recorded.name) : undefined;
}

/** Reads the agents; a queue that does not answer becomes a line saying so, never a failed status. */
export async function readAgentsView(target: QueueTarget): Promise<AgentsView> {
  try {
    return { queue: target.name, url: target.redactedUrl, agents: await listAgents(target) };
  } catch (error) {
    const hint = (error as { hint?: string }).hint;
    return { queue: target.name, url: target.redactedUrl, error: `${(error as Error).message}${hint ? ` (${hint})` : ''}` };
  }
}

export function agentsLines(view: AgentsView, now = Date.now()): string[] {
  const title = `agents on queue '${view.queue}' at ${view.url}`;
  if ('error' in view) return [`${title}: unknown, ${view.error}`];
  if (view.agents.length === 0) return [`${title}: none yet; start one with \`sweep agent --queue ${view.url}\``];
  const table = formatTable(
    view.agents,
    [
      { header: 'name', cell: (a) => a.name },
      { header: 'host', cell: (a) => a.host },
      { header: 'slots', cell: (a) => String(a.slots), align: 'right' },
      { header: 'running', cell: (a) => (a.running.length === 0 ? '—' : a.running.map((r) => `${r.sweep}#${r.trial}`).join(' ')) },
      { header: 'last seen', cell: (a) => `${formatDuration((now - a.lastSeen) / 1000)} ago${isAgentLive(a, now) ? '' : ' (gone)'}` },
    ],
    '  ',
  );
  return [`${title}:`, table];
}
