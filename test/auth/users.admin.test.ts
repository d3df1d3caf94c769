import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTokenAuthenticator } from '../../src/auth/tokens.service.js';
import { createUser } from '../../src/auth/users.service.js';
import { expectProblem, ids, mergePatch, pathOf, signIn, V2, walkPages } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

// Verified tokens are trusted for ten minutes: a change that counts at once cannot be the cache expiring.
const t = useTestApp({ AUTH_CACHE_TTL_MS: '600000' });

const USERS = `${V2}admin/users/`;
const userUrl = (id: number | string) => `${USERS}${id}/`;
const ME = `${V2}me/`;

/** A word only this test's users hold: users are shared by the whole file, so lists are narrowed with `search`. */
const uniqueWord = () => `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe('admin users: list and read', () => {
  test('when an admin lists users, then each shows its fields, and role, disabled and search filter them', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const db = t.deps.database.db;
    const named = await createUser(db, {
      email: `amina.${word}@example.test`,
      role: 'staff',
      displayName: 'Amina',
    });
    const boss = await createUser(db, { email: `boss@${word}.example.test`, role: 'admin' });
    const gone = await createUser(db, {
      email: `x@example.test`.replace('x', `gone-${word}`),
      role: 'staff',
    });
    expect((await api.patch(userUrl(gone.id), { disabled: true })).statusCode).toBe(200);

    // Act
    const all = await api.get(`${USERS}?search=${word.toUpperCase()}`);
    const admins = await api.get(`${USERS}?search=${word}&role=admin`);
    const disabled = await api.get(`${USERS}?search=${word}&disabled=true`);
    const enabled = await api.get(`${USERS}?search=${word}&disabled=false&count=true`);
    const byName = await api.get(`${USERS}?search=amin&role=staff&disabled=false&limit=100`);

    // Assert
    expect(all.statusCode, all.body).toBe(200);
    expect(ids(all)).toEqual([named.id, boss.id, gone.id]);
    expect(all.data.results[0]).toEqual({
      id: named.id,
      url: `http://localhost${userUrl(named.id)}`,
      email: named.email,
      name: 'Amina',
      role: 'staff',
      disabled: false,
      created_at: named.createdAt.toISOString(),
    });
    expect(all.data.results[1]).toMatchObject({ name: null, role: 'admin' });
    expect(ids(admins)).toEqual([boss.id]);
    expect(ids(disabled)).toEqual([gone.id]);
    expect(ids(enabled)).toEqual([named.id, boss.id]);
    expect(enabled.data.count).toBe(2);
    expect(ids(byName)).toContain(named.id);
  });

  test('when the users are walked one per page, then every page links the next and each user comes once, by id', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        await createUser(t.deps.database.db, { email: `p${i}-${word}@example.test`, role: 'staff' }),
      );
    }

    // Act
    const pages = await walkPages(api, `${USERS}?search=${word}&limit=1`);

    // Assert
    expect(pages.flatMap(ids)).toEqual(created.map((user) => user.id));
  });

  test('when an admin reads a user, then 200 with an ETag, and 304 when If-None-Match names it', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');

    // Act
    const read = await api.get(userUrl(user.id));
    const again = await api.get(userUrl(user.id), {
      headers: { 'if-none-match': String(read.headers.etag) },
    });

    // Assert
    expect(read.statusCode, read.body).toBe(200);
    expect(read.data).toMatchObject({ id: user.id, email: user.email, role: 'staff', disabled: false });
    expect(read.headers.etag).toMatch(/^"u[A-Za-z0-9_-]+"$/);
    expect(again.statusCode).toBe(304);
  });

  test('when an admin reads or patches a user no one has, then 404 not_found', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const read = await api.get(userUrl(987654321));
    const patched = await api.patch(userUrl(987654321), { disabled: true });

    // Assert
    expectProblem(read, 404, 'not_found');
    expectProblem(patched, 404, 'not_found');
  });

  test('when staff list, read or patch users, then 403 admin_only and nothing changes', async () => {
    // Arrange
    const { api, user } = await signIn(t, 'staff');
    const { user: other } = await signIn(t, 'staff');

    // Act
    const listed = await api.get(USERS);
    const read = await api.get(userUrl(other.id));
    const patched = await api.patch(userUrl(other.id), { disabled: true });
    const self = await api.patch(userUrl(user.id), { disabled: true });

    // Assert
    for (const response of [listed, read, patched, self]) expectProblem(response, 403, 'admin_only');
    expect((await client(t.app, other.token).get(ME)).statusCode).toBe(200);
  });
});

