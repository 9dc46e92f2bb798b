/**
 * Agents announce themselves in one Redis hash per queue, so that coordinators know how many
 * trials to keep queued and `sweep status` can list them.
 */
import type { Redis } from 'ioredis';
import { agentsKey } from './keys.js';
import { QueueError } from './queue-error.js';

export interface AgentRunningTrial {
  readonly sweep: string;
  readonly trial: number;
  readonly attempt: number;
  /** Epoch ms. */
  readonly since: number;
}

export interface AgentInfo {
  readonly name: string;
  readonly host: string;
  readonly pid: number;
  /** Random per process: tells a restarted agent of the same name from the old one. */
  readonly instance: string;
  readonly slots: number;
  /** The agent's pool, e.g. "2 worker threads (wasm)". */
  readonly description: string;
  readonly running: readonly AgentRunningTrial[];
  /** Epoch ms. */
  readonly startedAt: number;
  /** Epoch ms of the last heartbeat. */
  readonly lastSeen: number;
}

/** An agent silent for this long counts as gone (its heartbeat runs every 2 s). */
export const AGENT_STALE_MS = 10_000;

/** Entries of agents silent for a day are dropped (a killed agent cannot remove its own). */
const FORGET_MS = 24 * 60 * 60 * 1000;

/** Every agent that registered on the queue, live or not, sorted by name. */
export async function readAgents(client: Redis, queue: string): Promise<AgentInfo[]> {
  const entries = await client.hgetall(agentsKey(queue));
  const agents = Object.values(entries).flatMap((text) => parseAgent(text) ?? []);
  return agents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function isAgentLive(agent: AgentInfo, now = Date.now()): boolean {
  return now - agent.lastSeen < AGENT_STALE_MS;
}

export async function writeAgent(client: Redis, queue: string, info: AgentInfo): Promise<void> {
  await client.hset(agentsKey(queue), info.name, JSON.stringify(info));
}

export async function removeAgent(client: Redis, queue: string, name: string): Promise<void> {
  await client.hdel(agentsKey(queue), name);
}

/** Drops entries of agents gone for a day. */
export async function forgetOldAgents(client: Redis, queue: string, now = Date.now()): Promise<void> {
  const old = (await readAgents(client, queue)).filter((agent) => now - agent.lastSeen > FORGET_MS).map((agent) => agent.name);
  if (old.length > 0) await client.hdel(agentsKey(queue), ...old);
}

/**
 * @throws {QueueError} 'agent-name' when a live agent other than `instance` is registered as `name`.
 */
export async function checkNameFree(client: Redis, queue: string, name: string, instance: string, now = Date.now()): Promise<void> {
  const other = parseAgent(await client.hget(agentsKey(queue), name));
  if (other && other.instance !== instance && isAgentLive(other, now)) {
    throw new QueueError(
      'agent-name',
      `an agent named '${name}' already serves queue '${queue}' (pid ${other.pid} on ${other.host}, seen ${Math.round((now - other.lastSeen) / 1000)} s ago)`,
      `give this one another --name, or stop that one first (a killed agent's name is free ${AGENT_STALE_MS / 1000} s after its last heartbeat)`,
    );
  }
}

function parseAgent(text: string | null): AgentInfo | undefined {
  try {
    return text ? (JSON.parse(text) as AgentInfo) : undefined;
  } catch {
    return undefined; // not ours (someone wrote the key by hand)
  }
}
