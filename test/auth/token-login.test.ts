import { describe, expect, test } from 'vitest';
import { disableUser } from '../../src/auth/users.service.js';
import { CUSTOMERS_V2, expectProblem, V2 } from '../helpers/api.js';
import { buildTestApp, useTestApp } from '../helpers/app.js';
import { createUserWithToken, customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';
import { API_ORIGIN, cookieOf, LOGOUT } from '../helpers/oidc.js';

const TOKEN_LOGIN = '/api/v1/api-auth/token-login/';
const ME_V2 = '/api/v2/me/';
/** What Chromium sends with a fetch from one of our own pages. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin', origin: API_ORIGIN };

const t = useTestApp({ PUBLIC_URL: API_ORIGIN });
const api = () => client(t.app);
const withSession = (cookie: string, headers: Record<string, string> = {}) => ({
  cookies: { orderly_session: cookie },
  headers,
});

async function tokenLogin(token: string, headers: Record<string, string> = SAME_ORIGIN, cookie?: string) {
  return api().post(
    TOKEN_LOGIN,
    { token },
    { headers, ...(cookie ? { cookies: { orderly_session: cookie } } : {}) },
  );
}

describe('sign-in with an API token', () => {
  test('when a page of this site posts a valid token, then a session starts with the cookies OIDC sign-in sets', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db, 'admin');

    // Act
    const response = await tokenLogin(user.token);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'admin',
      auth_method: 'session',
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const session = cookieOf(response, 'orderly_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).not.toContain(user.token);
    const csrf = cookieOf(response, 'orderly_csrf');
    expect(csrf?.httpOnly).toBeFalsy();
    expect(csrf?.value).toBe(response.data.session.csrf_token);
    const me = await api().get(ME_V2, withSession(String(session?.value)));
    expect(me.data).toMatchObject({ id: user.id, auth_method: 'session' });
    const created = await api().post(
      CUSTOMERS_V2,
      customerBody(),
      withSession(String(session?.value), { 'x-csrf-token': String(csrf?.value) }),
    );
    expect(created.statusCode, created.body).toBe(201);
  });

  test('when a program that is not a browser posts a valid token, then it gets a session too', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);

    // Act
    const response = await tokenLogin(user.token, {});

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(cookieOf(response, 'orderly_session')).toBeDefined();
  });

  test.each([
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [
      'a same-site (other subdomain) fetch',
      { 'sec-fetch-site': 'same-site', origin: 'http://x.orderly.test' },
    ],
    ['an Origin of another site', { origin: 'https://evil.example' }],
  ])(
    'when %s posts a valid token (login CSRF), then 403 csrf_failed and no session',
    async (_case, headers) => {
      // Arrange
      const user = await createUserWithToken(t.deps.database.db);

      // Act
      const response = await tokenLogin(user.token, headers);

      // Assert
      expectProblem(response, 403, 'csrf_failed');
      expect(cookieOf(response, 'orderly_session')).toBeUndefined();
    },
  );

  test('when the token comes as a form (what a cross-site form could send), then 415 and no session', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);

    // Act
    const response = await t.app.inject({
      method: 'POST',
      url: TOKEN_LOGIN,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `token=${user.token}`,
    });

    // Assert
    expect(response.statusCode).toBe(415);
    expect(cookieOf(response, 'orderly_session')).toBeUndefined();
  });

  test('when the token is unknown or revoked, then 401 invalid_token and no session', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    await t.deps.tokens.revoke(user.tokenId);

    // Act
    const unknown = await tokenLogin('oly_not-a-token-of-anyone');
    const revoked = await tokenLogin(user.token);

    // Assert
    expectProblem(unknown, 401, 'invalid_token');
    expectProblem(revoked, 401, 'invalid_token');
    expect(cookieOf(revoked, 'orderly_session')).toBeUndefined();
  });

  test('when the user is disabled, then 403 account_disabled and no session', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    await disableUser(t.deps.database.db, user.email);

    // Act
    const response = await tokenLogin(user.token);

    // Assert
    expectProblem(response, 403, 'account_disabled');
    expect(cookieOf(response, 'orderly_session')).toBeUndefined();
  });

  test('when the body has no token, then 400 naming the field', async () => {
    // Act
    const response = await api().post(TOKEN_LOGIN, {}, { headers: SAME_ORIGIN });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'token' })]);
  });

  test('when a browser that has a session signs in again, then its old session ends', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const first = String(cookieOf(await tokenLogin(user.token), 'orderly_session')?.value);

    // Act
    const second = await tokenLogin(user.token, SAME_ORIGIN, first);

    // Assert
    expect(second.statusCode).toBe(200);
    expectProblem(await api().get(ME_V2, withSession(first)), 401, 'session_expired');
  });

  test('when the person signs out with next, then the session ends and the browser lands on next', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const cookie = String(cookieOf(await tokenLogin(user.token), 'orderly_session')?.value);

    // Act
    const response = await api().post(`${LOGOUT}?next=/console/sign-in`, undefined, withSession(cookie));

    // Assert
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${API_ORIGIN}/console/sign-in`);
    expect(cookieOf(response, 'orderly_session')?.maxAge).toBe(0);
    expectProblem(await api().get(ME_V2, withSession(cookie)), 401, 'session_expired');
  });

  test('when sign-out is asked to land on another site, then 400 unsafe_redirect and the session stays', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const cookie = String(cookieOf(await tokenLogin(user.token), 'orderly_session')?.value);

    // Act
    const response = await api().post(`${LOGOUT}?next=https://evil.example/`, undefined, withSession(cookie));

    // Assert
    expectProblem(response, 400, 'unsafe_redirect');
    expect((await api().get(ME_V2, withSession(cookie))).statusCode).toBe(200);
  });

  test('when the v2 root is read without OpenID Connect, then it links token sign-in and sign-out, and no provider', async () => {
    // Act
    const response = await api().get(V2);

    // Assert
    expect(response.data.sign_in).toEqual({
      token_login: `${API_ORIGIN}${TOKEN_LOGIN}`,
      provider: null,
      sign_out: `${API_ORIGIN}${LOGOUT}`,
    });
  });
});

test('when an address keeps posting bad tokens, then it is refused with 429 while a good token still signs in', async () => {
  // Arrange
  const limited = await buildTestApp({
    PUBLIC_URL: API_ORIGIN,
    RATE_LIMIT_AUTH_FAILURES: '3',
    RATE_LIMIT_PER_MINUTE: '100000',
  });
  try {
    const user = await createUserWithToken(limited.deps.database.db);
    const post = (token: string) =>
      client(limited.app).post(TOKEN_LOGIN, { token }, { headers: SAME_ORIGIN });

    // Act
    const failures = [];
    for (let i = 0; i < 4; i += 1) failures.push(await post('oly_wrong'));
    const valid = await post(user.token);

    // Assert
    expect(failures.map((response) => response.statusCode)).toEqual([401, 401, 401, 429]);
    expect(failures[3]?.headers['retry-after']).toBeDefined();
    expect(valid.statusCode).toBe(200);
  } finally {
    await limited.close();
  }
});
