import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    publicUrl: string | undefined;
  }
}

const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

// The origins seen so far, by scheme and Host: parsed once each, not once per request. Bounded, since
// a client may send any Host.
const origins = new Map<string, string>();
const MAX_ORIGINS = 256;

export function publicOrigin(request: FastifyRequest): string {
  if (request.server.publicUrl) return request.server.publicUrl;
  const key = `${request.protocol}://${request.host}`;
  let origin = origins.get(key);
  if (origin === undefined) {
    // The pattern does not bound the port: a Host such as `[::1]:99999` passes it but is no URL.
    const safe = SAFE_HOST.test(request.host) && URL.canParse(`${request.protocol}://${request.host}`);
    const host = safe ? request.host : 'localhost';
    // Through URL so a default port (":80" on http) is dropped, as in the pagination links.
    origin = new URL(`${request.protocol}://${host}`).origin;
    if (origins.size >= MAX_ORIGINS) origins.clear();
    origins.set(key, origin);
  }
  return origin;
}

/** What links start from: a request's public origin, or an origin known without one (a webhook's). */
export type LinkBase = FastifyRequest | string;

export function absoluteUrl(base: LinkBase, path: string): string {
  return (typeof base === 'string' ? base : publicOrigin(base)) + path;
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
