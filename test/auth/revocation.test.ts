import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app.js';
import { revokeTokenById } from '../../src/auth/tokens.repository.js';
import { disableUser } from '../../src/auth/users.service.js';
import { loadConfig } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { CUSTOMERS, expectProblem } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { createUserWithToken } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

// Verified tokens are trusted for ten minutes here: only the database's notification can end that early.
const LONG_CACHE = { AUTH_CACHE_TTL_MS: '600000' };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp(LONG_CACHE);
});
afterAll(() => t?.close());

/** Polls briefly: a notification arrives a moment after the commit, not within the same tick. */
const eventually = (request: () => Promise<{ statusCode: number }>) =>
  expect.poll(async () => (await request()).statusCode, { timeout: 2_000, interval: 20 });

describe('credentials ended elsewhere', () => {
  test('when a cached token’s user is disabled by another part of the system, then the token is refused at once', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const api = client(t.app, user.token);
    expect((await api.get(CUSTOMERS)).statusCode).toBe(200);

    // Act
    await disableUser(t.deps.database.db, user.email);

    // Assert
    await eventually(() => api.get(CUSTOMERS)).toBe(403);
    expectProblem(await api.get(CUSTOMERS), 403, 'account_disabled');
  });

  test('when a cached token is revoked straight in the database (as the CLI does), then it is refused at once', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const api = client(t.app, user.token);
    expect((await api.get(CUSTOMERS)).statusCode).toBe(200);

    // Act
    await revokeTokenById(t.deps.database.db, user.tokenId);

    // Assert
    await eventually(() => api.get(CUSTOMERS)).toBe(401);
  });
});

describe.runIf(onRealPostgres)('two API instances on one database', () => {
  let other: Deps;
  let otherApp: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    other = await createDeps(loadConfig({ NODE_ENV: 'test', ...LONG_CACHE }), {
      // The first instance's throw-away database (test databases have no password to hide).
      url: t.deps.database.location,
      poolSize: 5,
    });
    otherApp = await buildApp({ ...other, db: other.database.db, logger: false });
  });
  afterAll(async () => {
    await otherApp?.close();
    await other?.database.close();
  });

  test('when one instance’s user is disabled, then the other instance refuses their cached token at once', async () => {
    // Arrange
    const user = await createUserWithToken(t.deps.database.db);
    const elsewhere = client(otherApp, user.token);
    expect((await elsewhere.get(CUSTOMERS)).statusCode).toBe(200);

    // Act
    await disableUser(t.deps.database.db, user.email);

    // Assert
    await eventually(() => elsewhere.get(CUSTOMERS)).toBe(403);
  });
});
