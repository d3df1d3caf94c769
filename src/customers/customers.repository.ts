import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, ownerScope } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { selectPage } from '../db/paging.js';
import { preparedPerRole } from '../db/prepared.js';
import { customers, orders } from '../db/schema.js';
import { containsPattern } from '../db/search.js';
import { versionIn } from '../db/versions.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { Page, PageRequest, SortKey } from '../shared/pagination.js';
import type { ExpectedVersions } from '../shared/versions.js';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerValues = Pick<
  typeof customers.$inferInsert,
  'firstName' | 'secondName' | 'code' | 'phone'
>;

export interface CustomerFilters {
  code?: string;
  search?: string;
  ownerId?: number;
}

const sortColumns = {
  id: customers.id,
  first_name: customers.firstName,
  second_name: customers.secondName,
  code: customers.code,
  created_at: customers.createdAt,
  updated_at: customers.updatedAt,
} as const;
export type CustomerSortField = keyof typeof sortColumns;
export const customerSortFields = Object.keys(sortColumns) as CustomerSortField[];

function whereOf(actor: Actor, filters: CustomerFilters): SQL | undefined {
  const search = filters.search ? containsPattern(filters.search) : undefined;
  return and(
    ownerScope(actor, customers.ownerId),
    filters.ownerId === undefined ? undefined : eq(customers.ownerId, filters.ownerId),
    filters.code === undefined ? undefined : eq(customers.code, filters.code),
    search === undefined
      ? undefined
      : or(
          ilike(customers.firstName, search),
          ilike(customers.secondName, search),
          ilike(customers.code, search),
          ilike(customers.phone, search),
        ),
  );
}

export async function listCustomers(
  db: Database,
  actor: Actor,
  filters: CustomerFilters,
  page: PageRequest,
  ordering: SortKey<CustomerSortField>[],
): Promise<Page<CustomerRow>> {
  const where = whereOf(actor, filters);
  const orderBy = ordering.map((key) => (key.descending ? desc : asc)(sortColumns[key.field]));
  if (!ordering.some((key) => key.field === 'id')) orderBy.push(asc(customers.id));
  return selectPage(db, customers, where, orderBy, page);
}

/** The same list as `listCustomers`, one keyset page at a time: a seek on (owner_id, id) by default. */
export function listCustomersByCursor(
  db: Database,
  actor: Actor,
  filters: CustomerFilters,
  ordering: SortKey<CustomerSortField>[],
  keyset: KeysetRequest,
): Promise<KeysetPage<CustomerRow>> {
  const where = whereOf(actor, filters);
  const keys = keysetKeys<CustomerRow>(
    customers,
    ordering.map((key) => ({ column: sortColumns[key.field], descending: key.descending })),
    { column: customers.id, descending: false },
  );
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(customers)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, customers, where),
  );
}

const findCustomerStatement = preparedPerRole((db, scope, role) =>
  db
    .select()
    .from(customers)
    .where(and(eq(customers.id, sql.placeholder('id')), scope(customers.ownerId)))
    .prepare(`find_customer_${role}`),
);

export async function findCustomer(db: Database, actor: Actor, id: number): Promise<CustomerRow | undefined> {
  const [row] = await findCustomerStatement(db, actor).execute({ id, ownerId: actor.userId });
  return row;
}

/** Undefined when the owner already has a customer with this code (no error: it may run inside a transaction). */
export async function insertCustomer(
  db: Database,
  ownerId: number,
  values: CustomerValues,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .insert(customers)
    .values({ ...values, ownerId })
    .onConflictDoNothing({ target: [customers.ownerId, customers.code] })
    .returning();
  return row;
}

export async function updateCustomer(
  db: Database,
  actor: Actor,
  id: number,
  values: Partial<CustomerValues>,
  expected: ExpectedVersions,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .update(customers)
    .set(values)
    .where(
      and(eq(customers.id, id), ownerScope(actor, customers.ownerId), versionIn(customers.version, expected)),
    )
    .returning();
  return row;
}

export async function deleteCustomer(
  db: Database,
  actor: Actor,
  id: number,
  expected: ExpectedVersions,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .delete(customers)
    .where(
      and(eq(customers.id, id), ownerScope(actor, customers.ownerId), versionIn(customers.version, expected)),
    )
    .returning();
  return row;
}

export async function countOrdersOfCustomer(db: Database, customerId: number): Promise<number> {
  const [row] = await db.select({ value: count() }).from(orders).where(eq(orders.customerId, customerId));
  return row?.value ?? 0;
}
