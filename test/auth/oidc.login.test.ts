import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashToken } from '../../src/auth/tokens.service.js';
import { findUserByEmail } from '../../src/auth/users.repository.js';
import { disableUser } from '../../src/auth/users.service.js';
import { sessions } from '../../src/db/schema.js';
import { CUSTOMERS, customerUrl, expectProblem, signIn, V2 } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';
import { startTestIdp, type TestIdp } from '../helpers/idp.js';
import {
  API_ORIGIN,
  AUTHENTICATE,
  callBack,
  cookieOf,
  LOGOUT,
  loginAtProvider,
  ME,
  newLogin,
  oidcEnv,
  signInWithBrowser,
} from '../helpers/oidc.js';

const HTTPS_ORIGIN = 'https://orderly.test';

let idp: TestIdp;
let t: TestApp;

beforeAll(async () => {
  idp = await startTestIdp({
    redirectUris: [`${API_ORIGIN}/api/v1/api-auth/callback/`, `${HTTPS_ORIGIN}/api/v1/api-auth/callback/`],
    postLogoutRedirectUris: [`${API_ORIGIN}/api/v1/`, `${API_ORIGIN}/console/sign-in`],
  });
  t = await buildTestApp(
    oidcEnv(idp, {
      OIDC_ADMIN_EMAILS: 'Boss@Example.com',
      OIDC_ALLOWED_DOMAINS: 'example.com, example.test, corp.test',
      OIDC_ROLES_CLAIM: 'roles',
      OIDC_ADMIN_ROLE: 'orderly-admin',
    }),
  );
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const api = () => client(t.app);
const withSession = (cookie: string, headers: Record<string, string> = {}) => ({
  cookies: { orderly_session: cookie },
  headers,
});

describe('browser login', () => {
  test('when a person signs in, then the provider is asked with PKCE, state and nonce, and they land on next with a session', async () => {
    // Arrange
    const login = newLogin();

    // Act
    const { start, callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, login, { next: CUSTOMERS });
    const callback = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    const authorization = new URL(String(start.headers.location));
    expect(authorization.origin).toBe(idp.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(authorization.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(authorization.searchParams.get('redirect_uri')).toBe(`${API_ORIGIN}/api/v1/api-auth/callback/`);
    expect(cookieOf(start, 'orderly_login')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(callback.statusCode, callback.body).toBe(303);
    expect(callback.headers.location).toBe(`${API_ORIGIN}${CUSTOMERS}`);
    const session = cookieOf(callback, 'orderly_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeFalsy();
    expect(cookieOf(callback, 'orderly_csrf')?.httpOnly).toBeFalsy();
    const me = await api().get(ME, withSession(String(session?.value)));
    expect(me.statusCode, me.body).toBe(200);
    expect(me.data).toMatchObject({ email: `${login}@example.com`, role: 'staff', auth_method: 'session' });
    expect(me.data.session.csrf_token).toBe(cookieOf(callback, 'orderly_csrf')?.value);
  });

  test('when a signed-in person creates a customer with the session and its CSRF token, then they own it', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());
    const { api: otherUser } = await signIn(t);

    // Act
    const created = await api().post(
      CUSTOMERS,
      customerBody(),
      withSession(session.cookie, { 'x-csrf-token': session.csrf }),
    );

    // Assert
    expect(created.statusCode, created.body).toBe(201);
    const me = await api().get(ME, withSession(session.cookie));
    expect(created.data.owner).toBe(me.data.id);
    expect((await api().get(customerUrl(created.data.id), withSession(session.cookie))).statusCode).toBe(200);
    expectProblem(await otherUser.get(customerUrl(created.data.id)), 404, 'not_found');
  });

  test('when the same person signs in twice, then they are one user and the new session replaces the old one', async () => {
    // Arrange
    const login = newLogin();
    const first = await signInWithBrowser(t.app, idp, login);

    // Act
    const second = await signInWithBrowser(t.app, idp, login, { previousSession: first.cookie });

    // Assert
    expect(second.cookie).not.toBe(first.cookie);
    expectProblem(await api().get(ME, withSession(first.cookie)), 401, 'session_expired');
    const me = await api().get(ME, withSession(second.cookie));
    expect(me.statusCode).toBe(200);
    const user = await findUserByEmail(t.deps.database.db, `${login}@example.com`);
    expect(me.data.id).toBe(user?.id);
  });

  test('when a user made with the CLI signs in with the same verified email, then the identity is linked to them', async () => {
    // Arrange
    const { user, api: tokenApi } = await signIn(t);
    const login = newLogin();
    idp.setAccount(login, { email: user.email.toUpperCase(), email_verified: true });
    const customer = await tokenApi.post(CUSTOMERS, customerBody());

    // Act
    const session = await signInWithBrowser(t.app, idp, login);

    // Assert
    const me = await api().get(ME, withSession(session.cookie));
    expect(me.data.id).toBe(user.id);
    expect((await api().get(customerUrl(customer.data.id), withSession(session.cookie))).statusCode).toBe(
      200,
    );
  });

  test('when the email is in OIDC_ADMIN_EMAILS (any case), then the person is an admin', async () => {
    // Arrange
    const login = newLogin('boss');
    idp.setAccount(login, { email: 'boss@example.com', email_verified: true });

    // Act
    const session = await signInWithBrowser(t.app, idp, login);

    // Assert
    const me = await api().get(ME, withSession(session.cookie));
    expect(me.data.role).toBe('admin');
  });

  test('when the roles claim holds OIDC_ADMIN_ROLE, then admin; when it no longer does, the next sign-in makes them staff', async () => {
    // Arrange
    const login = newLogin();
    idp.setAccount(login, { email: `${login}@example.com`, email_verified: true, roles: ['orderly-admin'] });
    const asAdmin = await signInWithBrowser(t.app, idp, login);
    expect((await api().get(ME, withSession(asAdmin.cookie))).data.role).toBe('admin');

    // Act
    idp.setAccount(login, { email: `${login}@example.com`, email_verified: true, roles: ['sales'] });
    const asStaff = await signInWithBrowser(t.app, idp, login);

    // Assert
    expect((await api().get(ME, withSession(asStaff.cookie))).data.role).toBe('staff');
  });

  test('when two first sign-ins of one person finish at once, then there is one user', async () => {
    // Arrange
    const login = newLogin();
    const logins = await Promise.all([
      loginAtProvider(t.app, idp, login),
      loginAtProvider(t.app, idp, login),
    ]);

    // Act
    const callbacks = await Promise.all(
      logins.map((l) => callBack(t.app, l.callbackUrl, { orderly_login: l.loginCookie })),
    );

    // Assert
    expect(callbacks.map((c) => c.statusCode)).toEqual([303, 303]);
    const ids = await Promise.all(
      callbacks.map(
        async (c) =>
          (await api().get(ME, withSession(String(cookieOf(c, 'orderly_session')?.value)))).data.id,
      ),
    );
    expect(ids[0]).toBe(ids[1]);
  });
});

describe('session lifetime', () => {
  const ageSession = (cookie: string, change: Partial<typeof sessions.$inferInsert>) =>
    t.deps.database.db
      .update(sessions)
      .set(change)
      .where(eq(sessions.tokenHash, hashToken(cookie)));

  test('when a session has not been used for SESSION_IDLE_SECONDS, then it has ended: 401 session_expired', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());
    await ageSession(session.cookie, { lastSeenAt: new Date(Date.now() - 3_601_000) });

    // Act
    const response = await api().get(ME, withSession(session.cookie));

    // Assert
    expectProblem(response, 401, 'session_expired');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="orderly"$/);
  });

  test('when a session is used shortly before it would go idle, then its idle clock starts again', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());
    await ageSession(session.cookie, { lastSeenAt: new Date(Date.now() - 3_500_000) });

    // Act
    const response = await api().get(ME, withSession(session.cookie));

    // Assert
    expect(response.statusCode).toBe(200);
    const [row] = await t.deps.database.db
      .select({ lastSeenAt: sessions.lastSeenAt })
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(session.cookie)));
    expect(Date.now() - (row?.lastSeenAt.getTime() ?? 0)).toBeLessThan(60_000);
  });

  test('when a session is past its expiry, then 401 session_expired however recently it was used', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());
    await ageSession(session.cookie, { expiresAt: new Date(Date.now() - 1_000) });

    // Act
    const response = await api().get(ME, withSession(session.cookie));

    // Assert
    expectProblem(response, 401, 'session_expired');
  });

  test('when a session is used, then it lasts SESSION_TTL_SECONDS from sign-in and the cookie says so', async () => {
    // Act
    const session = await signInWithBrowser(t.app, idp, newLogin());

    // Assert
    const me = await api().get(ME, withSession(session.cookie));
    const expiresIn = Date.parse(me.data.session.expires_at) - Date.now();
    expect(expiresIn).toBeGreaterThan(43_100_000);
    expect(expiresIn).toBeLessThanOrEqual(43_200_000);
    expect(cookieOf(session.callback, 'orderly_session')?.maxAge).toBe(43_200);
  });

  test('when the API is served over HTTPS, then every cookie it sets is Secure', async () => {
    // Arrange
    const https = await buildTestApp(oidcEnv(idp, { PUBLIC_URL: HTTPS_ORIGIN }));
    try {
      // Act
      const session = await signInWithBrowser(https.app, idp, newLogin());

      // Assert
      expect(cookieOf(session.callback, 'orderly_session')?.secure).toBe(true);
      expect(cookieOf(session.callback, 'orderly_csrf')?.secure).toBe(true);
      expect(session.callback.headers.location).toBe(`${HTTPS_ORIGIN}/api/v1/`);
    } finally {
      await https.close();
    }
  });
});

