import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import {
  findOutcome,
  type StoredOutcome,
  storeOutcomeWithin,
} from '../../src/http/idempotency.repository.js';
import { databaseError } from '../../src/shared/errors.js';
import { useTestApp } from '../helpers/app.js';
import { createUserWithToken } from '../helpers/factories.js';

const t = useTestApp();

const outcome = (body: string): StoredOutcome => ({
  fingerprint: 'f',
  statusCode: 201,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
});

describe('storing an outcome inside the request transaction', () => {
  test('when the key has an expired outcome, then the new one replaces it', async () => {
    // Arrange
    const db = t.deps.database.db;
    const user = await createUserWithToken(db);
    const key = randomUUID();
    await storeOutcomeWithin(db, user.id, key, outcome('old'), 60);
    await db.execute(
      sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = ${key}`,
    );

    // Act
    await db.transaction((tx) => storeOutcomeWithin(tx, user.id, key, outcome('new'), 60));

    // Assert
    expect((await findOutcome(db, user.id, key))?.body).toBe('new');
  });

  test('when the key has an unexpired outcome, then it fails with 23505 and the first outcome stays', async () => {
    // Arrange: the COMMIT that follows without waiting must then be a ROLLBACK.
    const db = t.deps.database.db;
    const user = await createUserWithToken(db);
    const key = randomUUID();
    await storeOutcomeWithin(db, user.id, key, outcome('first'), 60);

    // Act
    const failure = await db
      .transaction((tx) => storeOutcomeWithin(tx, user.id, key, outcome('second'), 60))
      .then(
        () => undefined,
        (error: unknown) => error,
      );

    // Assert
    expect(databaseError(failure)?.code).toBe('23505');
    expect((await findOutcome(db, user.id, key))?.body).toBe('first');
  });
});
