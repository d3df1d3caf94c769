import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema.js';

export type { components, operations, paths };

/** An RFC 9457 problem document, as every error of the API is. */
export type Problem = components['schemas']['Problem'];
/** One entry of a validation problem's `details`: the field it is about and what is wrong with it. */
export type FieldProblem = Extract<NonNullable<Problem['details']>, unknown[]>[number];
/**
 * The media types the client reads: JSON, and problem+json for errors. The API also offers JSON-LD
 * (`application/ld+json`) for some resources; this client never asks for it.
 */
export type OrderlyMediaType = 'application/json' | 'application/problem+json';
export type OrderlyClient = Client<paths, OrderlyMediaType>;

export interface OrderlyClientOptions {
  /** The API's origin, e.g. `https://orderly.example.com`; `''` in a page served by the API itself. */
  baseUrl: string;
  /** An API token (`oly_…`), sent as `Authorization: Bearer`. Without it, the browser's session cookie is used. */
  token?: string;
  /** Another fetch (a test's, a proxy's). Default: the global fetch. */
  fetch?: (input: Request) => Promise<Response>;
}

export const CSRF_COOKIE = 'orderly_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's CSRF token, from the cookie the API sets readable for the pages of its site. */
function csrfToken(): string | undefined {
  const { document } = globalThis as { document?: { cookie: string } };
  const value = document?.cookie
    .split(';')
    .map((cookie) => cookie.trim())
    .find((cookie) => cookie.startsWith(`${CSRF_COOKIE}=`))
    ?.slice(CSRF_COOKIE.length + 1);
  return value === undefined ? undefined : decodeURIComponent(value);
}

/** Cookie-authenticated requests that change something carry the session's CSRF token. */
const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method)) return undefined;
    const token = csrfToken();
    if (token !== undefined) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

/**
 * A client of the Orderly API v2, typed by its OpenAPI document:
 * `const { data, error, response } = await client.GET('/api/v2/customers/', { params: { query: { limit: 20, count: false } } })`.
 * `error` is the problem document of a 4xx/5xx answer.
 */
export function createOrderlyClient(options: OrderlyClientOptions): OrderlyClient {
  const client = createClient<paths, OrderlyMediaType>({
    baseUrl: options.baseUrl,
    credentials: options.token === undefined ? 'same-origin' : 'omit',
    ...(options.token === undefined ? {} : { headers: { Authorization: `Bearer ${options.token}` } }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  if (options.token === undefined) client.use(csrfMiddleware);
  return client;
}
