import { and, eq, gt, lte, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { selectPreparedRows } from '../db/prepared.js';
import { idempotencyKeys } from '../db/schema.js';

/** A response as it was first sent, to send again to a retry. */
export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface StoredOutcome extends StoredResponse {
  fingerprint: string;
}

/** First of the two keys of the advisory locks held by running idempotent requests (the second hashes the key). */
const LOCK_NAMESPACE = 7240;

/**
 * In the caller's transaction: takes the lock of (user, key), held until the transaction ends, and reads
 * the unexpired outcome stored under it. `locked` is false when another request with this key holds it.
 */
export async function lockKey(
  tx: Database,
  userId: number,
  key: string,
): Promise<{ locked: boolean; stored: StoredOutcome | undefined }> {
  const [row] = await selectPreparedRows<{ locked: boolean } & Partial<StoredOutcome>>(
    tx,
    'lock_idempotency_key',
    sql`select l.locked, k.fingerprint, k.status_code as "statusCode", k.headers, k.body
      from (select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`${userId}:${key}`})) as locked) l
      left join ${idempotencyKeys} k
        on l.locked and k.user_id = ${userId} and k.key = ${key} and k.expires_at > now()`,
  );
  const { locked, fingerprint, statusCode, headers, body } = row ?? { locked: false };
  const stored =
    fingerprint === undefined || fingerprint === null
      ? undefined
      : { fingerprint, statusCode: Number(statusCode), headers: headers ?? {}, body: body ?? '' };
  return { locked, stored };
}

/** The unexpired outcome stored under (user, key), read outside any lock. */
export async function findOutcome(
  db: Database,
  userId: number,
  key: string,
): Promise<StoredOutcome | undefined> {
  const [row] = await db
    .select({
      fingerprint: idempotencyKeys.fingerprint,
      statusCode: idempotencyKeys.statusCode,
      headers: idempotencyKeys.headers,
      body: idempotencyKeys.body,
    })
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.userId, userId),
        eq(idempotencyKeys.key, key),
        gt(idempotencyKeys.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/**
 * Stores the outcome of (user, key), replacing an expired one. False when an unexpired outcome is
 * there already: another request with this key committed first. (Raw SQL: on the hot path of every
 * idempotent POST, and the query builder costs more than the statement.)
 */
export async function storeOutcome(
  db: Database,
  userId: number,
  key: string,
  outcome: StoredOutcome,
  ttlSeconds: number,
): Promise<boolean> {
  const { fingerprint, statusCode, headers, body } = outcome;
  const rows = await selectRows(
    db,
    sql`insert into ${idempotencyKeys} as k (user_id, key, fingerprint, status_code, headers, body, expires_at)
      values (${userId}, ${key}, ${fingerprint}, ${statusCode}, ${JSON.stringify(headers)}::jsonb, ${body},
              now() + make_interval(secs => ${ttlSeconds}))
      on conflict (user_id, key) do update
        set fingerprint = excluded.fingerprint, status_code = excluded.status_code, headers = excluded.headers,
            body = excluded.body, created_at = now(), expires_at = excluded.expires_at
        where k.expires_at <= now()
      returning 1`,
  );
  return rows.length > 0;
}

/**
 * In the caller's transaction, under the key's lock: stores the outcome of (user, key), replacing an
 * expired one. Fails with SQLSTATE 23505 when an unexpired outcome is there already (a refusal that
 * another request with this key stored outside any transaction), so that the transaction can then
 * only roll back: the caller may send its COMMIT without waiting for this answer.
 */
export function storeOutcomeWithin(
  tx: Database,
  userId: number,
  key: string,
  outcome: StoredOutcome,
  ttlSeconds: number,
): Promise<unknown> {
  const { fingerprint, statusCode, headers, body } = outcome;
  // The INSERT reads the DELETE's CTE, so the expired row is gone before the INSERT checks the key.
  return selectPreparedRows(
    tx,
    'store_idempotency_key',
    sql`with expired as (
        delete from ${idempotencyKeys} where user_id = ${userId} and key = ${key} and expires_at <= now() returning 1
      )
      insert into ${idempotencyKeys} (user_id, key, fingerprint, status_code, headers, body, expires_at)
      select ${userId}, ${key}, ${fingerprint}, ${statusCode}, ${JSON.stringify(headers)}::jsonb, ${body},
             now() + make_interval(secs => ${ttlSeconds})
      from (select count(*) from expired) e`,
  );
}

/** Forgets outcomes past their retention. */
export async function deleteExpiredKeys(db: Database): Promise<void> {
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.expiresAt, sql`now()`));
}
