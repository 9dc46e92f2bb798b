/**
 * Who may read the API. On a loopback bind only this machine's users reach the server, so no token
 * is needed unless one was given; on any other bind every /api request needs the token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The bind addresses that need no token (the list: exactly these, not all of 127.0.0.0/8). */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', '::1', 'localhost'];

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host.toLowerCase());
}

/** A fresh random token: 24 bytes, URL-safe, so it can sit in `?token=` unescaped. */
export function generateToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * Compares a presented token with the expected one in constant time. Both are hashed first so
 * the comparison never leaks the token's length either (timingSafeEqual needs equal lengths).
 */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The token a request carries: `Authorization: Bearer <token>`, else `?token=` (EventSource cannot set headers). */
export function presentedToken(authorization: string | undefined, query: unknown): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (bearer?.[1] !== undefined) return bearer[1];
  const token = (query as Record<string, unknown> | undefined)?.['token'];
  if (typeof token === 'string') return token;
  if (Array.isArray(token) && typeof token[0] === 'string') return token[0];
  return undefined;
}
