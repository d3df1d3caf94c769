import { and, asc, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type Actor, ownerScope } from '../auth/actor.js';
import { type Database, selectRows } from '../db/client.js';
import { countRows, keysetKeys, selectPreparedKeysetPage } from '../db/keyset.js';
import { preparedPages } from '../db/paging.js';
import { preparedByShape, preparedPerRole, selectPreparedRows } from '../db/prepared.js';
import { customers, items, notifications, orders } from '../db/schema.js';
import { versionIn } from '../db/versions.js';
import type { NotificationEvent, Outbox } from '../notifications/outbox.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { Page, PageRequest, SortKey } from '../shared/pagination.js';
import type { ExpectedVersions } from '../shared/versions.js';
import type { OrderStatus } from './orders.rules.js';

export type OrderRow = typeof orders.$inferSelect;

/** An order with what v2 shows of its customer and its catalogue item (null for a free-text item). */
export interface OrderView extends OrderRow {
  customerFirstName: string;
  customerSecondName: string;
  customerVersion: number;
  itemSku: string | null;
  itemName: string | null;
  itemVersion: number | null;
}

/** The terms of an order priced by hand (`item` as free text). */
export type OrderTerms = Pick<typeof orders.$inferInsert, 'item' | 'quantity' | 'pricePerUnit' | 'currency'>;

/**
 * The terms of an order of a catalogue item: the insert copies the item's name, currency and, unless
 * `pricePerUnit` is given, its price, as they are when the statement runs. `itemName` and `currency`,
 * when given, are conditions the item must meet for the order to be placed.
 */
export interface CatalogueTerms {
  itemId: number;
  quantity: number;
  pricePerUnit?: string;
  itemName?: string;
  currency?: string;
}

/** The foreign key of `orders.item_id`: it refuses an order of an item deleted meanwhile. */
export const ORDER_ITEM_FOREIGN_KEY = 'orders_item_id_items_id_fk';

/** How a request names a customer: by id, by code (among the caller's own), or both. */
export interface CustomerRef {
  customerId?: number;
  customerCode?: string;
}

export interface OrderFilters {
  status?: OrderStatus;
  customerId?: number;
  customerCode?: string;
  placedAfter?: Date;
  placedBefore?: Date;
  ownerId?: number;
  itemId?: number;
}

const sortColumns = {
  id: orders.id,
  time_placed: orders.timePlaced,
  updated_at: orders.updatedAt,
  item: orders.item,
  quantity: orders.quantity,
  price_per_unit: orders.pricePerUnit,
  amount: orders.amount,
  status: orders.status,
} as const;
export type OrderSortField = keyof typeof sortColumns;
export const orderSortFields = Object.keys(sortColumns) as OrderSortField[];

/** The caller's view of one customer, as named by `ref`. A code alone means one of the caller's own. */
function customerMatching(actor: Actor, ref: CustomerRef): SQL | undefined {
  return and(
    ref.customerId === undefined ? undefined : eq(customers.id, ref.customerId),
    ref.customerCode === undefined ? undefined : eq(customers.code, ref.customerCode),
    ref.customerId === undefined ? eq(customers.ownerId, actor.userId) : ownerScope(actor, customers.ownerId),
  );
}

export async function findCustomerRef(db: Database, actor: Actor, ref: CustomerRef) {
  const [row] = await db
    .select({ id: customers.id, code: customers.code, ownerId: customers.ownerId })
    .from(customers)
    .where(customerMatching(actor, ref));
  return row;
}

/**
 * Places an order for the customer named by `ref`, with its notification (`notify`), in one statement: the
 * customer lookup (within the caller's scope), the catalogue item's name, price and currency (when `terms`
 * name one, and only an active one), the order and its outbox row cannot be separated, so a concurrent
 * price change is either wholly before the order or wholly after it.
 * Undefined: no such customer, or no active item meeting the terms.
 */
