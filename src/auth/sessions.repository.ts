import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { preparedOnce } from '../db/prepared.js';
import { oidcLogins, sessions, users } from '../db/schema.js';

export type LoginRow = typeof oidcLogins.$inferSelect;

/** Records a login in progress and forgets abandoned ones: one round trip. */
export async function insertLogin(db: Database, login: LoginRow): Promise<void> {
  await db.execute(sql`
    with abandoned as (delete from ${oidcLogins} where expires_at < now())
    insert into ${oidcLogins} (id_hash, state, nonce, code_verifier, return_to, expires_at)
    values (${login.idHash}, ${login.state}, ${login.nonce}, ${login.codeVerifier}, ${login.returnTo}, ${login.expiresAt})`);
}

/** Takes a live login in progress: a login can be completed once only. */
export async function takeLogin(db: Database, idHash: string): Promise<LoginRow | undefined> {
  const [row] = await db
    .delete(oidcLogins)
    .where(sql`id_hash = ${idHash} and expires_at > now()`)
    .returning();
  return row;
}

export interface NewSession {
  userId: number;
  tokenHash: string;
  csrfToken: string;
  /** The provider's ID token, for RP-initiated logout; null for a session opened with an API token. */
  idToken: string | null;
  ttlSeconds: number;
  /** The session this browser had before signing in again, ended by the new one. */
  replacesHash: string | undefined;
}

/** Starts a session, ends the one it replaces and forgets sessions long over: one round trip. */
export async function insertSession(db: Database, session: NewSession): Promise<{ expiresAt: Date }> {
  const rows = await selectRows<{ expires_at: string | Date }>(
    db,
    sql`
    with replaced as (
      update ${sessions} set revoked_at = now()
      where token_hash = ${session.replacesHash ?? ''} and revoked_at is null
    ), forgotten as (
      delete from ${sessions} where expires_at < now() - interval '7 days'
    )
    insert into ${sessions} (user_id, token_hash, csrf_token, id_token, expires_at)
    values (${session.userId}, ${session.tokenHash}, ${session.csrfToken}, ${session.idToken},
            now() + make_interval(secs => ${session.ttlSeconds}))
    returning expires_at`,
  );
  return { expiresAt: new Date(rows[0]?.expires_at ?? 0) };
}

const liveSession = preparedOnce((db) =>
  db
    .select({
      id: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${sql.placeholder('idleSeconds')})`),
      ),
    )
    .prepare('live_session'),
);

/** Last use is recorded at most this often, so that reads do not all become writes. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The live session with this hash (not revoked, not expired, used within `idleSeconds`), with its
 * user: one prepared statement, plus a write of its last use at most once a minute.
 */
export async function useSession(db: Database, tokenHash: string, idleSeconds: number) {
  const [row] = await liveSession(db).execute({ tokenHash, idleSeconds });
  if (!row) return undefined;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.id));
  }
  return row;
}

/** Ends the session with this hash; returns its ID token (for RP-initiated logout) when there was one. */
export async function revokeSession(
  db: Database,
  tokenHash: string,
): Promise<{ idToken: string | null } | undefined> {
  const rows = await selectRows<{ id_token: string | null }>(
    db,
    sql`update ${sessions} set revoked_at = coalesce(revoked_at, now())
        where token_hash = ${tokenHash} returning id_token`,
  );
  return rows[0] ? { idToken: rows[0].id_token } : undefined;
}
