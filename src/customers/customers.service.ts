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
import { type PageRequest, parseOrdering } from '../shared/pagination.js';
import { normalisePhone } from '../shared/phone.js';
import { trimmedText } from '../shared/text.js';
import { assertVersion, type ExpectedVersions, missingOrChanged } from '../shared/versions.js';
import type { CustomerFilters, CustomerRow, CustomerValues } from './customers.repository.js';
import * as repository from './customers.repository.js';
import { generateCustomerCode, normaliseCode } from './customers.rules.js';

export type { CustomerRow };

export interface CustomerInput {
  firstName: string;
  secondName: string;
  phone: string;
  code?: string;
}

const GENERATED_CODE_ATTEMPTS = 8;

function normalise(input: Partial<CustomerInput>): Partial<CustomerValues> {
  const errors: FieldError[] = [];
  const values: Partial<CustomerValues> = {};
  if (input.firstName !== undefined) values.firstName = trimmedText('first_name', input.firstName, errors);
  if (input.secondName !== undefined)
    values.secondName = trimmedText('second_name', input.secondName, errors);
  if (input.phone !== undefined) values.phone = normalisePhone(input.phone, errors);
  values.code = normaliseCode(input.code);
  assertNoFieldErrors(errors);
  return values;
}

const isCodeTaken = (error: unknown) => {
  const failure = databaseError(error);
  return failure?.code === UNIQUE_VIOLATION && failure.constraint === 'customers_owner_code_key';
};

const codeTaken = (code: string) =>
  new AppError('conflict', `You already have a customer with the code ${code}.`, [
    { field: 'code', code: 'taken', message: `${code} is already used by another of your customers.` },
  ]);

/** A list's filters as the repository takes them, and its ordering (by id unless given). */
function listing(filters: CustomerFilters & { ordering?: string }) {
  const ordering = parseOrdering(filters.ordering, repository.customerSortFields, [
    { field: 'id', descending: false },
  ]);
  return { filters: { ...filters, code: normaliseCode(filters.code) }, ordering };
}

export function listCustomers(ctx: Ctx, filters: CustomerFilters & { ordering?: string }, page: PageRequest) {
  const list = listing(filters);
  return repository.listCustomers(ctx.db, ctx.actor, list.filters, page, list.ordering);
}

/** The same list as `listCustomers`, one keyset page at a time (v2). */
export function listCustomersByCursor(
  ctx: Ctx,
  filters: CustomerFilters & { ordering?: string },
  keyset: KeysetRequest,
) {
  const list = listing(filters);
  return repository.listCustomersByCursor(ctx.db, ctx.actor, list.filters, list.ordering, keyset);
}

export async function getCustomer(ctx: Ctx, id: number): Promise<CustomerRow> {
  const row = await repository.findCustomer(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Customer', id);
  return row;
}

/** Creates a customer owned by the caller; a missing code is generated (drawn again on the rare collision). */
export async function createCustomer(ctx: Ctx, input: CustomerInput): Promise<CustomerRow> {
  const values = normalise(input) as Omit<CustomerValues, 'code'> & { code?: string };
  for (let attempt = 1; ; attempt++) {
    const code = values.code ?? generateCustomerCode();
    const row = await repository.insertCustomer(ctx.db, ctx.actor.userId, { ...values, code });
    if (row) return row;
    // A code the client chose is theirs to change; a generated one is drawn again.
    if (values.code !== undefined || attempt === GENERATED_CODE_ATTEMPTS) throw codeTaken(code);
  }
}

/** Changes the given fields (all of them for a replacement), if the customer is at one of the `expected` versions. */
export async function updateCustomer(
  ctx: Ctx,
  id: number,
  input: Partial<CustomerInput>,
  expected: ExpectedVersions,
): Promise<CustomerRow> {
  const values = normalise(input);
  if (Object.values(values).every((value) => value === undefined)) {
    const current = await getCustomer(ctx, id);
    assertVersion('Customer', current, expected);
    return current;
  }
  try {
    const row = await repository.updateCustomer(ctx.db, ctx.actor, id, values, expected);
    if (!row)
      throw await missingOrChanged('Customer', id, expected, () =>
        repository.findCustomer(ctx.db, ctx.actor, id),
      );
    return row;
  } catch (error) {
    if (isCodeTaken(error)) throw codeTaken(values.code ?? '');
    throw error;
  }
}

/** Deletes a customer without orders, if it is at one of the `expected` versions; nothing else is ever deleted with it. */
export async function deleteCustomer(ctx: Ctx, id: number, expected: ExpectedVersions): Promise<void> {
  try {
    const row = await repository.deleteCustomer(ctx.db, ctx.actor, id, expected);
    if (!row)
      throw await missingOrChanged('Customer', id, expected, () =>
        repository.findCustomer(ctx.db, ctx.actor, id),
      );
  } catch (error) {
    if (!isStillReferenced(error)) throw error;
    const orderCount = await repository.countOrdersOfCustomer(ctx.db, id);
    throw new AppError(
      'customer_has_orders',
      `Customer ${id} has ${orderCount} order${orderCount === 1 ? '' : 's'}; cancel or keep them, the customer stays.`,
      { order_count: orderCount },
    );
  }
}
