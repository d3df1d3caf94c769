import compress from '@fastify/compress';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { publicOrigin } from './urls.js';

const ONE_YEAR_S = 31_536_000;

/**
 * Response headers every response carries, CORS for the listed origins only, and compression.
 * - A strict Content-Security-Policy: API responses are data, never pages; the docs pages set their own.
 * - HSTS only when we are served over HTTPS (PUBLIC_URL, or the request through a trusted proxy).
 * - CORS off unless CORS_ORIGINS lists origins; credentials (the session cookie) only for those.
 * - br/gzip for bodies over 1 KiB when the client asks for it (lists are the large responses).
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, options: { corsOrigins: string[] }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      hsts: false,
      referrerPolicy: { policy: 'no-referrer' },
      // The docs pages load only their own scripts; cross-origin isolation would add nothing here.
      crossOriginEmbedderPolicy: false,
    });
    app.addHook('onSend', async (request, reply) => {
      if (publicOrigin(request).startsWith('https:')) {
        reply.header('strict-transport-security', `max-age=${ONE_YEAR_S}; includeSubDomains`);
      }
    });
    if (options.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: options.corsOrigins,
        credentials: true,
        exposedHeaders: ['Location', 'X-Request-ID', 'X-API-Error-Code', 'Retry-After'],
        maxAge: 600,
      });
    }
    await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  },
  { name: 'security', dependencies: ['urls'] },
);
