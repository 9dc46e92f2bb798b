/** Redis connections of coordinators and agents, and the check that a queue answers at all. */
import { Redis } from 'ioredis';
import { QueueError } from './queue-error.js';
import { redactUrl, type QueueTarget } from './queue-target.js';

/**
 * A connection that retries forever: after a Redis restart both sides carry on where they were.
 * `maxRetriesPerRequest: null` makes commands wait for the reconnection instead of failing
 * (BullMQ requires it for workers and event listeners). Errors go to `onError`, redacted.
 */
export function openRedis(target: QueueTarget, onError: (message: string) => void): Redis {
  const client = new Redis({ ...target.connection, maxRetriesPerRequest: null });
  client.on('error', (error: Error) => onError(redactUrl(error.message)));
  return client;
}

/** BullMQ's connection options for the queue: the same as openRedis without sharing the client. */
export function bullConnection(target: QueueTarget): Record<string, unknown> {
  return { ...target.connection, maxRetriesPerRequest: null };
}

/**
 * Connects once, without retrying, and PINGs, so that a wrong host, port or password is reported
 * at once instead of being retried forever.
 * @throws {QueueError} 'unreachable' or 'auth', with the redacted URL and what to check.
 */
export async function checkReachable(target: QueueTarget, timeoutMs = 5_000): Promise<void> {
  const client = new Redis({
    ...target.connection,
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // The error event says why (NOAUTH, ECONNREFUSED); the rejected command only says the connection closed.
  let reason: Error | undefined;
  client.on('error', (error: Error) => (reason ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const message = redactUrl((reason ?? (error as Error)).message);
    if (/NOAUTH|WRONGPASS|invalid password|invalid username|AUTH/i.test(message)) {
      throw new QueueError(
        'auth',
        `Redis at ${target.redactedUrl} refused the login: ${message}`,
        'check the user and password in the URL, or set LOOPSWEEP_REDIS_PASSWORD',
        { cause: error },
      );
    }
    throw new QueueError(
      'unreachable',
      `cannot reach Redis at ${target.redactedUrl}: ${message}`,
      'is redis-server running there and listening on that address (bind, protected-mode)? For rediss:// the server must speak TLS; a private CA goes in NODE_EXTRA_CA_CERTS',
      { cause: error },
    );
  } finally {
    client.disconnect();
  }
}
