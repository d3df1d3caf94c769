import { sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../auth/actor.js';
import { normaliseCode } from '../customers/customers.rules.js';
import type { Database } from '../db/client.js';
import { findItem } from '../items/items.repository.js';
import { itemArchived } from '../items/items.service.js';
import { eventOfStatus, type Outbox } from '../notifications/outbox.js';
import type { KeysetRequest } from '../shared/cursor.js';
import { AppError, assertNoFieldErrors, databaseError, type FieldError, notFound } from '../shared/errors.js';
import { canonicalMoney, currencyCode, isPositiveMoney } from '../shared/money.js';
import { type PageRequest, parseOrdering } from '../shared/pagination.js';
import { trimmedText } from '../shared/text.js';
import { assertVersion, type ExpectedVersions } from '../shared/versions.js';
import type {
  CatalogueTerms,
  CustomerRef,
  OrderFilters,
  OrderRow,
  OrderTerms,
  OrderView,
} from './orders.repository.js';
import * as repository from './orders.repository.js';
import {
  assertTransition,
  deletableStatuses,
  invalidTransition,
  isFinal,
  type OrderStatus,
  orderFinal,
  orderNotDeletable,
  statusesLeadingTo,
} from './orders.rules.js';

export type { OrderRow, OrderView };

/** Order changes notify: their context carries the outbox too. */
export interface OrdersCtx extends Ctx {
  outbox: Outbox;
  /** Of orders priced by hand that name no currency. */
  defaultCurrency: string;
}

/**
 * What an order is for. Either a catalogue item (`itemId`): the order copies its name, its currency and,
 * unless `pricePerUnit` is given, its price, as they are when it is placed. Or an item priced by hand:
 * `item` (free text) and `pricePerUnit` are then required, and the currency is `currency` or else
 * DEFAULT_CURRENCY.
 */
export interface OrderInput extends CustomerRef {
  /** A catalogue item, active (409 `item_archived` otherwise). Set when the order is placed; it never changes. */
  itemId?: number;
  /** Free text, trimmed. With `itemId`: leave it out, or give the item's own name (400 `mismatch` otherwise). */
  item?: string;
  quantity: number;
  /** Decimal string > 0. Required without `itemId`; with it, overrides the catalogue price. */
  pricePerUnit?: string;
  /** ISO 4217. With `itemId`: leave it out, or give the item's currency (400 `mismatch` otherwise). */
  currency?: string;
  status?: OrderStatus;
}

function normaliseRef(ref: CustomerRef): CustomerRef {
  return {
    customerId: ref.customerId,
    customerCode: normaliseCode(ref.customerCode),
  };
}

function normaliseTerms(input: Partial<OrderInput>, errors: FieldError[]): Partial<OrderTerms> {
  const terms: Partial<OrderTerms> = {};
  if (input.item !== undefined) terms.item = trimmedText('item', input.item, errors);
  if (input.quantity !== undefined) terms.quantity = input.quantity;
  if (input.pricePerUnit !== undefined) {
    if (isPositiveMoney(input.pricePerUnit)) terms.pricePerUnit = canonicalMoney(input.pricePerUnit);
    else errors.push({ field: 'price_per_unit', code: 'too_small', message: 'Must be greater than 0.' });
  }
  if (input.currency !== undefined) terms.currency = currencyCode('currency', input.currency, errors);
  return terms;
}

/** A name or currency given with a catalogue item that differs from the one the order takes from it. */
function mismatch(field: 'item' | 'currency', given: string, expected: string, whose: string): FieldError {
  return {
    field,
    code: 'mismatch',
    message: `${whose} ${field === 'item' ? 'name' : 'currency'} is ${JSON.stringify(expected)}, not ${JSON.stringify(given)}; leave ${field} out or send it unchanged.`,
  };
}

function requireRef(ref: CustomerRef, errors: FieldError[]) {
  if (ref.customerId === undefined && ref.customerCode === undefined) {
    errors.push({ field: 'customer', code: 'required', message: 'Give customer (id) or customer_code.' });
  }
}

/** Why a customer reference found nothing: a mismatch between id and code (400), or no such customer (404). */
async function unresolvedRef(db: Database, actor: Actor, ref: CustomerRef): Promise<AppError> {
  if (ref.customerId !== undefined && ref.customerCode !== undefined) {
    const byId = await repository.findCustomerRef(db, actor, { customerId: ref.customerId });
    if (byId) {
      const message = `customer_code ${ref.customerCode} does not match customer ${ref.customerId} (code ${byId.code}).`;
      return new AppError('validation_error', message, [
        { field: 'customer_code', code: 'mismatch', message },
      ]);
    }
  }
  return ref.customerId !== undefined
    ? notFound('Customer', ref.customerId)
    : new AppError('not_found', `You have no customer with the code ${ref.customerCode}.`);
}

const sortFallback = [{ field: 'time_placed' as const, descending: true }];

/** A list's filters as the repository takes them, and its ordering (newest first unless given). */
function listing(filters: OrderFilters & { ordering?: string }) {
  const ordering = parseOrdering(filters.ordering, repository.orderSortFields, sortFallback);
  return { filters: { ...filters, customerCode: normaliseCode(filters.customerCode) }, ordering };
}

export function listOrders(ctx: Ctx, filters: OrderFilters & { ordering?: string }, page: PageRequest) {
  const list = listing(filters);
  return repository.listOrders(ctx.db, ctx.actor, list.filters, page, list.ordering);
}

/** The same list as `listOrders`, one keyset page at a time, each order with its customer and item (v2). */
export function listOrderViewsByCursor(
  ctx: Ctx,
  filters: OrderFilters & { ordering?: string },
  keyset: KeysetRequest,
) {
  const list = listing(filters);
  return repository.listOrderViewsByCursor(ctx.db, ctx.actor, list.filters, list.ordering, keyset);
}

export async function getOrder(ctx: Ctx, id: number): Promise<OrderRow> {
  const row = await repository.findOrder(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Order', id);
  return row;
}

/** An order with its customer's name and its catalogue item's SKU and name (v2 shows them inline). */
export async function getOrderView(ctx: Ctx, id: number): Promise<OrderView> {
  const row = await repository.findOrderView(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Order', id);
  return row;
}

/**
 * Why an order of a catalogue item was not placed: no such item (404), an archived one (409), terms that
 * contradict the item (400), or else the customer reference.
 */
async function unplacedCatalogueOrder(
  db: Database,
  actor: Actor,
  ref: CustomerRef,
  terms: CatalogueTerms,
): Promise<AppError> {
  const item = await findItem(db, terms.itemId);
  if (!item) return notFound('Item', terms.itemId);
  if (!item.active) return itemArchived(item);
  const errors: FieldError[] = [];
  if (terms.itemName !== undefined && terms.itemName !== item.name)
    errors.push(mismatch('item', terms.itemName, item.name, `Item ${item.id}'s`));
  if (terms.currency !== undefined && terms.currency !== item.currency)
    errors.push(mismatch('currency', terms.currency, item.currency, `Item ${item.id}'s`));
  if (errors.length > 0) {
    return new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join(' '), errors);
  }
  return unresolvedRef(db, actor, ref);
}

/** An item deleted between the insert's read of it and its foreign-key check (PostgreSQL only). */
const isItemGone = (error: unknown) => {
  const failure = databaseError(error);
  return failure?.code === '23503' && failure.constraint === repository.ORDER_ITEM_FOREIGN_KEY;
};

/**
 * Places a Pending order for one of the caller's customers (any customer, for an admin): of a catalogue
 * item (`itemId`), or of an item priced by hand. See `OrderInput`.
 */
export async function createOrder(ctx: OrdersCtx, input: OrderInput): Promise<OrderRow> {
  const errors: FieldError[] = [];
  const ref = normaliseRef(input);
  requireRef(ref, errors);
  const given = normaliseTerms(input, errors);
  if (input.itemId === undefined) {
    if (input.item === undefined)
      errors.push({ field: 'item', code: 'required', message: 'Give item (free text) or item_id.' });
    if (input.pricePerUnit === undefined) {
      errors.push({
        field: 'price_per_unit',
        code: 'required',
        message: 'An item given as free text needs its price; a catalogue item (item_id) has one.',
      });
    }
  }
  if (input.status !== undefined && input.status !== 'Pending') {
    errors.push({ field: 'status', code: 'invalid_choice', message: 'New orders are Pending.' });
  }
  assertNoFieldErrors(errors);
  const terms: OrderTerms | CatalogueTerms =
    input.itemId === undefined
      ? ({ ...given, currency: given.currency ?? ctx.defaultCurrency } as OrderTerms)
      : {
          itemId: input.itemId,
          quantity: input.quantity,
          pricePerUnit: given.pricePerUnit,
          itemName: given.item,
          currency: given.currency,
        };
  const notify = ctx.outbox.insertFor('order_placed', sql`o`);
  let row: OrderRow | undefined;
  try {
    row = await repository.insertOrder(ctx.db, ctx.actor, ref, terms, notify);
  } catch (error) {
    if (isItemGone(error) && input.itemId !== undefined) throw notFound('Item', input.itemId);
    throw error;
  }
  if (!row) {
    throw await ('itemId' in terms
      ? unplacedCatalogueOrder(ctx.db, ctx.actor, ref, terms)
      : unresolvedRef(ctx.db, ctx.actor, ref));
  }
  if (notify) ctx.outbox.announce();
  return row;
}

/** The notification a move to `status` announces, if any. */
const eventOf = (status: OrderStatus) => (status === 'Pending' ? undefined : eventOfStatus[status]);

/**
 * Close or cancel: one conditional UPDATE (with its notification), so of two racing requests exactly
 * one wins, and only the winner notifies.
 */
export async function transitionOrder(
  ctx: OrdersCtx,
  id: number,
  to: OrderStatus,
  expected: ExpectedVersions,
): Promise<OrderRow> {
  const event = eventOf(to);
  const notify = event && ctx.outbox.insertFor(event, sql`o`);
  const from = statusesLeadingTo(to);
  const row = await repository.setOrderStatus(ctx.db, ctx.actor, id, from, to, expected, notify);
  if (row) {
    if (notify) ctx.outbox.announce();
    return row;
  }
  const current = await repository.findOrder(ctx.db, ctx.actor, id);
  if (!current) throw notFound('Order', id);
  assertVersion('Order', current, expected);
  throw invalidTransition(id, current.status, to);
}

/**
 * Deletes a Pending or Cancelled order (one conditional DELETE); its SMS not yet sent are cancelled with it.
 * A Closed order is 409 `order_final`.
 */
export async function deleteOrder(ctx: Ctx, id: number, expected: ExpectedVersions): Promise<void> {
  if (await repository.deleteOrder(ctx.db, ctx.actor, id, deletableStatuses, expected)) return;
  const current = await repository.findOrder(ctx.db, ctx.actor, id);
  if (!current) throw notFound('Order', id);
  assertVersion('Order', current, expected);
  throw orderNotDeletable(id, current.status);
}

/** A merge patch (PATCH): changes the given fields only. */
export function updateOrder(
  ctx: OrdersCtx,
  id: number,
  input: Partial<OrderInput>,
  expected: ExpectedVersions,
): Promise<OrderRow> {
  return changeOrder(ctx, id, input, expected, []);
}

/**
 * A replacement (PUT): like `updateOrder`, but every writable field must be given, the customer
 * included (by `customer`, `customer_code` or both), so a PUT never silently keeps an omitted value.
 */
export function replaceOrder(
  ctx: OrdersCtx,
  id: number,
  input: Partial<OrderInput>,
  expected: ExpectedVersions,
): Promise<OrderRow> {
  const errors: FieldError[] = [];
  requireRef(normaliseRef(input), errors);
  return changeOrder(ctx, id, input, expected, errors);
}

/**
 * An order keeps the catalogue item it was placed for (cancel it and place another to order something
 * else), and with it the name and currency it copied; its quantity and price may change while Pending.
 */
function assertSameCatalogueTerms(
  current: OrderRow,
  itemId: number | undefined,
  terms: Partial<OrderTerms>,
): void {
  if (itemId !== undefined && itemId !== current.itemId) {
    const message = `item_id is set when an order is placed (here ${current.itemId ?? 'null'}); to order another item, cancel this order and place a new one.`;
    throw new AppError('read_only_field', message, [{ field: 'item_id', code: 'read_only', message }]);
  }
  if (current.itemId === null) return;
  const whose = `Order ${current.id} is of catalogue item ${current.itemId}: its`;
  const errors: FieldError[] = [];
  if (terms.item !== undefined && terms.item !== current.item)
    errors.push(mismatch('item', terms.item, current.item, whose));
  if (terms.currency !== undefined && terms.currency !== current.currency)
    errors.push(mismatch('currency', terms.currency, current.currency, whose));
  assertNoFieldErrors(errors);
}

/**
 * Changes the given fields under a row lock: the version (If-Match), the status rules and the "final
 * orders do not change" rule are checked against the row as it is, not as it was read earlier.
 * `errors` holds failures found so far.
 */
async function changeOrder(
  ctx: OrdersCtx,
  id: number,
  input: Partial<OrderInput>,
  expected: ExpectedVersions,
  errors: FieldError[],
): Promise<OrderRow> {
  const ref = normaliseRef(input);
  const terms = normaliseTerms(input, errors);
  assertNoFieldErrors(errors);
  let notified = false;
  const row = await ctx.db.transaction(async (tx) => {
    const current = await repository.lockOrder(tx, ctx.actor, id);
    if (!current) throw notFound('Order', id);
    assertVersion('Order', current, expected);
    const changesCustomer =
      (ref.customerId !== undefined && ref.customerId !== current.customerId) ||
      (ref.customerCode !== undefined && ref.customerCode !== current.customerCode);
    const changesTerms = (Object.keys(terms) as (keyof OrderTerms)[]).some(
      (key) => terms[key] !== current[key],
    );
    const status = input.status ?? current.status;
    assertTransition(id, current.status, status);
    if (isFinal(current.status) && (changesCustomer || changesTerms)) throw orderFinal(id, current.status);
    assertSameCatalogueTerms(current, input.itemId, terms);

    let customer: { customerId: number; customerCode: string } | undefined;
    if (changesCustomer) {
      // The new customer must be visible to the caller and belong to the order's owner.
      const found = await repository.findCustomerRef(tx, ctx.actor, ref);
      if (!found) throw await unresolvedRef(tx, ctx.actor, ref);
      if (found.ownerId !== current.ownerId) {
        const message = `Customer ${found.id} belongs to another user; an order stays with its owner.`;
        throw new AppError('validation_error', message, [
          { field: 'customer', code: 'other_owner', message },
        ]);
      }
      customer = { customerId: found.id, customerCode: found.code };
    }
    const row = await repository.updateOrder(tx, ctx.actor, id, { ...terms, ...customer, status });
    const event = status === current.status ? undefined : eventOf(status);
    if (event) notified = await repository.notifyOrder(tx, ctx.outbox, id, event);
    return row;
  });
  if (notified) ctx.outbox.announce();
  return row;
}