export async function insertOrder(
  db: Database,
  actor: Actor,
  ref: CustomerRef,
  terms: OrderTerms | CatalogueTerms,
  notify: SQL | undefined,
): Promise<OrderRow | undefined> {
  // Drizzle's INSERT … SELECT cannot skip identity columns, so this one statement is written out.
  const insert = sql`insert into ${orders} (owner_id, customer_id, customer_code, item, item_id, quantity, price_per_unit, currency)
    ${'itemId' in terms ? catalogueOrderSource(actor, ref, terms) : orderSource(actor, ref, terms)}
    returning *`;
  // Prepared: planning this statement cost PostgreSQL more than running it.
  const [row] = await selectPreparedRows<Record<keyof typeof orderColumnNames, unknown>>(
    db,
    'insert_order',
    withNotification(insert, notify),
  );
  return row && orderFromRaw(row);
}

/** The row of an order priced by hand. */
function orderSource(actor: Actor, ref: CustomerRef, terms: OrderTerms): SQL {
  return sql`select ${customers.ownerId}, ${customers.id}, ${customers.code}, ${terms.item}::varchar, null::bigint,
           ${terms.quantity}::integer, ${terms.pricePerUnit}::numeric, ${terms.currency}::varchar
    from ${customers} where ${customerMatching(actor, ref)}`;
}

/** The row of an order of a catalogue item, with what it copies from the item. */
function catalogueOrderSource(actor: Actor, ref: CustomerRef, terms: CatalogueTerms): SQL {
  const price =
    terms.pricePerUnit === undefined ? sql`${items.unitPrice}` : sql`${terms.pricePerUnit}::numeric`;
  const where = and(
    customerMatching(actor, ref),
    eq(items.id, terms.itemId),
    eq(items.active, true),
    terms.itemName === undefined ? undefined : eq(items.name, terms.itemName),
    terms.currency === undefined ? undefined : eq(items.currency, terms.currency),
  );
  return sql`select ${customers.ownerId}, ${customers.id}, ${customers.code}, ${items.name}, ${items.id},
           ${terms.quantity}::integer, ${price}, ${items.currency}
    from ${customers} cross join ${items} where ${where}`;
}

/** `change` (an INSERT or UPDATE … RETURNING * of orders) and the notification it causes, as one statement. */
function withNotification(change: SQL, notify: SQL | undefined): SQL {
  return notify
    ? sql`with o as (${change}), notified as (${notify}) select ${orderAliases} from o`
    : sql`with o as (${change}) select ${orderAliases} from o`;
}

const orderColumnNames = Object.fromEntries(
  Object.entries(getTableColumns(orders)).map(([key, column]) => [key, column.name]),
) as Record<keyof OrderRow, string>;
const orderAliases = sql.raw(
  Object.entries(orderColumnNames)
    .map(([key, column]) => `${column} as "${key}"`)
    .join(', '),
);

/** A row from raw SQL, typed as Drizzle types it (the drivers differ on int8 and timestamps). */
function orderFromRaw(raw: Record<keyof OrderRow, unknown>): OrderRow {
  return {
    id: Number(raw.id),
    ownerId: Number(raw.ownerId),
    customerId: Number(raw.customerId),
    customerCode: String(raw.customerCode),
    item: String(raw.item),
    quantity: Number(raw.quantity),
    pricePerUnit: String(raw.pricePerUnit),
    itemId: raw.itemId === null ? null : Number(raw.itemId),
    currency: String(raw.currency),
    amount: String(raw.amount),
    status: raw.status as OrderRow['status'],
    timePlaced: new Date(raw.timePlaced as string | Date),
    updatedAt: new Date(raw.updatedAt as string | Date),
    version: Number(raw.version),
  };
}

