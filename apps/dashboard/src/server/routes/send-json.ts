import type { FastifyReply } from 'fastify';

/** Sends JSON text serialized once (and perhaps cached), skipping Fastify's serializer. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
