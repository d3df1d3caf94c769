import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { selectPage } from '../db/paging.js';
import { preparedOnce } from '../db/prepared.js';
import { items, orders } from '../db/schema.js';
import { containsPattern } from '../db/search.js';
import { versionIn } from '../db/versions.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { Page, PageRequest, SortKey } from '../shared/pagination.js';
import type { ExpectedVersions } from '../shared/versions.js';

export type ItemRow = typeof items.$inferSelect;
export type ItemValues = Pick<
  typeof items.$inferInsert,
  'sku' | 'name' | 'description' | 'unitPrice' | 'currency' | 'active'
>;

/** The unique index that makes SKUs unique whatever their case. */
export const SKU_UNIQUE_INDEX = 'items_sku_lower_key';

export interface ItemFilters {
  /** Active items only (true), archived ones only (false), or both (undefined). */
  active?: boolean;
  search?: string;
}

const sortColumns = {
  id: items.id,
  sku: items.sku,
  name: items.name,
  unit_price: items.unitPrice,
  created_at: items.createdAt,
  updated_at: items.updatedAt,
} as const;
export type ItemSortField = keyof typeof sortColumns;
export const itemSortFields = Object.keys(sortColumns) as ItemSortField[];

function whereOf(filters: ItemFilters): SQL | undefined {
  const search = filters.search ? containsPattern(filters.search) : undefined;
  return and(
    filters.active === undefined ? undefined : eq(items.active, filters.active),
    search === undefined ? undefined : or(ilike(items.sku, search), ilike(items.name, search)),
  );
}

/** The catalogue is the business's: every caller sees the same rows, so no owner scope applies. */
export async function listItems(
  db: Database,
  filters: ItemFilters,
  page: PageRequest,
  ordering: SortKey<ItemSortField>[],
): Promise<Page<ItemRow>> {
  const orderBy = ordering.map((key) => (key.descending ? desc : asc)(sortColumns[key.field]));
  if (!ordering.some((key) => key.field === 'id')) orderBy.push(asc(items.id));
  return selectPage(db, items, whereOf(filters), orderBy, page);
}

/** The same list as `listItems`, one keyset page at a time (v2); the id breaks ties, as it does there. */
export function listItemsByCursor(
  db: Database,
  filters: ItemFilters,
  ordering: SortKey<ItemSortField>[],
  keyset: KeysetRequest,
): Promise<KeysetPage<ItemRow>> {
  const where = whereOf(filters);
  const keys = keysetKeys<ItemRow>(
    items,
    ordering.map((key) => ({ column: sortColumns[key.field], descending: key.descending })),
    { column: items.id, descending: false },
  );
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(items)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, items, where),
  );
}

const findItemStatement = preparedOnce((db) =>
  db
    .select()
    .from(items)
    .where(eq(items.id, sql.placeholder('id')))
    .prepare('find_item'),
);

export async function findItem(db: Database, id: number): Promise<ItemRow | undefined> {
  const [row] = await findItemStatement(db).execute({ id });
  return row;
}

/** Throws a unique violation on `SKU_UNIQUE_INDEX` when the SKU is taken, in any case. */
export async function insertItem(db: Database, values: ItemValues): Promise<ItemRow> {
  const [row] = await db.insert(items).values(values).returning();
  return row as ItemRow;
}

export async function updateItem(
  db: Database,
  id: number,
  values: Partial<ItemValues>,
  expected: ExpectedVersions,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .update(items)
    .set(values)
    .where(and(eq(items.id, id), versionIn(items.version, expected)))
    .returning();
  return row;
}

/** Orders naming the item hold it (the foreign key is ON DELETE RESTRICT): then this throws. */
export async function deleteItem(
  db: Database,
  id: number,
  expected: ExpectedVersions,
): Promise<ItemRow | undefined> {
  const [row] = await db
    .delete(items)
    .where(and(eq(items.id, id), versionIn(items.version, expected)))
    .returning();
  return row;
}

/** Orders of every owner that name the item. */
export async function countOrdersOfItem(db: Database, itemId: number): Promise<number> {
  const [row] = await db.select({ value: count() }).from(orders).where(eq(orders.itemId, itemId));
  return row?.value ?? 0;
}