/** `owner`: the staff caller's id, or the placeholder that stands for it in a prepared statement. */
function whereOf(actor: Actor, filters: OrderFilters, owner: unknown = actor.userId): SQL | undefined {
  return and(
    ownerScope(actor, orders.ownerId, owner),
    filters.ownerId === undefined ? undefined : eq(orders.ownerId, filters.ownerId),
    filters.status === undefined ? undefined : eq(orders.status, filters.status),
    filters.customerId === undefined ? undefined : eq(orders.customerId, filters.customerId),
    filters.customerCode === undefined ? undefined : eq(orders.customerCode, filters.customerCode),
    filters.itemId === undefined ? undefined : eq(orders.itemId, filters.itemId),
    filters.placedAfter === undefined ? undefined : gte(orders.timePlaced, filters.placedAfter),
    filters.placedBefore === undefined ? undefined : lt(orders.timePlaced, filters.placedBefore),
  );
}

const orderPages = preparedPages(orders, 'orders_page');

/**
 * A list's filters as a prepared statement takes them: the shape (the statement's text depends on the
 * role, on which filters are set, never on their values, and on the ordering), the filter written with
 * placeholders, and the placeholders' values.
 */
function preparedFilters(actor: Actor, filters: OrderFilters, ordering: SortKey<OrderSortField>[]) {
  const set = (Object.keys(filters) as (keyof OrderFilters)[]).filter((key) => filters[key] !== undefined);
  const params: Record<string, unknown> = { actor: actor.userId };
  for (const key of set) params[key] = filters[key];
  const order = ordering.map((key) => `${key.descending ? '-' : ''}${key.field}`).join(',');
  const where = () => {
    // The set filters, each standing for its value: the conditions whereOf writes with them are the same.
    const placeholders = Object.fromEntries(set.map((key) => [key, sql.placeholder(key)])) as OrderFilters;
    return whereOf(actor, placeholders, sql.placeholder('actor'));
  };
  return { shape: `${actor.role};${set.join(',')};${order}`, where, params };
}

export function listOrders(
  db: Database,
  actor: Actor,
  filters: OrderFilters,
  page: PageRequest,
  ordering: SortKey<OrderSortField>[],
): Promise<Page<OrderRow>> {
  const { shape, where, params } = preparedFilters(actor, filters, ordering);
  return orderPages(
    db,
    shape,
    () => {
      const orderBy = ordering.map((key) => (key.descending ? desc : asc)(sortColumns[key.field]));
      if (!ordering.some((key) => key.field === 'id'))
        orderBy.push(ordering[0]?.descending ? desc(orders.id) : asc(orders.id));
      return { where: where(), orderBy };
    },
    params,
    page,
  );
}

/** Orders with their customer (by primary key) and their item, if any: one statement, as cheap as an order alone. */
const selectOrderViews = (db: Database) =>
  db
    .select({
      ...getTableColumns(orders),
      customerFirstName: customers.firstName,
      customerSecondName: customers.secondName,
      customerVersion: customers.version,
      itemSku: items.sku,
      itemName: items.name,
      itemVersion: items.version,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .leftJoin(items, eq(items.id, orders.itemId));

/**
 * The same list as `listOrders`, one keyset page at a time, with each order's customer and item: by
 * default a seek on (owner_id, time_placed, id), the first page and the thousandth alike.
 */
export function listOrderViewsByCursor(
  db: Database,
  actor: Actor,
  filters: OrderFilters,
  ordering: SortKey<OrderSortField>[],
  keyset: KeysetRequest,
): Promise<KeysetPage<OrderView>> {
  const keys = keysetKeys<OrderView>(
    orders,
    ordering.map((key) => ({ column: sortColumns[key.field], descending: key.descending })),
    { column: orders.id, descending: ordering[0]?.descending ?? false },
  );
  const list = preparedFilters(actor, filters, ordering);
  return selectPreparedKeysetPage(
    keys,
    keyset,
    (seekShape, build, seekParams) =>
      orderViewPages(db, `${list.shape};${seekShape}`, (name) => {
        const { seek, orderBy } = build();
        return selectOrderViews(db)
          .where(and(list.where(), seek))
          .orderBy(...orderBy)
          .limit(sql.placeholder('limit'))
          .prepare(name);
      }).execute({ ...list.params, ...seekParams }) as Promise<OrderView[]>,
    () => countRows(db, orders, whereOf(actor, filters)),
  );
}

const orderViewPages = preparedByShape<PreparedOrderViews>('order_views_page');
type PreparedOrderViews = ReturnType<ReturnType<ReturnType<typeof selectOrderViews>['limit']>['prepare']>;

const findOrderViewStatement = preparedPerRole((db, scope, role) =>
  selectOrderViews(db)
    .where(and(eq(orders.id, sql.placeholder('id')), scope(orders.ownerId)))
    .prepare(`find_order_view_${role}`),
);

export async function findOrderView(db: Database, actor: Actor, id: number): Promise<OrderView | undefined> {
  const [row] = await findOrderViewStatement(db, actor).execute({ id, ownerId: actor.userId });
  return row;
}

const findOrderStatement = preparedPerRole((db, scope, role) =>
  db
    .select()
    .from(orders)
    .where(and(eq(orders.id, sql.placeholder('id')), scope(orders.ownerId)))
    .prepare(`find_order_${role}`),
);

export async function findOrder(db: Database, actor: Actor, id: number): Promise<OrderRow | undefined> {
  const [row] = await findOrderStatement(db, actor).execute({ id, ownerId: actor.userId });
  return row;
}

/** Reads the order and locks it until the transaction ends, so concurrent changes queue up. */
export async function lockOrder(tx: Database, actor: Actor, id: number): Promise<OrderRow | undefined> {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), ownerScope(actor, orders.ownerId)))
    .for('update');
  return row;
}

