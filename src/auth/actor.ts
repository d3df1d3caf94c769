import { eq, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';

export type Role = 'admin' | 'staff';

/** Who is calling, however they authenticated. */
export interface Actor {
  userId: number;
  email: string;
  role: Role;
  authMethod: AuthMethod;
}

/** How the caller proved who they are: an Orderly API token, a browser session, or a provider token. */
export const authMethods = ['api_token', 'session', 'oidc_jwt', 'oidc_userinfo'] as const;
export type AuthMethod = (typeof authMethods)[number];

/** What every domain function receives: the database (or transaction) and the caller. */
export interface Ctx {
  db: Database;
  actor: Actor;
}

/**
 * The one ownership rule, applied in the SQL WHERE of every query on owned data:
 * staff reach their own rows, admins reach all. Returns undefined when nothing needs filtering.
 * `ownerId` is the caller's id, or a placeholder for it in a prepared statement.
 */
export function ownerScope(
  actor: Pick<Actor, 'role'> & Partial<Actor>,
  ownerColumn: AnyPgColumn,
  ownerId: unknown = actor.userId,
): SQL | undefined {
  return actor.role === 'admin' ? undefined : eq(ownerColumn, ownerId);
}

/** Refuses (403 `admin_only`) anyone but an admin; `what` completes "Only an admin may …". */
export function assertAdmin(actor: Pick<Actor, 'role'>, what: string): void {
  if (actor.role !== 'admin') throw new AppError('admin_only', `Only an admin may ${what}.`);
}
