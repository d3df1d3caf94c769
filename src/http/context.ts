import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../auth/actor.js';
import type { Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    /** DEFAULT_CURRENCY: of new items, and of orders priced by hand that name none. */
    defaultCurrency: string;
  }
}

/** The domain context of an authenticated request: its changes commit in its transaction when it has one. */
export function ctxOf(request: FastifyRequest): Ctx {
  return { db: request.transaction ?? request.server.db, actor: request.actor };
}
