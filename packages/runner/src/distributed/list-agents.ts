/** A one-off read of a queue's agents, for `sweep status`: fails fast instead of retrying. */
import { Redis } from 'ioredis';
import { readAgents, type AgentInfo } from './agent-registry.js';
import { QueueError } from './queue-error.js';
import { redactUrl, type QueueTarget } from './queue-target.js';

/**
 * Every agent registered on the queue (live or gone), sorted by name.
 * @throws {QueueError} 'unreachable' or 'auth' when Redis does not answer within `timeoutMs` or refuses the login.
 */
export async function listAgents(target: QueueTarget, timeoutMs = 2_000): Promise<AgentInfo[]> {
  const client = new Redis({
    ...target.connection,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The error event says why (NOAUTH, ECONNREFUSED); the rejected command only says the connection closed.
  let reason: Error | undefined;
  client.on('error', (error: Error) => (reason ??= error));
  try {
    await client.connect();
    return await readAgents(client, target.name);
  } catch (error) {
    const message = redactUrl((reason ?? (error as Error)).message);
    const kind = /NOAUTH|WRONGPASS|AUTH/i.test(message) ? 'auth' : 'unreachable';
    throw new QueueError(
      kind,
      `cannot read the agents of queue '${target.name}' at ${target.redactedUrl}: ${message}`,
      kind === 'auth' ? 'pass --queue with the password, or set LOOPSWEEP_REDIS_PASSWORD' : undefined,
      { cause: error },
    );
  } finally {
    client.disconnect();
  }
}
