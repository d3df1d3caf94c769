import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: string | undefined;
  }
}

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

// One origin per request, however many links its response holds.
const origins = new WeakMap<FastifyRequest, string>();

/**
 * The origin clients reach us at: PUBLIC_URL when set, else the request's scheme and host
 * (X-Forwarded-Proto/Host count only with TRUST_PROXY). A malformed Host never reaches a link.
 */
export function publicOrigin(request: FastifyRequest): string {
  if (request.server.publicUrl) return request.server.publicUrl;
  let origin = origins.get(request);
  if (origin === undefined) {
    const host = SAFE_HOST.test(request.host) ? request.host : 'localhost';
    // Through URL so a default port (":80" on http) is dropped, as in the pagination links.
    origin = new URL(`${request.protocol}://${host}`).origin;
    origins.set(request, origin);
  }
  return origin;
}

/** Absolute URL of a path on this API, e.g. `absoluteUrl(request, '/api/v1/customers/1/')`. */
export function absoluteUrl(request: FastifyRequest, path: string): string {
  return publicOrigin(request) + path;
}

export const urlsPlugin = fp(
  async (app: FastifyInstance, options: { publicUrl: string | undefined }) => {
    app.decorate('publicUrl', options.publicUrl?.replace(/\/+$/, ''));
  },
  { name: 'urls' },
);

/** Prefix of every v1 route. */
export const API_V1 = '/api/v1';

/** Prefix of every v2 route. */
export const API_V2 = '/api/v2';
