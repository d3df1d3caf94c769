import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../http/problem.js';
import { API_V1, absoluteUrl, publicOrigin } from '../http/urls.js';
import { AppError } from '../shared/errors.js';
import { authMethods } from './actor.js';
import { AUTHENTICATED, CSRF_COOKIE, SESSION_COOKIE } from './auth.plugin.js';
import type { OidcClient } from './oidc.service.js';
import {
  completeLogin,
  endSession,
  LOGIN_TTL_SECONDS,
  type OpenedSession,
  signInWithToken,
  startLogin,
} from './sessions.service.js';
import type { TokenAuthenticator } from './tokens.service.js';

const AUTH_PATH = `${API_V1}/api-auth/`;
const LOGIN_COOKIE = 'orderly_login';

const AuthenticateQuery = Type.Object({
  next: Type.Optional(
    Type.String({
      maxLength: 2000,
      description: 'Where to land after signing in: a path or URL on this site. Default: the API root.',
      examples: ['/api/v1/customers/'],
    }),
  ),
});

const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ maxLength: 4096 })),
    state: Type.Optional(Type.String({ maxLength: 512 })),
    iss: Type.Optional(Type.String({ maxLength: 2000 })),
    error: Type.Optional(Type.String({ maxLength: 200 })),
    error_description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: true },
);

const Redirect = (description: string) => Type.Null({ description });

const TokenLoginBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 512,
      description:
        'An API token (`oly_…`) of the person signing in. It is checked, never stored by the session.',
    }),
  },
  { additionalProperties: false, title: 'Token sign-in' },
);

const LogoutQuery = Type.Object({
  next: Type.Optional(
    Type.String({
      maxLength: 2000,
      description:
        'Where to land after signing out: a path or URL on this site (after the provider’s logout, when it has one). Default: the API root.',
      examples: ['/console/sign-in'],
    }),
  ),
});

export const MeV1 = Type.Object(
  {
    id: Type.Integer({ description: 'User id (the `owner` of what they create).' }),
    email: Type.String({ format: 'email' }),
    role: Type.Enum(['admin', 'staff']),
    auth_method: Type.Enum([...authMethods], {
      description:
        'How this request authenticated: API token, browser session, or a provider JWT / opaque token.',
    }),
    session: Type.Union(
      [
        Type.Object(
          {
            expires_at: Type.String({ format: 'date-time' }),
            csrf_token: Type.String({
              description: 'Send it as X-CSRF-Token on requests that change data with the session cookie.',
            }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'The browser session, when the request used it.' },
    ),
  },
  { additionalProperties: false, title: 'Me' },
);

/** Only somewhere on this site: a path, or an absolute URL with our own origin (no open redirect). */
function safeReturnTo(request: FastifyRequest, next: string | undefined): string {
  if (next === undefined || next === '') return `${API_V1}/`;
  const origin = publicOrigin(request);
  let url: URL | undefined;
  // Printable ASCII without backslashes, which browsers read as slashes (`/\evil.example`).
  if (/^[\x21-\x5B\x5D-\x7E]+$/.test(next)) {
    try {
      url = new URL(next, `${origin}/`);
    } catch {
      url = undefined;
    }
  }
  if (!url || url.origin !== origin) {
    throw new AppError('unsafe_redirect', '`next` must be a path or URL on this site.', [
      { field: 'next', code: 'unsafe_redirect', message: 'Must be a path or URL on this site.' },
    ]);
  }
  return url.pathname + url.search + url.hash;
}

/** Cookies are HttpOnly unless a page script must read them, Secure whenever we are served over HTTPS. */
function cookieOptions(
  request: FastifyRequest,
  maxAge: number,
  path = '/',
  httpOnly = true,
): CookieSerializeOptions {
  return { path, httpOnly, sameSite: 'lax', secure: publicOrigin(request).startsWith('https:'), maxAge };
}

function clearSessionCookies(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, 0));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, 0, '/', false));
}

/**
 * Login CSRF: a page elsewhere must not sign this browser in as someone else. A browser says where a
 * request comes from (Sec-Fetch-Site, else Origin); a cross-site one is refused. The body must be JSON,
 * which a cross-site form cannot send and a cross-site script cannot send without a CORS preflight.
 * A client that is not a browser sends neither header and has no cookie jar to forge.
 */
function checkSameSite(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite =
    site !== undefined ? site !== 'same-origin' : origin !== undefined && origin !== publicOrigin(request);
  if (crossSite) {
    throw new AppError('csrf_failed', 'Signing in with a token is only possible from a page of this site.');
  }
}

function requireOidc(oidc: OidcClient | undefined): OidcClient {
  if (!oidc) {
    throw new AppError(
      'oidc_disabled',
      'Sign-in with OpenID Connect is not configured on this server (OIDC_ISSUER is unset); use an API token.',
    );
  }
  return oidc;
}

