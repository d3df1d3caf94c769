import { and, asc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { apiTokens, users } from '../db/schema.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';

export type TokenRow = typeof apiTokens.$inferSelect;

/** A token as admins see it: never its hash, with its user's email. */
export type TokenView = Omit<TokenRow, 'tokenHash'> & { userEmail: string };

const tokenView = {
  id: apiTokens.id,
  userId: apiTokens.userId,
  userEmail: users.email,
  name: apiTokens.name,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

export async function insertToken(
  db: Database,
  token: Pick<typeof apiTokens.$inferInsert, 'userId' | 'name' | 'tokenHash' | 'expiresAt'>,
): Promise<TokenRow> {
  const [row] = await db.insert(apiTokens).values(token).returning();
  return row as TokenRow;
}

/**
 * Finds the live token with this hash and records its use: one round trip. A disabled user's
 * token is found too, so that the caller can say why it is refused.
 */
export async function useToken(db: Database, tokenHash: string) {
  const [row] = await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .from(users)
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        eq(users.id, apiTokens.userId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    )
    .returning({
      userId: users.id,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      expiresAt: apiTokens.expiresAt,
    });
  return row;
}

export function listTokensOfUser(db: Database, userId: number): Promise<TokenRow[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(asc(apiTokens.id));
}

/** Revokes a token once; returns undefined when no token has this id. */
export async function revokeTokenById(db: Database, id: number): Promise<TokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
    .where(eq(apiTokens.id, id))
    .returning();
  return row;
}

export interface TokenFilters {
  userId?: number;
}

/** Every token (revoked and expired ones too) by id, one keyset page at a time. */
export function listTokenViewsByCursor(
  db: Database,
  filters: TokenFilters,
  keyset: KeysetRequest,
): Promise<KeysetPage<TokenView>> {
  const where: SQL | undefined =
    filters.userId === undefined ? undefined : eq(apiTokens.userId, filters.userId);
  const keys = keysetKeys<TokenView>(apiTokens, [], { column: apiTokens.id, descending: false });
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select(tokenView)
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, apiTokens, where),
  );
}

export async function findTokenView(db: Database, id: number): Promise<TokenView | undefined> {
  const [row] = await db
    .select(tokenView)
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.id, id));
  return row;
}
