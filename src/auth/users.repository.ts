import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { users } from '../db/schema.js';
import { containsPattern } from '../db/search.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { Role } from './actor.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Pick<typeof users.$inferInsert, 'email' | 'displayName' | 'role'>;

export async function insertUser(db: Database, user: NewUser): Promise<UserRow> {
  const [row] = await db.insert(users).values(user).returning();
  return row as UserRow;
}

/** Inserts the user only while the table is empty; returns undefined when another user exists. */
export async function insertFirstUser(db: Database, user: NewUser): Promise<UserRow | undefined> {
  const rows = await selectRows<{ id: number }>(
    db,
    sql`
    insert into ${users} (email, display_name, role)
    select ${user.email}, ${user.displayName}, ${user.role}
    where not exists (select 1 from ${users})
    on conflict do nothing
    returning id`,
  );
  const id = rows[0]?.id;
  return id === undefined ? undefined : findUserById(db, Number(id));
}

export async function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findUserByEmail(db: Database, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export function listUsers(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.id));
}

export interface UserFilters {
  role?: Role;
  disabled?: boolean;
  /** Case-insensitive substring of the email or the display name (`%` and `_` match themselves). */
  search?: string;
}

function whereOf(filters: UserFilters): SQL | undefined {
  const search = filters.search ? containsPattern(filters.search) : undefined;
  return and(
    filters.role === undefined ? undefined : eq(users.role, filters.role),
    filters.disabled === undefined ? undefined : eq(users.disabled, filters.disabled),
    search === undefined ? undefined : or(ilike(users.email, search), ilike(users.displayName, search)),
  );
}

/** Users by id, one keyset page at a time (a seek on the primary key). */
export function listUsersByCursor(
  db: Database,
  filters: UserFilters,
  keyset: KeysetRequest,
): Promise<KeysetPage<UserRow>> {
  const where = whereOf(filters);
  const keys = keysetKeys<UserRow>(users, [], { column: users.id, descending: false });
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(users)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, users, where),
  );
}

/**
 * Disables or enables a user; returns undefined when no user has this id. A change of `disabled` makes the
 * database tell every process to forget the credentials it cached (migration 0004).
 */
export async function setUserDisabled(
  db: Database,
  id: number,
  disabled: boolean,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ disabled }).where(eq(users.id, id)).returning();
  return row;
}
