import compress from '@fastify/compress';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { publicOrigin } from './urls.js';

const ONE_YEAR_S = 31_536_000;

/**
 * The headers helmet would set, written out: @fastify/helmet cost a fifth of the throughput of a
 * cached GET and 115 MB of peak RSS under load (docs/performance.md), for what are constant strings.
 * API responses are data, never pages: their policy allows nothing (the docs pages set their own).
 */
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-dns-prefetch-control': 'off',
  'x-permitted-cross-domain-policies': 'none',
} as const;

const OVER_HTTPS = {
  ...SECURITY_HEADERS,
  'strict-transport-security': `max-age=${ONE_YEAR_S}; includeSubDomains`,
};

/**
 * Response headers every response carries, CORS for the listed origins only, and compression.
 * - SECURITY_HEADERS, a strict Content-Security-Policy among them.
 * - HSTS only when we are served over HTTPS (PUBLIC_URL, or the request through a trusted proxy).
 * - CORS off unless CORS_ORIGINS lists origins; credentials (the session cookie) only for those.
 * - br/gzip for bodies over 1 KiB when the client asks for it (lists are the large responses).
 */
export const securityPlugin = fp(
  async (app: FastifyInstance, options: { corsOrigins: string[] }) => {
    // A callback hook, not an async one: no promise per request for what are constant strings.
    app.addHook('onRequest', (request, reply, done) => {
      reply.headers(publicOrigin(request).startsWith('https:') ? OVER_HTTPS : SECURITY_HEADERS);
      done();
    });
    if (options.corsOrigins.length > 0) {
      await app.register(cors, {
        origin: options.corsOrigins,
        credentials: true,
        exposedHeaders: [
          'Location',
          'X-Request-ID',
          'X-API-Error-Code',
          'Retry-After',
          'RateLimit',
          'RateLimit-Policy',
          'ETag',
          'Idempotent-Replayed',
          'Deprecation',
          'Sunset',
          'Link',
        ],
        maxAge: 600,
      });
    }
    await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  },
  { name: 'security', dependencies: ['urls'] },
);
