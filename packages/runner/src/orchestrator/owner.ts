import { randomBytes } from 'node:crypto';
import os from 'node:os';

/**
 * Who runs a trial: `host:pid:token`. The token tells two runs of the same pid apart; host and pid
 * let `sweep resume` on the same machine see at once that the owner of a RUNNING trial is dead
 * (kill -9), without waiting for its heartbeat lease to run out.
 */
export function newOwner(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

export interface OwnerParts {
  readonly host: string;
  readonly pid: number;
}

export function parseOwner(owner: string): OwnerParts | undefined {
  const match = /^(.*):(\d+):[0-9a-f]+$/.exec(owner);
  return match ? { host: match[1] as string, pid: Number(match[2]) } : undefined;
}

/**
 * 'dead' when the owner ran on this host and its process is gone; 'alive' when that process
 * exists; 'unknown' for another host (then only the heartbeat lease can tell).
 */
export function ownerLiveness(owner: string): 'alive' | 'dead' | 'unknown' {
  const parts = parseOwner(owner);
  if (!parts || parts.host !== os.hostname()) return 'unknown';
  try {
    process.kill(parts.pid, 0);
    return 'alive';
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? 'alive' : 'dead';
  }
}
