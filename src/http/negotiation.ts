import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../shared/errors.js';
import { JSON_LD, JSON_LD_TAG } from './jsonld.js';

const JSON_ONLY = ['application/json', 'application/problem+json'];
// JSON first: `*/*` and ties get JSON.
const JSON_OR_LD = ['application/json', JSON_LD, 'application/problem+json'];

/**
 * Chooses the representation from Accept: JSON, or JSON-LD on the routes that offer it
 * (`config.jsonLd`). 406 when Accept allows none of them; problem details are sent regardless (RFC 9457).
 */
export const negotiationPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (request, _reply, done) => {
      const accept = request.headers.accept;
      if (!accept || accept === '*/*' || accept === 'application/json') return done();
      const offersLd = request.routeOptions.config.jsonLd !== undefined;
      const chosen = request.accepts().type(offersLd ? JSON_OR_LD : JSON_ONLY);
      if (!chosen) {
        return done(
          new AppError(
            'not_acceptable',
            offersLd
              ? `This resource is offered as application/json or ${JSON_LD}; accept one of them (or */*).`
              : 'This API answers with application/json; accept it (or */*).',
          ),
        );
      }
      if (chosen === JSON_LD) request.representationTag = JSON_LD_TAG;
      done();
    });
  },
  { name: 'negotiation', dependencies: ['json-ld'] },
);
