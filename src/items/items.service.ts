import type { Ctx } from '../auth/actor.js';
import type { KeysetRequest } from '../shared/cursor.js';
import {
  AppError,
  assertNoFieldErrors,
  databaseError,
  type FieldError,
  isStillReferenced,
  notFound,
  UNIQUE_VIOLATION,
} from '../shared/errors.js';
import { canonicalMoney, currencyCode, isPositiveMoney } from '../shared/money.js';
import { type PageRequest, parseOrdering } from '../shared/pagination.js';
import { trimmedText } from '../shared/text.js';
import { assertVersion, type ExpectedVersions, missingOrChanged } from '../shared/versions.js';
import type { ItemRow, ItemValues } from './items.repository.js';
import * as repository from './items.repository.js';

export type { ItemRow };

/** Creating an item needs the currency to fall back on. */
export interface ItemsCtx extends Ctx {
  /** DEFAULT_CURRENCY: of an item created without one. */
  defaultCurrency: string;
}

export interface ItemInput {
  /** 1–40 letters, digits, `.`, `_` or `-`; stored as given, unique whatever its case. */
  sku: string;
  /** 1–200 characters, trimmed. */
  name: string;
  /** Up to 2,000 characters, trimmed; blank or null: none. */
  description?: string | null;
  /** A decimal string > 0 with at most 2 decimals. */
  unitPrice: string;
  /** ISO 4217; DEFAULT_CURRENCY when omitted on create. */
  currency?: string;
  /** False archives the item: hidden from lists by default, and it can no longer be ordered. Default true. */
  active?: boolean;
}

/** Which items a list shows: active ones (the default), archived ones, or both. */
export type ActiveFilter = boolean | 'all';

export interface ItemListFilters {
  active?: ActiveFilter;
  /** Case-insensitive substring of the SKU or the name (`%` and `_` match themselves). */
  search?: string;
  /** `ordering` text, e.g. `-unit_price,name`; default `name`, then `id`. */
  ordering?: string;
}

const SKU = /^[A-Za-z0-9._-]{1,40}$/;
const DESCRIPTION_MAX = 2000;

const defaultOrdering = [
  { field: 'name' as const, descending: false },
  { field: 'id' as const, descending: false },
];

function normalise(input: Partial<ItemInput>): Partial<ItemValues> {
  const errors: FieldError[] = [];
  const values: Partial<ItemValues> = {};
  if (input.sku !== undefined) {
    if (SKU.test(input.sku)) values.sku = input.sku;
    else
      errors.push({
        field: 'sku',
        code: 'invalid_format',
        message: 'Must be 1 to 40 letters (A–Z), digits, ".", "_" or "-".',
      });
  }
  if (input.name !== undefined) values.name = trimmedText('name', input.name, errors);
  if (input.description !== undefined) {
    const description = input.description?.trim() || null;
    if (description !== null && [...description].length > DESCRIPTION_MAX) {
      errors.push({
        field: 'description',
        code: 'too_long',
        message: `Must be at most ${DESCRIPTION_MAX} characters.`,
      });
    }
    values.description = description;
  }
  if (input.unitPrice !== undefined) {
    if (isPositiveMoney(input.unitPrice)) values.unitPrice = canonicalMoney(input.unitPrice);
    else errors.push({ field: 'unit_price', code: 'too_small', message: 'Must be greater than 0.' });
  }
  if (input.currency !== undefined) values.currency = currencyCode('currency', input.currency, errors);
  if (input.active !== undefined) values.active = input.active;
  assertNoFieldErrors(errors);
  return values;
}

/** The catalogue is the business's: anyone signed in reads it, only admins change it. */
function assertAdmin(ctx: Ctx): void {
  if (ctx.actor.role !== 'admin') {
    throw new AppError('admin_only', 'Only an admin may create, change, archive or delete catalogue items.');
  }
}

const isSkuTaken = (error: unknown) => {
  const failure = databaseError(error);
  return failure?.code === UNIQUE_VIOLATION && failure.constraint === repository.SKU_UNIQUE_INDEX;
};

