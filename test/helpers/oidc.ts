import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type ApiResponse, client } from './http.js';
import { TEST_AUDIENCE, type TestIdp } from './idp.js';

export const AUTHENTICATE = '/api/v1/api-auth/authenticate/';
export const CALLBACK = '/api/v1/api-auth/callback/';
export const LOGOUT = '/api/v1/api-auth/logout/';
export const ME = '/api/v1/me/';
/** The API's origin in tests (PUBLIC_URL), so cookies, redirects and Origin checks are all about one site. */
export const API_ORIGIN = 'http://orderly.test';

/** The environment that points the app at the test provider. */
export function oidcEnv(idp: TestIdp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PUBLIC_URL: API_ORIGIN,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_AUDIENCE: TEST_AUDIENCE,
    OIDC_JWKS_COOLDOWN_MS: '0',
    ...extra,
  };
}

/** A login name nobody else in the run uses. */
export const newLogin = (prefix = 'person') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** The value of a cookie the response sets. */
export function cookieOf(response: LightMyRequestResponse, name: string) {
  return (response.cookies as { name: string; value: string; [attribute: string]: unknown }[]).find(
    (cookie) => cookie.name === name,
  );
}

export interface BrowserLogin {
  /** Our redirect to the provider. */
  start: LightMyRequestResponse;
  /** Where the provider sent the browser back (not yet requested). */
  callbackUrl: URL;
  loginCookie: string;
}

/** The first half of a browser login: our redirect to the provider, then the person signing in there. */
export async function loginAtProvider(
  app: FastifyInstance,
  idp: TestIdp,
  login: string,
  options: { next?: string; tamper?: (authorizationUrl: URL) => void } = {},
): Promise<BrowserLogin> {
  const query = options.next === undefined ? '' : `?next=${encodeURIComponent(options.next)}`;
  const start = await app.inject({ method: 'GET', url: AUTHENTICATE + query });
  expect(start.statusCode, start.body).toBe(302);
  const loginCookie = cookieOf(start, 'orderly_login')?.value;
  expect(loginCookie).toBeTruthy();
  const authorizationUrl = new URL(String(start.headers.location));
  options.tamper?.(authorizationUrl);
  const callbackUrl = await idp.login(authorizationUrl.href, login);
  return { start, callbackUrl, loginCookie: loginCookie as string };
}

/** Delivers the provider's answer to our callback, as the browser that started the login. */
export function callBack(app: FastifyInstance, callbackUrl: URL, cookies: Record<string, string>) {
  return client(app).send({ method: 'GET', url: CALLBACK + callbackUrl.search, cookies });
}

export interface Session {
  cookie: string;
  csrf: string;
  callback: ApiResponse;
}

/** A complete browser login (asserted successful): the session cookie and its CSRF token. */
export async function signInWithBrowser(
  app: FastifyInstance,
  idp: TestIdp,
  login: string,
  options: { next?: string; previousSession?: string } = {},
): Promise<Session> {
  const { callbackUrl, loginCookie } = await loginAtProvider(app, idp, login, options);
  const callback = await callBack(app, callbackUrl, {
    orderly_login: loginCookie,
    ...(options.previousSession ? { orderly_session: options.previousSession } : {}),
  });
  expect(callback.statusCode, callback.body).toBe(303);
  const cookie = cookieOf(callback, 'orderly_session')?.value;
  const csrf = cookieOf(callback, 'orderly_csrf')?.value;
  expect(cookie).toBeTruthy();
  expect(csrf).toBeTruthy();
  return { cookie: cookie as string, csrf: csrf as string, callback };
}
