import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { userIdentities, users } from '../db/schema.js';
import type { Role } from './actor.js';
import type { UserRow } from './users.repository.js';

export interface IdentityKey {
  issuer: string;
  subject: string;
}

export async function findUserByIdentity(db: Database, key: IdentityKey): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, key.issuer), eq(userIdentities.subject, key.subject)));
  return row?.user;
}

export async function touchIdentity(db: Database, key: IdentityKey, email: string): Promise<void> {
  await db
    .update(userIdentities)
    .set({ email, lastLoginAt: sql`now()` })
    .where(and(eq(userIdentities.issuer, key.issuer), eq(userIdentities.subject, key.subject)));
}

export async function insertIdentity(
  db: Database,
  userId: number,
  key: IdentityKey,
  email: string,
): Promise<void> {
  await db.insert(userIdentities).values({ userId, ...key, email, lastLoginAt: sql`now()` });
}

/** Whether the user already has an account at this issuer (at most one is allowed). */
export async function hasIdentityAt(db: Database, userId: number, issuer: string): Promise<boolean> {
  const [row] = await db
    .select({ id: userIdentities.id })
    .from(userIdentities)
    .where(and(eq(userIdentities.userId, userId), eq(userIdentities.issuer, issuer)));
  return row !== undefined;
}

export async function setUserRole(db: Database, userId: number, role: Role): Promise<void> {
  await db.update(users).set({ role }).where(eq(users.id, userId));
}

/** The user with this email (any case), locked until the transaction ends. */
export async function lockUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`)
    .for('update');
  return row;
}
