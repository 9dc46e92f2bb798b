/**
 * Where a distributed sweep's queue lives: a Redis URL (`redis://` or `rediss://` for TLS, with an
 * optional user and password) and a BullMQ queue name. The password is kept only in the ioredis
 * options; everything that is printed, logged or stored uses `redactedUrl`.
 */
import type { RedisOptions } from 'ioredis';
import { QueueError } from './queue-error.js';

/** The queue every sweep and agent uses unless told otherwise; sweeps share it (jobs carry their sweep). */
export const DEFAULT_QUEUE_NAME = 'loopsweep';

/** Read when the URL has no password, so that it need not appear on a command line (`ps` shows those). */
export const PASSWORD_ENV = 'LOOPSWEEP_REDIS_PASSWORD';

export interface QueueTarget {
  /** ioredis options: host, port, db, username, password, tls. */
  readonly connection: Readonly<RedisOptions>;
  /** The BullMQ queue name. */
  readonly name: string;
  /** The URL with any password replaced by `***`: the only form that is ever printed or stored. */
  readonly redactedUrl: string;
}

const FORM = 'use redis://[user:password@]host[:port][/db], or rediss://… for TLS';

/**
 * Replaces the password of any `scheme://user:password@` in `text` by `***` (also in URLs too broken to parse).
 * Why a pattern and not URL parsing: error messages of drivers embed URLs in free text.
 */
export function redactUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:@/\s]*):([^\s]*)@/gi, '$1:***@');
}

/**
 * Reads a --queue URL and queue name.
 * @param env where `LOOPSWEEP_REDIS_PASSWORD` is looked up (default process.env).
 * @throws {QueueError} kind 'url', naming what is wrong (the URL redacted) and the form that works.
 */
export function parseQueueTarget(url: string, name: string = DEFAULT_QUEUE_NAME, env: NodeJS.ProcessEnv = process.env): QueueTarget {
  const shown = redactUrl(url.trim());
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new QueueError('url', `--queue: '${shown}' is not a URL`, FORM);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueError('url', `--queue: '${shown}' is not a Redis URL (it starts with ${parsed.protocol}//)`, FORM);
  }
  if (parsed.hostname === '') throw new QueueError('url', `--queue: '${shown}' names no host`, FORM);
  const port = parsed.port === '' ? 6379 : Number(parsed.port);
  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d+$/.test(dbText)) throw new QueueError('url', `--queue: '${shown}': the path must be a database number, got '/${dbText}'`, FORM);
  if (parsed.search !== '' || parsed.hash !== '') throw new QueueError('url', `--queue: '${shown}' has options after the path; loopsweep reads none`, FORM);
  checkQueueName(name);
  const username = decodeURIComponent(parsed.username);
  const password = parsed.password !== '' ? decodeURIComponent(parsed.password) : env[PASSWORD_ENV] || undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const tls = parsed.protocol === 'rediss:';
  const connection: RedisOptions = {
    host,
    port,
    db: dbText === '' ? 0 : Number(dbText),
    ...(username !== '' ? { username } : {}),
    ...(password !== undefined ? { password } : {}),
    // Node checks the server certificate against the host name, with its trust store (plus
    // NODE_EXTRA_CA_CERTS for a private CA).
    ...(tls ? { tls: {} } : {}),
  };
  const auth = username !== '' || password !== undefined ? `${username}${password !== undefined ? ':***' : ''}@` : '';
  const redactedUrl = `${parsed.protocol}//${auth}${parsed.host}${dbText !== '' ? `/${dbText}` : ''}`;
  return { connection, name, redactedUrl };
}

/** @throws {QueueError} kind 'url' unless a BullMQ-safe queue name (letters, digits, '.', '_', '-'). */
export function checkQueueName(name: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new QueueError('url', `--queue-name: '${name}' is not a queue name`, "use letters, digits, '.', '_' and '-', e.g. loopsweep or team-a");
  }
  return name;
}
