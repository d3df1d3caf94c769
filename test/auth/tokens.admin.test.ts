import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTokenAuthenticator } from '../../src/auth/tokens.service.js';
import { selectRows } from '../../src/db/client.js';
import { expectProblem, ids, pathOf, signIn, V2, walkPages } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

// Verified tokens are trusted for ten minutes: a change that counts at once cannot be the cache expiring.
const t = useTestApp({ AUTH_CACHE_TTL_MS: '600000' });

const TOKENS = `${V2}admin/tokens/`;
const tokenUrl = (id: number | string) => `${TOKENS}${id}/`;
const revokeUrl = (id: number | string) => `${TOKENS}${id}/revoke/`;
const ME = `${V2}me/`;
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('admin tokens: create', () => {
  test('when an admin creates a token for a user, then 201 with Location and the secret once, and it works at once', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const expiresAt = inAnHour();

    // Act
    const created = await api.post(TOKENS, {
      user: user.id,
      name: ' Nightly export ',
      expires_at: expiresAt,
    });
    const me = await client(t.app, created.data.token).get(ME);

    // Assert
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toEqual({
      id: expect.any(Number),
      url: `http://localhost${tokenUrl(created.data.id)}`,
      name: 'Nightly export',
      user: { id: user.id, email: user.email, url: `http://localhost${V2}admin/users/${user.id}/` },
      created_at: expect.any(String),
      expires_at: expiresAt,
      last_used_at: null,
      revoked_at: null,
      token: expect.stringMatching(/^oly_[A-Za-z0-9_-]{43}$/),
    });
    expect(created.headers.location).toBe(created.data.url);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.data).toMatchObject({ id: user.id, auth_method: 'api_token' });
  });

  test('when tokens are listed and read, then never their secret, and a used one shows last_used_at', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const created = (await api.post(TOKENS, { user: user.id, name: 'console' })).data;
    await client(t.app, created.token).get(ME);

    // Act
    const listed = await api.get(`${TOKENS}?user=${user.id}`);
    const read = await api.get(pathOf(created.url));

    // Assert
    expect(listed.statusCode, listed.body).toBe(200);
    expect(ids(listed)).toEqual([user.tokenId, created.id]);
    const { token: secret, ...shown } = created;
    expect(listed.body).not.toContain(secret);
    expect(read.body).not.toContain(secret);
    expect(listed.data.results[1]).toEqual({ ...shown, last_used_at: expect.any(String) });
    expect(read.data).toEqual(listed.data.results[1]);
    expect(listed.data.results.every((row: object) => !('token' in row))).toBe(true);
  });

  test('when a user’s tokens are walked one per page, then each comes once, by id', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    for (const name of ['a', 'b']) await api.post(TOKENS, { user: user.id, name });

    // Act
    const pages = await walkPages(api, `${TOKENS}?user=${user.id}&limit=1`);

    // Assert
    expect(pages).toHaveLength(3);
    expect(pages.flatMap(ids)[0]).toBe(user.tokenId);
  });

  test('when expires_at is in the past or not a time, then 400 naming expires_at and no token is made', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');

    // Act
    const past = await api.post(TOKENS, { user: user.id, name: 'old', expires_at: '2020-01-01T00:00:00Z' });
    const garbled = await api.post(TOKENS, { user: user.id, name: 'old', expires_at: 'tomorrow' });

    // Assert
    for (const response of [past, garbled]) {
      expectProblem(response, 400, 'validation_error');
      expect(response.data.details).toEqual([expect.objectContaining({ field: 'expires_at' })]);
    }
    expect(ids(await api.get(`${TOKENS}?user=${user.id}`))).toEqual([user.tokenId]);
  });

  test('when the name is missing or blank, then 400 naming name', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');

    // Act
    const missing = await api.post(TOKENS, { user: user.id });
    const blank = await api.post(TOKENS, { user: user.id, name: '   ' });

    // Assert
    for (const response of [missing, blank]) {
      expectProblem(response, 400, 'validation_error');
      expect(JSON.stringify(response.data.details)).toContain('name');
    }
  });

  test('when the user does not exist, then 404 not_found naming user, as an unknown customer of an order is', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(TOKENS, { user: 987654321, name: 'nobody' });

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'user', code: 'not_found' })]);
  });

  test('when a create is sent with an Idempotency-Key, then its secret is stored nowhere in plain text', async () => {
    // Arrange
    const { api, user: admin } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const key = { headers: { 'idempotency-key': `token-${user.id}` } };

    // Act
    const first = await api.post(TOKENS, { user: user.id, name: 'retried' }, key);
    const retry = await api.post(TOKENS, { user: user.id, name: 'retried' }, key);

    // Assert
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.data.token).not.toBe(first.data.token);
    const stored = await selectRows<{ body: string }>(
      t.deps.database.db,
      sql`select body from idempotency_keys where user_id = ${admin.id}`,
    );
    expect(stored.some((row) => row.body.includes(first.data.token))).toBe(false);
  });
});

describe('admin tokens: revoke', () => {
  test('when an admin revokes a cached token, then it is refused at once; revoking again answers the same revoked_at', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const theirs = client(t.app, user.token);
    expect((await theirs.get(ME)).statusCode).toBe(200);

    // Act
    const revoked = await api.post(revokeUrl(user.tokenId));
    const refused = await theirs.get(ME);
    const again = await api.post(revokeUrl(user.tokenId));

    // Assert
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.data).toMatchObject({ id: user.tokenId, revoked_at: expect.any(String) });
    expectProblem(refused, 401, 'invalid_token');
    expect(again.statusCode).toBe(200);
    expect(again.data).toEqual(revoked.data);
  });

  test('when a token no one has is read or revoked, then 404 not_found', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const read = await api.get(tokenUrl(987654321));
    const revoked = await api.post(revokeUrl(987654321));

    // Assert
    expectProblem(read, 404, 'not_found');
    expectProblem(revoked, 404, 'not_found');
  });

  test('when staff list, read, create or revoke tokens, then 403 admin_only and their own token still works', async () => {
    // Arrange
    const { api, user } = await signIn(t, 'staff');

    // Act
    const listed = await api.get(`${TOKENS}?user=${user.id}`);
    const read = await api.get(tokenUrl(user.tokenId));
    const created = await api.post(TOKENS, { user: user.id, name: 'mine' });
    const revoked = await api.post(revokeUrl(user.tokenId));

    // Assert
    for (const response of [listed, read, created, revoked]) expectProblem(response, 403, 'admin_only');
    expect((await api.get(ME)).statusCode).toBe(200);
  });
});

describe('admin tokens: on an instance the database does not notify', () => {
  // Its own token authenticator, which no notification reaches: only the route itself can make it forget.
  let deaf: FastifyInstance;
  beforeAll(async () => {
    const { deps } = t;
    const tokens = createTokenAuthenticator(deps.database.db, 600_000);
    deaf = await buildApp({ ...deps, db: deps.database.db, tokens, logger: false });
    await deaf.ready();
  });
  afterAll(() => deaf?.close());

  test('when an admin revokes a token through it, then that instance refuses the cached token at once', async () => {
    // Arrange
    const admin = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const theirs = client(deaf, user.token);
    expect((await theirs.get(ME)).statusCode).toBe(200);

    // Act
    const revoked = await client(deaf, admin.user.token).post(revokeUrl(user.tokenId));
    const refused = await theirs.get(ME);

    // Assert
    expect(revoked.statusCode, revoked.body).toBe(200);
    expectProblem(refused, 401, 'invalid_token');
  });
});
