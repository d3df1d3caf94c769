import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

// Zalando's allowed set for flow ids: anything else (or nothing) gets a fresh UUID.
const VALID_REQUEST_ID = /^[A-Za-z0-9/+_=-]{1,128}$/;

/** Fastify `genReqId`: the client's X-Request-ID when it is sane, else a new UUID. */
export function requestIdFrom(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : randomUUID();
}

/** Echoes the request id on every response, errors and 404s included. */
export const requestIdPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (request, reply, done) => {
      reply.header('x-request-id', request.id);
      done();
    });
  },
  { name: 'request-id' },
);
