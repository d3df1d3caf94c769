import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../shared/errors.js';
import type { Actor } from './actor.js';
import type { TokenAuthenticator } from './tokens.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin on every authenticated route. */
    actor: Actor;
  }
}

const REALM = 'Bearer realm="orderly"';

/**
 * Requires `Authorization: Bearer <token>` on every route of the scope it is registered in.
 * Failures are 401 with WWW-Authenticate (RFC 6750); the token itself is never logged.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: { tokens: TokenAuthenticator }) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (!header) {
        throw new AppError(
          'unauthorized',
          'Send an API token as "Authorization: Bearer <token>".',
          undefined,
          {
            'www-authenticate': REALM,
          },
        );
      }
      const match = /^Bearer +(\S+) *$/i.exec(header);
      const actor = match?.[1] ? await options.tokens.authenticate(match[1]) : undefined;
      if (!actor) {
        request.log.info({ scheme: header.split(' ')[0]?.slice(0, 20) }, 'authentication failed');
        throw new AppError('unauthorized', 'The token is invalid, expired or revoked.', undefined, {
          'www-authenticate': `${REALM}, error="invalid_token"`,
        });
      }
      request.actor = actor;
    });
  },
  { name: 'auth' },
);
