import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import type { Outbox } from '../notifications/outbox.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    outbox: Outbox;
  }
}

/** The domain context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.db, actor: request.actor, outbox: request.server.outbox };
}
