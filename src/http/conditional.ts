import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';

/**
 * A strong ETag from a row's version (`updated_at`, which moves exactly when the row's content changes,
 * to the millisecond): the representation is never hashed.
 */
export function etagOf(version: Date): string {
  return `"${version.getTime().toString(36)}"`;
}

/** Sets the ETag of the one resource a response represents. */
export function withVersion<T>(reply: FastifyReply, version: Date, representation: T): T {
  reply.header('etag', etagOf(version));
  return representation;
}

/** Whether an If-None-Match header names `etag` (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** The 304 documented on a GET of one resource. */
export const NotModified = Type.Null({
  description: 'Not modified: the `If-None-Match` ETag is current. No body.',
});

/**
 * Conditional GET and HEAD (RFC 9110 §13): a response whose ETag the client already has becomes
 * 304 Not Modified, with its headers and no body. Register before compression.
 */
export const conditionalPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode !== 200 || (request.method !== 'GET' && request.method !== 'HEAD')) return payload;
      const etag = reply.getHeader('etag');
      const ifNoneMatch = request.headers['if-none-match'];
      if (typeof etag !== 'string' || !ifNoneMatch || !noneMatchHits(ifNoneMatch, etag)) return payload;
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    });
  },
  { name: 'conditional' },
);
