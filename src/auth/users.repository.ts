import { asc, eq, sql } from 'drizzle-orm';
import { type Database, selectRows } from '../db/client.js';
import { users } from '../db/schema.js';

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

export async function setUserDisabled(db: Database, id: number, disabled: boolean): Promise<void> {
  await db.update(users).set({ disabled }).where(eq(users.id, id));
}