describe('a callback that does not check out', () => {
  test('when the state is not the one this browser got, then 401 invalid_login_state and no session', async () => {
    // Arrange
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, newLogin());
    callbackUrl.searchParams.set('state', 'forged-state-value-000000000');

    // Act
    const response = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(response, 401, 'invalid_login_state');
    expect(cookieOf(response, 'orderly_session')).toBeUndefined();
  });

  test('when the browser never started the login (no login cookie), then 401 invalid_login_state', async () => {
    // Arrange
    const { callbackUrl } = await loginAtProvider(t.app, idp, newLogin());

    // Act
    const response = await callBack(t.app, callbackUrl, {});

    // Assert
    expectProblem(response, 401, 'invalid_login_state');
  });

  test('when a completed callback is replayed, then 401 and no second session', async () => {
    // Arrange
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, newLogin());
    expect((await callBack(t.app, callbackUrl, { orderly_login: loginCookie })).statusCode).toBe(303);

    // Act
    const replay = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(replay, 401, 'invalid_login_state');
    expect(cookieOf(replay, 'orderly_session')).toBeUndefined();
  });

  test('when a used code is replayed inside a new login of the same browser, then the provider refuses it: 401 login_failed', async () => {
    // Arrange
    const login = newLogin();
    const first = await loginAtProvider(t.app, idp, login);
    expect((await callBack(t.app, first.callbackUrl, { orderly_login: first.loginCookie })).statusCode).toBe(
      303,
    );
    const second = await loginAtProvider(t.app, idp, login);
    const replay = new URL(first.callbackUrl);
    replay.searchParams.set('state', String(second.callbackUrl.searchParams.get('state')));

    // Act
    const response = await callBack(t.app, replay, { orderly_login: second.loginCookie });

    // Assert
    expectProblem(response, 401, 'login_failed');
  });

  test('when the ID token carries another nonce, then 401 login_failed', async () => {
    // Arrange
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, newLogin(), {
      tamper: (url) => url.searchParams.set('nonce', 'a-nonce-this-browser-never-got'),
    });

    // Act
    const response = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(response, 401, 'login_failed');
    expect(response.json().detail).toMatch(/nonce/);
  });

  test('when the answer claims another issuer, then 401 login_failed', async () => {
    // Arrange
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, newLogin());
    callbackUrl.searchParams.set('iss', 'https://evil.example');

    // Act
    const response = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(response, 401, 'login_failed');
  });

  test('when the provider has not verified the email, then 403 email_not_verified and no user', async () => {
    // Arrange
    const login = newLogin();
    idp.setAccount(login, { email: `${login}@example.com`, email_verified: false });
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, login);

    // Act
    const response = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(response, 403, 'email_not_verified');
    expect(await findUserByEmail(t.deps.database.db, `${login}@example.com`)).toBeUndefined();
  });

  test.each([
    ['an email domain that is not listed', { email: 'someone@elsewhere.test' }],
    ['a Workspace domain (hd) that is not listed', { email: 'someone@example.com', hd: 'elsewhere.test' }],
  ])('when the person has %s, then 403 domain_not_allowed', async (_case, claims) => {
    // Arrange
    const login = newLogin();
    idp.setAccount(login, { email_verified: true, ...claims });
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, login);

    // Act
    const response = await callBack(t.app, callbackUrl, { orderly_login: loginCookie });

    // Assert
    expectProblem(response, 403, 'domain_not_allowed');
  });

  test('when the Workspace domain (hd) is listed, then a person with that hd signs in', async () => {
    // Arrange
    const login = newLogin();
    idp.setAccount(login, { email: `${login}@mail.corp.test`, email_verified: true, hd: 'corp.test' });

    // Act
    const session = await signInWithBrowser(t.app, idp, login);

    // Assert
    expect((await api().get(ME, withSession(session.cookie))).statusCode).toBe(200);
  });
});

