import { describe, expect, it } from 'vitest';
import { QueueError } from './queue-error.js';
import { parseQueueTarget, redactUrl } from './queue-target.js';

function refusal(url: string, name?: string): QueueError {
  try {
    parseQueueTarget(url, name, {});
  } catch (error) {
    expect(error).toBeInstanceOf(QueueError);
    return error as QueueError;
  }
  throw new Error(`accepted ${url}`);
}

describe('parseQueueTarget', () => {
  it('reads host, port, database, user and password, and shows the URL only redacted', () => {
    const target = parseQueueTarget('redis://sweeper:s3cr%40t@redis.lab:6380/2', 'team-a', {});
    expect(target).toEqual({
      name: 'team-a',
      redactedUrl: 'redis://sweeper:***@redis.lab:6380/2',
      connection: { host: 'redis.lab', port: 6380, db: 2, username: 'sweeper', password: 's3cr@t' },
    });
  });

  it('defaults to port 6379, database 0 and the queue loopsweep', () => {
    expect(parseQueueTarget('redis://127.0.0.1', undefined, {})).toEqual({
      name: 'loopsweep',
      redactedUrl: 'redis://127.0.0.1',
      connection: { host: '127.0.0.1', port: 6379, db: 0 },
    });
  });

  it('turns TLS on for rediss://, checking the certificate against the host name', () => {
    expect(parseQueueTarget('rediss://:pw@redis.example.com:6390', undefined, {}).connection).toEqual({
      host: 'redis.example.com',
      port: 6390,
      db: 0,
      password: 'pw',
      tls: {},
    });
  });

  it('takes the password from LOOPSWEEP_REDIS_PASSWORD when the URL has none', () => {
    const target = parseQueueTarget('redis://10.0.0.5:6379', undefined, { LOOPSWEEP_REDIS_PASSWORD: 'from-env' });
    expect(target.connection.password).toBe('from-env');
    expect(target.redactedUrl).toBe('redis://:***@10.0.0.5:6379');
  });

  it.each([
    ['http://:hunter2@host', "--queue: 'http://:***@host' is not a Redis URL (it starts with http://)"],
    ['redis//host', "--queue: 'redis//host' is not a URL"],
    ['redis://:hunter2@host/x', "--queue: 'redis://:***@host/x': the path must be a database number, got '/x'"],
    ['redis://host?tls=true', "--queue: 'redis://host?tls=true' has options after the path; loopsweep reads none"],
    ['redis://:hunter2@host:99999', "--queue: 'redis://:***@host:99999' is not a URL"],
  ])('refuses %j, never showing the password', (url, message) => {
    const error = refusal(url);
    expect(error.message).toBe(message);
    expect(error.kind).toBe('url');
    expect(error.hint).toBe('use redis://[user:password@]host[:port][/db], or rediss://… for TLS');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses a queue name BullMQ cannot use', () => {
    expect(refusal('redis://host', 'a:b').message).toBe("--queue-name: 'a:b' is not a queue name");
  });
});

describe('redactUrl', () => {
  it('hides the passwords of URLs inside any text', () => {
    expect(redactUrl('connect to rediss://bob:pa:ss@h:1/0 failed; redis://:x@y ok')).toBe('connect to rediss://bob:***@h:1/0 failed; redis://:***@y ok');
    expect(redactUrl('redis://host:6379')).toBe('redis://host:6379');
    expect(redactUrl('redis://bob:p@ss@h')).toBe('redis://bob:***@h');
  });
});