/**
 * Moves the order to `to` only if it is in one of `from` and at one of the `expected` versions (exactly
 * one of two racing changes wins), with the notification the change announces, in one statement.
 */
export async function setOrderStatus(
  db: Database,
  actor: Actor,
  id: number,
  from: readonly OrderStatus[],
  to: OrderStatus,
  expected: ExpectedVersions,
  notify: SQL | undefined,
): Promise<OrderRow | undefined> {
  const where = and(
    eq(orders.id, id),
    ownerScope(actor, orders.ownerId),
    inArray(orders.status, [...from]),
    versionIn(orders.version, expected),
  );
  const update = sql`update ${orders} set status = ${to} where ${where} returning *`;
  const [row] = await selectRows<Record<keyof typeof orderColumnNames, unknown>>(
    db,
    withNotification(update, notify),
  );
  return row && orderFromRaw(row);
}

export async function updateOrder(
  tx: Database,
  actor: Actor,
  id: number,
  values: Partial<OrderTerms & { status: OrderStatus; customerId: number; customerCode: string }>,
): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set(values)
    .where(and(eq(orders.id, id), ownerScope(actor, orders.ownerId)))
    .returning();
  return row as OrderRow;
}

/**
 * Deletes the order if it is in one of `deletable` and at one of the `expected` versions, in one statement
 * with its notifications not yet sent: those become `cancelled` and are never sent. Those sent stay on
 * record with the order's id. False: nothing matched.
 */
export async function deleteOrder(
  db: Database,
  actor: Actor,
  id: number,
  deletable: readonly OrderStatus[],
  expected: ExpectedVersions,
): Promise<boolean> {
  const where = and(
    eq(orders.id, id),
    ownerScope(actor, orders.ownerId),
    inArray(orders.status, [...deletable]),
    versionIn(orders.version, expected),
  );
  const rows = await selectRows<{ id: unknown }>(
    db,
    sql`with deleted as (delete from ${orders} where ${where} returning id),
      unsent as (
        update ${notifications} set status = 'cancelled', last_error = 'Not sent: its order was deleted.'
        where order_id in (select id from deleted) and status in ('pending', 'failed')
      )
      select id from deleted`,
  );
  return rows.length > 0;
}

/** Writes the `event` notification of order `id` (in the caller's transaction); false when that event sends none. */
export async function notifyOrder(
  tx: Database,
  outbox: Outbox,
  id: number,
  event: NotificationEvent,
): Promise<boolean> {
  const insert = outbox.insertFor(event, sql`${orders}`, sql`o.id = ${id}`);
  if (insert) await tx.execute(insert);
  return insert !== undefined;
}