describe('next', () => {
  test.each([
    ['a protocol-relative URL', '//evil.example/'],
    ['another origin', 'https://evil.example/api/v1/'],
    ['a backslash path', '/\\evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['another scheme without slashes', 'https:evil.example'],
  ])('when next is %s, then 400 unsafe_redirect before any login starts', async (_case, next) => {
    // Act
    const response = await api().get(`/api/v1/api-auth/authenticate/?next=${encodeURIComponent(next)}`);

    // Assert
    expectProblem(response, 400, 'unsafe_redirect');
    expect(cookieOf(response, 'orderly_login')).toBeUndefined();
  });

  test('when next is an absolute URL on this site, then the person lands on it', async () => {
    // Act
    const session = await signInWithBrowser(t.app, idp, newLogin(), {
      next: `${API_ORIGIN}/api/v1/orders/?limit=5`,
    });

    // Assert
    expect(session.callback.headers.location).toBe(`${API_ORIGIN}/api/v1/orders/?limit=5`);
  });
});

test('when the v2 root is read, then it offers sign-in with the provider, named by its host unless OIDC_PROVIDER_NAME says', async () => {
  // Arrange
  const named = await buildTestApp(oidcEnv(idp, { OIDC_PROVIDER_NAME: 'Example SSO' }));
  try {
    // Act
    const byHost = await api().get(V2);
    const byName = await client(named.app).get(V2);

    // Assert
    const provider = { url: `${API_ORIGIN}${AUTHENTICATE}` };
    expect(byHost.data.sign_in.provider).toEqual({ ...provider, name: new URL(idp.issuer).hostname });
    expect(byName.data.sign_in.provider).toEqual({ ...provider, name: 'Example SSO' });
  } finally {
    await named.close();
  }
});

describe('logout', () => {
  test('when a person logs out, then the session ends on the server and the provider’s logout is offered', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());

    // Act
    const response = await api().post(LOGOUT, undefined, withSession(session.cookie));

    // Assert
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('id_token_hint')).toBeTruthy();
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${API_ORIGIN}/api/v1/`);
    expect(cookieOf(response, 'orderly_session')?.maxAge).toBe(0);
    expectProblem(await api().get(ME, withSession(session.cookie)), 401, 'session_expired');
  });

  test('when logout names next, then the provider’s logout comes back there', async () => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());

    // Act
    const response = await api().post(
      `${LOGOUT}?next=/console/sign-in`,
      undefined,
      withSession(session.cookie),
    );

    // Assert
    expect(response.statusCode).toBe(303);
    const location = new URL(String(response.headers.location));
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${API_ORIGIN}/console/sign-in`);
  });

  test('when logout is a GET without a session, then it still redirects', async () => {
    // Act
    const response = await api().get(LOGOUT);

    // Assert
    expect(response.statusCode).toBe(303);
  });
});

