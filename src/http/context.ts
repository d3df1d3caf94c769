import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../auth/actor.js';
import type { Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
  }
}

/** The domain context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.server.db, actor: request.actor };
}