describe('admin users: disable and enable', () => {
  test('when an admin disables a user whose token is cached, then the token is refused at once; enabled, it works again', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const theirs = client(t.app, user.token);
    expect((await theirs.get(ME)).statusCode).toBe(200);

    // Act
    const disabled = await api.patch(userUrl(user.id), { disabled: true });
    const refused = await theirs.get(ME);
    const enabled = await mergePatch(api, userUrl(user.id), '{"disabled":false}');
    const accepted = await theirs.get(ME);

    // Assert
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.data).toMatchObject({ id: user.id, disabled: true });
    expectProblem(refused, 403, 'account_disabled');
    expect(enabled.data).toMatchObject({ id: user.id, disabled: false });
    expect(accepted.statusCode).toBe(200);
  });

  test('when an admin disables themselves, then 409 cannot_disable_self naming disabled, and they stay enabled', async () => {
    // Arrange
    const { api, user } = await signIn(t, 'admin');

    // Act
    const response = await api.patch(userUrl(user.id), { disabled: true });

    // Assert
    expectProblem(response, 409, 'cannot_disable_self');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'disabled' })]);
    expect((await api.get(userUrl(user.id))).data.disabled).toBe(false);
  });

  test('when a user read is sent back with disabled changed, then 200; with a read-only field changed, then 400 naming it', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const read = (await api.get(userUrl(user.id))).data;

    // Act
    const echoed = await api.patch(userUrl(user.id), { ...read, disabled: true });
    const promoted = await api.patch(userUrl(user.id), { role: 'admin' });

    // Assert
    expect(echoed.statusCode, echoed.body).toBe(200);
    expect(echoed.data).toEqual({ ...read, disabled: true });
    expectProblem(promoted, 400, 'read_only_field');
    expect(promoted.data.details).toEqual([expect.objectContaining({ field: 'role', code: 'read_only' })]);
    expect((await api.get(userUrl(user.id))).data.role).toBe('staff');
  });

  test('when the patch is not a boolean or names an unknown field, then 400 validation_error naming the field', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');

    // Act
    const notBoolean = await api.patch(userUrl(user.id), { disabled: 'yes' });
    const unknown = await api.patch(userUrl(user.id), { password: 'x' });

    // Assert
    expectProblem(notBoolean, 400, 'validation_error');
    expect(notBoolean.data.details).toEqual([expect.objectContaining({ field: 'disabled' })]);
    expectProblem(unknown, 400, 'validation_error');
    expect(JSON.stringify(unknown.data.details)).toContain('password');
  });

  test('when a user is listed with a stale page ETag after a change, then the page is sent again', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const url = `${USERS}?search=${encodeURIComponent(user.email)}`;
    const before = await api.get(url);

    // Act
    await api.patch(userUrl(user.id), { disabled: true });
    const after = await api.get(url, { headers: { 'if-none-match': String(before.headers.etag) } });

    // Assert
    expect(after.statusCode).toBe(200);
    expect(after.data.results).toEqual([expect.objectContaining({ id: user.id, disabled: true })]);
    expect(pathOf(after.data.results[0].url)).toBe(userUrl(user.id));
  });
});

describe('admin users: on an instance the database does not notify', () => {
  // Its own token authenticator, which no notification reaches: only the route itself can make it forget.
  let deaf: FastifyInstance;
  beforeAll(async () => {
    const { deps } = t;
    const tokens = createTokenAuthenticator(deps.database.db, 600_000);
    deaf = await buildApp({ ...deps, db: deps.database.db, tokens, logger: false });
    await deaf.ready();
  });
  afterAll(() => deaf?.close());

  test('when an admin disables a user through it, then that instance refuses the user’s cached token at once', async () => {
    // Arrange
    const admin = await signIn(t, 'admin');
    const { user } = await signIn(t, 'staff');
    const theirs = client(deaf, user.token);
    expect((await theirs.get(ME)).statusCode).toBe(200);

    // Act
    const disabled = await client(deaf, admin.user.token).patch(userUrl(user.id), { disabled: true });
    const refused = await theirs.get(ME);

    // Assert
    expect(disabled.statusCode, disabled.body).toBe(200);
    expectProblem(refused, 403, 'account_disabled');
  });
});
