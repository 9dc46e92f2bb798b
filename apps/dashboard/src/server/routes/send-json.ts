import type { FastifyReply } from 'fastify';

/** Sends JSON serialized once (and perhaps cached), skipping Fastify's serializer. */
export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