describe('CSRF on cookie-authenticated changes', () => {
  test.each([
    ['no token and no browser headers', {}],
    ['a wrong token', { 'x-csrf-token': 'not-the-token' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site (other subdomain) fetch', { 'sec-fetch-site': 'same-site' }],
    ['an Origin of another site', { origin: 'https://evil.example' }],
  ])(
    'when a POST with the session cookie has %s, then 403 csrf_failed and nothing is stored',
    async (_case, headers) => {
      // Arrange
      const session = await signInWithBrowser(t.app, idp, newLogin());
      const body = customerBody();

      // Act
      const response = await api().post(CUSTOMERS, body, withSession(session.cookie, headers));

      // Assert
      expectProblem(response, 403, 'csrf_failed');
      const list = await api().get(`${CUSTOMERS}?limit=100`, withSession(session.cookie));
      expect(list.data.count).toBe(0);
    },
  );

  test.each([
    ['the session’s CSRF token', (csrf: string) => ({ 'x-csrf-token': csrf })],
    ['a same-origin fetch (Sec-Fetch-Site)', () => ({ 'sec-fetch-site': 'same-origin' })],
    ['our own Origin (browsers without Fetch Metadata)', () => ({ origin: API_ORIGIN })],
  ])('when a POST with the session cookie comes with %s, then it is accepted', async (_case, headers) => {
    // Arrange
    const session = await signInWithBrowser(t.app, idp, newLogin());

    // Act
    const response = await api().post(
      CUSTOMERS,
      customerBody(),
      withSession(session.cookie, headers(session.csrf)),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(201);
  });
});

describe('a disabled user', () => {
  test('when a signed-in user is disabled, then their session is refused at once, and so is their next sign-in', async () => {
    // Arrange
    const login = newLogin();
    const session = await signInWithBrowser(t.app, idp, login);

    // Act
    await disableUser(t.deps.database.db, `${login}@example.com`);

    // Assert
    expectProblem(await api().get(ME, withSession(session.cookie)), 403, 'account_disabled');
    const { callbackUrl, loginCookie } = await loginAtProvider(t.app, idp, login);
    expectProblem(
      await callBack(t.app, callbackUrl, { orderly_login: loginCookie }),
      403,
      'account_disabled',
    );
  });
});

describe('the OpenAPI document with OIDC', () => {
  test('when it is read, then it offers OpenID Connect by discovery beside API tokens and the session', async () => {
    // Act
    const response = await api().get('/api/schema/');

    // Assert
    expect(response.data.components.securitySchemes.openIdConnect).toEqual(
      expect.objectContaining({
        type: 'openIdConnect',
        openIdConnectUrl: `${idp.issuer}/.well-known/openid-configuration`,
      }),
    );
    expect(response.data.paths['/api/v1/orders/'].post.security).toEqual([
      { apiToken: [] },
      { sessionCookie: [] },
      { openIdConnect: [] },
    ]);
  });
});

describe('opaque provider tokens without OIDC_USERINFO_TOKENS', () => {
  test('when a real opaque access token from the provider is sent, then 401 invalid_token: userinfo cannot say which app it was for', async () => {
    // Arrange
    const { accessToken } = await idp.tokens(newLogin());

    // Act
    const response = await client(t.app, accessToken).get(ME);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });
});
