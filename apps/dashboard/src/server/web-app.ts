/**
 * The built web app at `/`: files only from its folder (@fastify/static refuses paths that leave
 * it), and index.html for any other non-API path so client-side routes survive a reload. API paths
 * that match no route get the API's JSON 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, notFound } from './api-error.js';

/** Where `npm run build` puts the web app: dist/web beside dist/server (or beside src/server in tests). */
export function defaultWebRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');
}

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function sendError(reply: FastifyReply, error: ApiError): FastifyReply {
  return reply.status(error.status).type('application/json; charset=utf-8').send(error.body());
}

export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const built = existsSync(path.join(webRoot, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'], dotfiles: 'deny' });
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (isApiPath(request.url))
      return sendError(reply, notFound(`no API route ${request.method} ${request.url.split('?')[0]}`, 'API.md lists the routes; all are GET under /api/'));
    if (!built)
      return sendError(
        reply,
        notFound(
          `the web app is not built (no ${path.join(webRoot, 'index.html')})`,
          'run `npm run build` at the repository root; the API under /api/ works without it',
        ),
      );
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendError(reply, notFound(`no route ${request.method} ${request.url}`));
    // A client-side route (/sweeps/x): the app's shell, which routes itself.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
}
