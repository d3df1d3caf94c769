import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { publicOrigin } from '../http/urls.js';
import type { AuthFailureMethod } from '../observability/metrics.js';
import { AppError } from '../shared/errors.js';
import { secretsEqual } from '../shared/secrets.js';
import type { Actor } from './actor.js';
import type { ProviderTokenAuthenticator } from './provider-tokens.service.js';
import { authenticateSession, type SessionAuth } from './sessions.service.js';
import { TOKEN_PREFIX, type TokenAuthenticator } from './tokens.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth plugin on every authenticated route. */
    actor: Actor;
    /** The browser session, when the caller authenticated with the session cookie. */
    session: SessionAuth | undefined;
  }
}

export const SESSION_COOKIE = 'orderly_session';
export const CSRF_COOKIE = 'orderly_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const REALM = 'Bearer realm="orderly"';

/** Every authenticated operation accepts a bearer token or the browser session (and, with OIDC, a provider token). */
export const AUTHENTICATED: Record<string, string[]>[] = [{ apiToken: [] }, { sessionCookie: [] }];

/** How to authenticate, as the OpenAPI document describes it. */
export function securitySchemes(oidcIssuer: string | undefined) {
  const always = {
    apiToken: {
      type: 'http',
      scheme: 'bearer',
      description:
        'An API token from `orderly tokens create EMAIL` (shown once), or, with OpenID Connect, an access token from the provider.',
    },
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIE,
      description:
        'The browser session from signing in at `/api/v1/api-auth/authenticate/?next=/api/v1/swagger-docs/` (with OpenID Connect); Try it out then works without pasting a token. Scripts that change data with it also send `X-CSRF-Token`.',
    },
  } as const;
  if (!oidcIssuer) return always;
  const openIdConnect = {
    type: 'openIdConnect',
    openIdConnectUrl: `${oidcIssuer}/.well-known/openid-configuration`,
    description: 'Sign in with the OpenID provider; its access tokens are accepted as bearer tokens.',
  } as const;
  return { ...always, openIdConnect };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1); undefined for any other form. */
export const bearerToken = (header: string): string | undefined => /^Bearer +(\S+) *$/i.exec(header)?.[1];

export interface AuthOptions {
  tokens: TokenAuthenticator;
  /** Present when OpenID Connect is configured. */
  providerTokens: ProviderTokenAuthenticator | undefined;
  sessionIdleSeconds: number;
}

/** A 401 always says how to authenticate (RFC 9110 §11.6.1); a bad bearer token says so (RFC 6750 §3). */
function withChallenge(error: unknown, challenge: string): unknown {
  if (!(error instanceof AppError) || error.status !== 401) return error;
  return new AppError(error.code, error.message, error.details, {
    ...error.headers,
    'www-authenticate': challenge,
  });
}

/**
 * What to answer for a credential that did not verify: its 401 with the challenge, which the rate
 * limiter turns into 429 once the client IP has failed too often (http/rate-limit.ts). Any other
 * refusal (403 account_disabled, 503 oidc_unavailable) is not a failed credential and counts for nothing.
 */
async function refusal(
  request: FastifyRequest,
  error: unknown,
  challenge: string,
  method: AuthFailureMethod,
): Promise<unknown> {
  const refused = withChallenge(error, challenge);
  if (!(refused instanceof AppError) || refused.status !== 401) return refused;
  request.server.metrics.authFailures.inc({ method });
  return request.authFailed(refused);
}

/**
 * A cookie-authenticated request that changes something must come from our own pages: the
 * session's CSRF token in X-CSRF-Token, or a browser's own word that it is same-origin
 * (Sec-Fetch-Site, else Origin). Bearer-authenticated requests cannot be forged cross-site.
 */
function checkCsrf(request: FastifyRequest, session: SessionAuth): void {
  if (SAFE_METHODS.has(request.method)) return;
  const header = request.headers[CSRF_HEADER];
  if (secretsEqual(typeof header === 'string' ? header : undefined, session.csrfToken)) return;
  const site = request.headers['sec-fetch-site'];
  if (site === 'same-origin') return;
  if (site === undefined && request.headers.origin === publicOrigin(request)) return;
  throw new AppError(
    'csrf_failed',
    `A request authenticated by the session cookie must send the session's CSRF token in ${CSRF_HEADER} (it is in the ${CSRF_COOKIE} cookie and at GET /api/v1/me/).`,
  );
}

async function authenticateBearer(token: string, options: AuthOptions): Promise<Actor> {
  if (token.startsWith(TOKEN_PREFIX)) return options.tokens.authenticate(token);
  if (options.providerTokens) return options.providerTokens.authenticate(token);
  throw new AppError('invalid_token', 'The token is invalid, expired or revoked.');
}

/**
 * Authenticates every route of the scope it is registered in: `Authorization: Bearer` with an
 * API token or (with OIDC) a provider access token, else the browser session cookie.
 * Tokens and cookies are never logged.
 */
export const authPlugin = fp(
  async (app: FastifyInstance, options: AuthOptions) => {
    app.decorateRequest('actor', null as unknown as Actor);
    app.decorateRequest('session', undefined);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const token = bearerToken(header);
        try {
          if (!token) throw new AppError('invalid_token', 'Send a token as "Authorization: Bearer <token>".');
          request.actor = await authenticateBearer(token, options);
        } catch (error) {
          request.log.info({ scheme: header.split(' ')[0]?.slice(0, 20) }, 'bearer authentication failed');
          const method = !token ? 'none' : token.startsWith(TOKEN_PREFIX) ? 'api_token' : 'provider_token';
          throw await refusal(request, error, `${REALM}, error="invalid_token"`, method);
        }
        return;
      }
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie === undefined) {
        request.server.metrics.authFailures.inc({ method: 'none' });
        throw withChallenge(
          new AppError('unauthorized', 'Send an API token as "Authorization: Bearer <token>", or sign in.'),
          REALM,
        );
      }
      try {
        const session = await authenticateSession(request.server.db, cookie, options.sessionIdleSeconds);
        checkCsrf(request, session);
        request.session = session;
        request.actor = session.actor;
      } catch (error) {
        throw await refusal(request, error, REALM, 'session');
      }
    });
    // What a caller sees depends on who they are: shared caches must not keep it, and a private cache
    // must ask again before reusing it.
    app.addHook('onSend', (_request, reply, payload, done) => {
      reply.header('cache-control', 'private, no-cache');
      // Added to what CORS put there (Origin), not instead of it.
      const vary = reply.getHeader('vary');
      reply.header(
        'vary',
        vary ? `${String(vary)}, Authorization, Cookie, Accept` : 'Authorization, Cookie, Accept',
      );
      done(null, payload);
    });
  },
  // The rate limiter decorates request.authFailed.
  { name: 'auth', dependencies: ['@fastify/cookie', 'rate-limit', 'metrics'] },
);