/** Browser sign-in through the OpenID provider, at the seed's paths; sessions live in the database. */
export const signInRoutesV1: FastifyPluginAsyncTypebox<{
  oidc: OidcClient | undefined;
  tokens: TokenAuthenticator;
  sessionTtlSeconds: number;
}> = async (app, { oidc, tokens, sessionTtlSeconds }) => {
  function startSession(request: FastifyRequest, reply: FastifyReply, session: OpenedSession): void {
    reply.setCookie(SESSION_COOKIE, session.sessionToken, cookieOptions(request, sessionTtlSeconds));
    reply.setCookie(CSRF_COOKIE, session.csrfToken, cookieOptions(request, sessionTtlSeconds, '/', false));
  }

  app.post(
    '/api-auth/token-login/',
    {
      config: { rateLimit: 'sign_in', versionless: true },
      schema: {
        operationId: 'tokenLogin',
        summary: 'Sign in with an API token (browser)',
        description:
          'Exchanges an API token for the browser session that OpenID Connect sign-in gives: an HttpOnly session cookie and a CSRF cookie, so that a page keeps no token in script-readable storage. Only from a page of this site (403 `csrf_failed` otherwise) and only with a JSON body. A token that does not verify counts as a failed authentication (429 once the address has failed too often).',
        tags: ['auth'],
        body: TokenLoginBody,
        response: { 200: MeV1, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      checkSameSite(request);
      let signedIn: Awaited<ReturnType<typeof signInWithToken>>;
      try {
        signedIn = await signInWithToken(tokens, app.db, {
          token: request.body.token,
          previousSession: request.cookies[SESSION_COOKIE],
          ttlSeconds: sessionTtlSeconds,
        });
      } catch (error) {
        throw error instanceof AppError && error.status === 401 ? await request.authFailed(error) : error;
      }
      startSession(request, reply, signedIn);
      reply.header('cache-control', 'no-store');
      return {
        id: signedIn.actor.userId,
        email: signedIn.actor.email,
        role: signedIn.actor.role,
        auth_method: signedIn.actor.authMethod,
        session: { expires_at: signedIn.expiresAt.toISOString(), csrf_token: signedIn.csrfToken },
      };
    },
  );

  app.get(
    '/api-auth/authenticate/',
    {
      config: { rateLimit: 'sign_in', versionless: true },
      schema: {
        operationId: 'authenticate',
        summary: 'Sign in with the OpenID provider (browser)',
        description:
          'Redirects to the provider (authorization code flow with PKCE, state and nonce). After the provider, the browser lands on `next` with a session cookie.',
        tags: ['auth'],
        querystring: AuthenticateQuery,
        response: { 302: Redirect('To the OpenID provider.'), ...problemResponses(503) },
      },
    },
    async (request, reply) => {
      const provider = requireOidc(oidc);
      const { loginId, url } = await startLogin(app.db, provider, safeReturnTo(request, request.query.next));
      reply.setCookie(LOGIN_COOKIE, loginId, cookieOptions(request, LOGIN_TTL_SECONDS, AUTH_PATH));
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api-auth/callback/',
    {
      config: { rateLimit: 'sign_in', versionless: true },
      schema: {
        operationId: 'authenticateCallback',
        summary: 'Where the OpenID provider sends the browser back',
        description:
          'Checks the answer (state, PKCE, nonce, issuer, audience, signature, expiry, verified email), signs the person in or up by issuer and subject, and sets the session cookie.',
        tags: ['auth'],
        querystring: CallbackQuery,
        response: { 303: Redirect('To `next`, signed in.'), ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const query = new URLSearchParams(request.url.split('?')[1] ?? '');
      reply.clearCookie(LOGIN_COOKIE, cookieOptions(request, 0, AUTH_PATH));
      const login = await completeLogin(app.db, requireOidc(oidc), {
        loginId: request.cookies[LOGIN_COOKIE],
        query,
        previousSession: request.cookies[SESSION_COOKIE],
        ttlSeconds: sessionTtlSeconds,
      });
      startSession(request, reply, login);
      return reply.redirect(absoluteUrl(request, login.returnTo), 303);
    },
  );

  const logout = {
    schema: {
      summary: 'Sign out',
      description:
        "Ends the session on the server and clears its cookies, then redirects to the provider's logout (RP-initiated logout, back to `next`) when it offers one, else to `next`.",
      tags: ['auth'],
      querystring: LogoutQuery,
      response: { 303: Redirect('To the provider’s logout, or `next`.'), ...problemResponses() },
    },
  };
  // The sign-out button of a page is a plain form: its empty urlencoded body is accepted here, and ignored.
  await app.register(async (logoutScope) => {
    logoutScope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, _body, done) => done(null, undefined),
    );
    for (const method of ['GET', 'POST'] as const) {
      logoutScope.route({
        method,
        url: '/api-auth/logout/',
        config: { rateLimit: 'sign_in', versionless: true },
        schema: { ...logout.schema, operationId: method === 'GET' ? 'logout' : 'logoutPost' },
        handler: async (request: FastifyRequest<{ Querystring: Static<typeof LogoutQuery> }>, reply) => {
          const landing = absoluteUrl(request, safeReturnTo(request, request.query.next));
          const cookie = request.cookies[SESSION_COOKIE];
          const idToken = cookie ? await endSession(app.db, cookie) : null;
          clearSessionCookies(request, reply);
          return reply.redirect(oidc?.endSessionUrl(idToken, landing)?.href ?? landing, 303);
        },
      });
    }
  });
};

/** Who is calling, and how (v2 shows the same, with its `url`). */
export function toMeV1(request: FastifyRequest): Static<typeof MeV1> {
  return {
    id: request.actor.userId,
    email: request.actor.email,
    role: request.actor.role,
    auth_method: request.actor.authMethod,
    session: request.session
      ? { expires_at: request.session.expiresAt.toISOString(), csrf_token: request.session.csrfToken }
      : null,
  };
}

/** Who is calling, and how. */
export const meRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/',
    {
      schema: {
        operationId: 'me',
        summary: 'The caller: who they are and how they authenticated',
        tags: ['auth'],
        security: AUTHENTICATED,
        response: { 200: MeV1, ...problemResponses(403, 503) },
      },
    },
    async (request) => toMeV1(request),
  );
};
