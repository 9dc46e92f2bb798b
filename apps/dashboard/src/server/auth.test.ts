/** The token: required on any bind but 127.0.0.1/::1/localhost, checked on every /api request. */
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody, SweepsResponse } from '../api/types.js';
import { startHarness } from '../test-support/server-harness.js';
import { generateToken, isLoopbackHost, presentedToken, tokenMatches } from './auth.js';

describe('isLoopbackHost', () => {
  it('is exactly 127.0.0.1, ::1 and localhost', () => {
    for (const host of ['127.0.0.1', '::1', 'localhost', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['127.0.0.2', '0.0.0.0', '::', '192.168.1.5', 'example.com', '']) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('tokens', () => {
  it('generates URL-safe, unguessable tokens', () => {
    const tokens = new Set(Array.from({ length: 50 }, generateToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('matches only the exact token', () => {
    expect(tokenMatches('a-token-of-some-length', 'a-token-of-some-length')).toBe(true);
    for (const wrong of [undefined, '', 'a-token-of-some-lengtH', 'a-token-of-some-length ', 'a-token'])
      expect(tokenMatches(wrong, 'a-token-of-some-length')).toBe(false);
  });

  it('reads a Bearer header before ?token=', () => {
    expect(presentedToken('Bearer abc', { token: 'xyz' })).toBe('abc');
    expect(presentedToken('bearer  abc ', {})).toBe('abc');
    expect(presentedToken(undefined, { token: 'xyz' })).toBe('xyz');
    expect(presentedToken('Basic abc', { token: ['xyz'] })).toBe('xyz');
    expect(presentedToken(undefined, {})).toBeUndefined();
  });
});

describe('a server bound to 127.0.0.2 (loopback range, but not a loopback name)', () => {
  it('generates a token, prints it in the URL, and refuses the API without it', async () => {
    const harness = await startHarness({ host: '127.0.0.2' });
    try {
      const { token, url, origin } = harness.server;
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(origin).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
      expect(url).toBe(`${origin}/?token=${token}`);
      for (const path of ['/api/health', '/api/sweeps', '/api/sweeps/strategies/trials', '/api/stream', '/api/sweeps/strategies/stream', '/api/nope']) {
        const { status, body } = await harness.get<ApiErrorBody>(path);
        expect(status, path).toBe(401);
        expect(body.error).toEqual({
          code: 'unauthorized',
          message: 'this dashboard needs its token',
          hint: 'open the URL `sweep dashboard` printed (it ends in ?token=…), or send `Authorization: Bearer <token>`',
        });
      }
      expect((await harness.get('/api/sweeps?token=wrong-token-wrong-token')).status).toBe(401);
      expect((await harness.get('/api/sweeps', { authorization: 'Bearer wrong' })).status).toBe(401);
      // With it: as a header, or in the query (EventSource's only way), which no route refuses as unknown.
      expect((await harness.get<SweepsResponse>('/api/sweeps', { authorization: `Bearer ${token}` })).body.sweeps).toHaveLength(3);
      expect((await harness.get<SweepsResponse>(`/api/sweeps?token=${token}`)).body.sweeps).toHaveLength(3);
      expect((await harness.get(`/api/sweeps/strategies/trials?state=COMPLETE&token=${token}`)).status).toBe(200);
      // The web app's files carry no data: they load without it (the app then sends the token).
      expect((await harness.get('/')).status).not.toBe(401);
    } finally {
      await harness.close();
    }
  });

  it('uses the token it is given', async () => {
    const harness = await startHarness({ host: '127.0.0.2', token: 'given-token-0123456789' });
    try {
      expect(harness.server.token).toBe('given-token-0123456789');
      expect((await harness.get('/api/health', { authorization: 'Bearer given-token-0123456789' })).status).toBe(200);
      expect((await harness.get('/api/health')).status).toBe(401);
    } finally {
      await harness.close();
    }
  });
});

describe('a server bound to 127.0.0.1', () => {
  it('needs no token, unless one is given', async () => {
    const open = await startHarness();
    try {
      expect(open.server.token).toBeUndefined();
      expect(open.server.url).toBe(`${open.server.origin}/`);
      expect((await open.get('/api/sweeps')).status).toBe(200);
    } finally {
      await open.close();
    }
    const guarded = await startHarness({ token: 'loopback-token-0123456789' });
    try {
      expect((await guarded.get('/api/sweeps')).status).toBe(401);
      expect((await guarded.get('/api/sweeps?token=loopback-token-0123456789')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
