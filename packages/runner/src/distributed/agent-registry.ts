/**
 * Agents announce themselves in one Redis hash per queue, so that coordinators know how many
 * trials to keep queued and `sweep status` can list them.
 */
import type { Redis } from 'ioredis';
import { agentsKey } from './keys.js';

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
  const agents: AgentInfo[] = [];
  for (const text of Object.values(entries)) {
    try {
      agents.push(JSON.parse(text) as AgentInfo);
    } catch {
      // Not ours (someone wrote the key by hand): skipped rather than failing status.
    }
  }
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
