import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../http/context.js';
import type { OrdersCtx } from './orders.service.js';

/**
 * The context of a request that changes an order, and so may notify; the same in every API version (a
 * version's routes never import another's, so that one can be retired alone).
 */
export const ordersCtxOf = (request: FastifyRequest): OrdersCtx => ({
  ...ctxOf(request),
  outbox: request.server.outbox,
  defaultCurrency: request.server.defaultCurrency,
});
