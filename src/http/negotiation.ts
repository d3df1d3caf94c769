import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../shared/errors.js';

/** 406 when an Accept header is sent and allows no JSON; problem details are sent regardless (RFC 9457). */
export const negotiationPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      const accept = request.headers.accept;
      if (!accept || accept === '*/*' || accept === 'application/json') return;
      if (!request.accepts().type(['application/json', 'application/problem+json'])) {
        throw new AppError('not_acceptable', 'This API answers with application/json; accept it (or */*).');
      }
    });
  },
  { name: 'negotiation' },
);