const skuTaken = (sku: string) =>
  new AppError(
    'sku_taken',
    `Another catalogue item has the SKU ${sku} (SKUs are unique whatever their case).`,
    [{ field: 'sku', code: 'taken', message: `${sku} is already the SKU of another item, in some case.` }],
  );

/** An archived item answers an attempt to order it. */
export const itemArchived = (item: Pick<ItemRow, 'id' | 'sku'>) =>
  new AppError('item_archived', `Item ${item.id} (${item.sku}) is archived and can no longer be ordered.`, {
    item: item.id,
  });

/** A list's filters as the repository takes them, and its ordering (by name, then id, unless given). */
function listing(filters: ItemListFilters) {
  const ordering = parseOrdering(filters.ordering, repository.itemSortFields, defaultOrdering);
  const active = filters.active ?? true;
  return { filters: { active: active === 'all' ? undefined : active, search: filters.search }, ordering };
}

export function listItems(ctx: Ctx, filters: ItemListFilters, page: PageRequest) {
  const list = listing(filters);
  return repository.listItems(ctx.db, list.filters, page, list.ordering);
}

/** The same list as `listItems`, one keyset page at a time (v2). */
export function listItemsByCursor(ctx: Ctx, filters: ItemListFilters, keyset: KeysetRequest) {
  const list = listing(filters);
  return repository.listItemsByCursor(ctx.db, list.filters, list.ordering, keyset);
}

/** Any item, archived ones included. */
export async function getItem(ctx: Ctx, id: number): Promise<ItemRow> {
  const row = await repository.findItem(ctx.db, id);
  if (!row) throw notFound('Item', id);
  return row;
}

export async function createItem(ctx: ItemsCtx, input: ItemInput): Promise<ItemRow> {
  assertAdmin(ctx);
  const values = normalise({ ...input, currency: input.currency ?? ctx.defaultCurrency }) as ItemValues;
  try {
    return await repository.insertItem(ctx.db, values);
  } catch (error) {
    if (isSkuTaken(error)) throw skuTaken(values.sku);
    throw error;
  }
}

/**
 * Changes the given fields (all of them for a replacement), if the item is at one of the `expected`
 * versions. `active: false` archives it; orders placed already keep what they copied from it.
 */
export async function updateItem(
  ctx: Ctx,
  id: number,
  input: Partial<ItemInput>,
  expected: ExpectedVersions,
): Promise<ItemRow> {
  assertAdmin(ctx);
  const values = normalise(input);
  if (Object.values(values).every((value) => value === undefined)) {
    const current = await getItem(ctx, id);
    assertVersion('Item', current, expected);
    return current;
  }
  try {
    const row = await repository.updateItem(ctx.db, id, values, expected);
    if (!row) throw await missingOrChanged('Item', id, expected, () => repository.findItem(ctx.db, id));
    return row;
  } catch (error) {
    if (isSkuTaken(error)) throw skuTaken(values.sku ?? '');
    throw error;
  }
}

/**
 * Deletes an item no order names, if it is at one of the `expected` versions. The foreign key from
 * orders is the guard (no count first, which a concurrent order could make stale): when it refuses,
 * 409 `item_in_use` tells how many orders name the item, and archiving is the way out.
 */
export async function deleteItem(ctx: Ctx, id: number, expected: ExpectedVersions): Promise<void> {
  assertAdmin(ctx);
  try {
    const row = await repository.deleteItem(ctx.db, id, expected);
    if (!row) throw await missingOrChanged('Item', id, expected, () => repository.findItem(ctx.db, id));
  } catch (error) {
    if (!isStillReferenced(error)) throw error;
    const orderCount = await repository.countOrdersOfItem(ctx.db, id);
    throw new AppError(
      'item_in_use',
      `${orderCount} order${orderCount === 1 ? ' names' : 's name'} item ${id}, so it stays; archive it (active: false) to stop new orders.`,
      { order_count: orderCount },
    );
  }
}
