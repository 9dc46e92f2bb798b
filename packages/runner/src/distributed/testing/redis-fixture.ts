/** One redis-server per test file, or a skip that says why (never a stub). */
import { afterAll, beforeAll } from 'vitest';
import { findRedisServer, startRedisServer, type RedisServer, type RedisServerOptions } from './redis-server.js';

export const HAS_REDIS = findRedisServer() !== undefined;

/** Starts a redis-server before the file's tests and stops it after; `server()` returns it. */
export function useRedisServer(options: RedisServerOptions = {}): () => RedisServer {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    if (HAS_REDIS) server = await startRedisServer(options);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return () => {
    if (!server) throw new Error('redis-server did not start');
    return server;
  };
}
