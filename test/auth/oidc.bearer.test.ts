import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { disableUser } from '../../src/auth/users.service.js';
import { CUSTOMERS, customerUrl, expectProblem, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';
import { startTestIdp, TEST_AUDIENCE, type TestIdp } from '../helpers/idp.js';
import { API_ORIGIN, ME, newLogin, oidcEnv, signInWithBrowser } from '../helpers/oidc.js';

let idp: TestIdp;
let t: TestApp;

beforeAll(async () => {
  idp = await startTestIdp({ redirectUris: [`${API_ORIGIN}/api/v1/api-auth/callback/`] });
  // No cache: every request checks the token again, so a disabled user is refused on the next one.
  t = await buildTestApp(oidcEnv(idp, { AUTH_CACHE_TTL_MS: '0', OIDC_USERINFO_TOKENS: 'true' }));
});

afterAll(async () => {
  await t?.close();
  await idp?.close();
});

/** A person who has signed in once in the browser, so their identity is linked to a user. */
async function linkedPerson() {
  const login = newLogin();
  await signInWithBrowser(t.app, idp, login);
  return login;
}

const bearer = (token: string) => client(t.app, token);

describe('provider JWT access tokens', () => {
  test('when a linked person sends a real access token from the provider, then it works like an API token', async () => {
    // Arrange
    const login = await linkedPerson();
    const { accessToken } = await idp.tokens(login, { resource: TEST_AUDIENCE });

    // Act
    const me = await bearer(accessToken).get(ME);
    const created = await bearer(accessToken).post(CUSTOMERS, customerBody());

    // Assert
    expect(me.statusCode, me.body).toBe(200);
    expect(me.data).toMatchObject({ email: `${login}@example.com`, auth_method: 'oidc_jwt', session: null });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data.owner).toBe(me.data.id);
  });

  test('when a JWT user reads another user’s customer, then 404 as for token users', async () => {
    // Arrange
    const { api: tokenUser } = await signIn(t);
    const theirs = await tokenUser.post(CUSTOMERS, customerBody());
    const token = await idp.signAccessToken(await linkedPerson());

    // Act
    const response = await bearer(token).get(customerUrl(theirs.data.id));

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test('when nobody is linked to the token’s subject and it carries no email, then 403 account_not_linked', async () => {
    // Arrange
    const token = await idp.signAccessToken(newLogin());

    // Act
    const response = await bearer(token).get(ME);

    // Assert
    expectProblem(response, 403, 'account_not_linked');
  });

  test('when an unknown subject’s token carries a verified email, then the person is signed up', async () => {
    // Arrange
    const login = newLogin();
    const token = await idp.signAccessToken(login, {
      claims: { email: `${login}@example.com`, email_verified: true },
    });

    // Act
    const response = await bearer(token).get(ME);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ email: `${login}@example.com`, role: 'staff' });
  });

  test.each([
    ['has expired', { claims: { exp: Math.floor(Date.now() / 1000) - 120 } }],
    ['is not valid yet', { claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }],
    ['is for another audience', { claims: { aud: 'https://another-api.example' } }],
    ['comes from another issuer', { claims: { iss: 'https://evil.example' } }],
    ['has no expiry', { claims: { exp: undefined } }],
    ['is signed with a key that is not in the provider’s JWKS', { key: 'foreign' as const }],
    ['is an ID token (typ JWT for the client, not the API)', { header: { typ: 'id+jwt' } }],
  ])('when the token %s, then 401 invalid_token with error="invalid_token"', async (_case, options) => {
    // Arrange
    const token = await idp.signAccessToken(await linkedPerson(), options);

    // Act
    const response = await bearer(token).get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer realm="orderly", error="invalid_token"/);
  });

  test('when the token is unsigned (alg none), then 401 invalid_token', async () => {
    // Arrange
    const login = await linkedPerson();
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const token = `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ iss: idp.issuer, aud: TEST_AUDIENCE, sub: login, iat: now, exp: now + 600 })}.`;

    // Act
    const response = await bearer(token).get(ME);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when the signature is tampered with (payload changed), then 401 invalid_token', async () => {
    // Arrange
    const token = await idp.signAccessToken(await linkedPerson());
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(
      JSON.stringify({ sub: 'someone-else', iss: idp.issuer, aud: TEST_AUDIENCE }),
    ).toString('base64url');

    // Act
    const response = await bearer(`${header}.${payload}.${signature}`).get(ME);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when the provider’s ID token is sent as a bearer token, then 401 (its audience is the client, not the API)', async () => {
    // Arrange
    const { idToken } = await idp.tokens(await linkedPerson(), { resource: TEST_AUDIENCE });

    // Act
    const response = await bearer(idToken).get(ME);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when the provider rotates its signing key, then tokens with the new key work and the retired key’s tokens do not', async () => {
    // Arrange
    const login = await linkedPerson();
    const before = await idp.signAccessToken(login);
    expect((await bearer(before).get(ME)).statusCode).toBe(200);

    // Act
    await idp.rotateKeys();
    const after = await idp.signAccessToken(login);

    // Assert
    expect((await bearer(after).get(ME)).statusCode).toBe(200);
    expectProblem(await bearer(before).get(ME), 401, 'invalid_token');
  });

  test('when the JWT’s user is disabled, then the next request is 403 account_disabled', async () => {
    // Arrange
    const login = await linkedPerson();
    const token = await idp.signAccessToken(login);
    expect((await bearer(token).get(ME)).statusCode).toBe(200);

    // Act
    await disableUser(t.deps.database.db, `${login}@example.com`);

    // Assert
    expectProblem(await bearer(token).get(ME), 403, 'account_disabled');
  });
});

describe('opaque provider tokens (checked at userinfo)', () => {
  test('when a person sends an opaque access token, then userinfo vouches for them and they are signed up', async () => {
    // Arrange
    const login = newLogin();
    const { accessToken } = await idp.tokens(login);

    // Act
    const response = await bearer(accessToken).get(ME);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ email: `${login}@example.com`, auth_method: 'oidc_userinfo' });
  });

  test('when userinfo refuses the token, then 401 invalid_token', async () => {
    // Act
    const response = await bearer('an-opaque-token-the-provider-never-issued').get(ME);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when userinfo says the email is not verified, then 403 email_not_verified', async () => {
    // Arrange
    const login = newLogin();
    idp.setAccount(login, { email: `${login}@example.com`, email_verified: false });
    const { accessToken } = await idp.tokens(login);

    // Act
    const response = await bearer(accessToken).get(ME);

    // Assert
    expectProblem(response, 403, 'email_not_verified');
  });
});
