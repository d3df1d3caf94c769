import type { Database } from '../db/client.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import { AppError, databaseError, notFound, UNIQUE_VIOLATION } from '../shared/errors.js';
import { assertAdmin, type Ctx, type Role } from './actor.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  listUsersByCursor as listUsersPage,
  setUserDisabled,
  type UserFilters,
  type UserRow,
} from './users.repository.js';

export type { UserFilters, UserRow };

const EMAIL = /^[^@\s]+@[^@\s]+$/;

export interface CreateUserInput {
  email: string;
  role: Role;
  displayName?: string;
}

export async function createUser(db: Database, input: CreateUserInput): Promise<UserRow> {
  const email = input.email.trim();
  if (!EMAIL.test(email) || email.length > 254) {
    throw new AppError('validation_error', `"${input.email}" is not an email address.`);
  }
  try {
    return await insertUser(db, { email, role: input.role, displayName: input.displayName?.trim() ?? '' });
  } catch (error) {
    if (databaseError(error)?.code === UNIQUE_VIOLATION) {
      throw new AppError('conflict', `A user with the email ${email} already exists.`);
    }
    throw error;
  }
}

export async function requireUserByEmail(db: Database, email: string): Promise<UserRow> {
  const user = await findUserByEmail(db, email.trim());
  if (!user) throw new AppError('not_found', `No user has the email ${email}.`);
  return user;
}

export async function disableUser(db: Database, email: string): Promise<UserRow> {
  const user = await requireUserByEmail(db, email);
  await setUserDisabled(db, user.id, true);
  return { ...user, disabled: true };
}

export { listUsers };

/** Changing a user: the domain context, and how to make a change of credentials count on this process at once. */
export interface UsersCtx extends Ctx {
  /** Forgets every credential this process has verified and cached (tokens.forget, providerTokens.forget). */
  forgetCredentials(): void;
}

/** What an admin may change of a user over the API. */
export interface UserChanges {
  /** True refuses every credential of the user from then on; false accepts them again. */
  disabled?: boolean;
}

/** The users, by id, one keyset page at a time: admins only. */
export function listUsersByCursor(
  ctx: Ctx,
  filters: UserFilters,
  keyset: KeysetRequest,
): Promise<KeysetPage<UserRow>> {
  assertAdmin(ctx.actor, 'list users');
  return listUsersPage(ctx.db, filters, keyset);
}

/** One user, disabled ones too: admins only. */
export async function getUser(ctx: Ctx, id: number): Promise<UserRow> {
  assertAdmin(ctx.actor, 'read users');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('User', id);
  return row;
}

/**
 * Disables or re-enables a user: admins only, and never themselves (409 `cannot_disable_self`), so that
 * nobody locks the last admin out by accident.
 *
 * Disabling takes effect at once on this process: the credentials it cached are forgotten as soon as the
 * change is committed. Every other process (the other API instances, a worker) hears of it from the
 * database's notification (migration 0004, deps.ts), a moment after the commit; should its listening
 * connection be down, it forgets everything once it is back, and until then trusts a cached credential at
 * most AUTH_CACHE_TTL_MS. Browser sessions are never cached, so they end at once everywhere.
 */
export async function changeUser(ctx: UsersCtx, id: number, changes: UserChanges): Promise<UserRow> {
  assertAdmin(ctx.actor, 'disable or enable users');
  if (changes.disabled === true && id === ctx.actor.userId) {
    throw new AppError(
      'cannot_disable_self',
      'You cannot disable your own account; ask another admin to, so that an admin is always left.',
      [{ field: 'disabled', code: 'self', message: 'An admin cannot disable their own account.' }],
    );
  }
  if (changes.disabled === undefined) return getUser(ctx, id);
  const row = await setUserDisabled(ctx.db, id, changes.disabled);
  if (!row) throw notFound('User', id);
  // After the commit (this statement's own). A verification of one of the user's credentials running
  // meanwhile may still cache what it read before the commit: the database's notification clears that too.
  if (changes.disabled) ctx.forgetCredentials();
  return row;
}
