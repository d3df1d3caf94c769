import { sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { oidcLogins, sessions, users } from '../db/schema.js';
import type { Role } from './actor.js';

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
  idToken: string;
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

export interface LiveSession {
  userId: number;
  email: string;
  role: Role;
  disabled: boolean;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * The live session with this hash (not revoked, not expired, used within `idleSeconds`), with its
 * user; its last use is recorded at most once a minute so that reads do not all become writes.
 */
export async function useSession(db: Database, tokenHash: string, idleSeconds: number) {
  const rows = await selectRows<{
    session_id: number | string;
    user_id: number | string;
    email: string;
    role: Role;
    disabled: boolean;
    csrf_token: string;
    expires_at: string | Date;
  }>(
    db,
    sql`
    with live as (
      select s.id as session_id, s.last_seen_at, s.csrf_token, s.expires_at,
             u.id as user_id, u.email, u.role, u.disabled
      from ${sessions} s join ${users} u on u.id = s.user_id
      where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(secs => ${idleSeconds})
    ), touched as (
      update ${sessions} set last_seen_at = now()
      where id = (select session_id from live) and last_seen_at < now() - interval '1 minute'
    )
    select session_id, user_id, email, role, disabled, csrf_token, expires_at from live`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    userId: Number(row.user_id),
    email: row.email,
    role: row.role,
    disabled: row.disabled,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
  } satisfies LiveSession;
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
