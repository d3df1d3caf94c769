import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import {
  CUSTOMERS_V2,
  customerUrlV2,
  expectProblem,
  ids,
  mergePatch,
  ORDERS_V2,
  orderUrl,
  orderUrlV2,
  pathOf,
  postCustomerV2,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import type { ApiResponse } from '../helpers/http.js';

const ORIGIN = 'http://localhost';

const t = useTestApp();
const ifMatch = (etag: unknown) => ({ headers: { 'if-match': String(etag) } });

/** A staff user with one customer, ready to place v2 orders. */
async function newShop(customerOverrides: Record<string, unknown> = {}) {
  const staff = await signIn(t);
  const customer = await postCustomerV2(staff.api, customerOverrides);
  return { ...staff, customer };
}

const orderBodyV2 = (customer: number, overrides: Record<string, unknown> = {}) => ({
  customer,
  item_name: 'Maize flour 2kg',
  quantity: 3,
  unit_price: '12.50',
  ...overrides,
});

/** The validation failures of a 400, as `field: code` pairs. */
const failures = (response: ApiResponse): string[] =>
  (response.data.details as { field: string; code: string }[]).map((d) => `${d.field}: ${d.code}`);

describe('POST /api/v2/orders/', () => {
  test('when a free-text order is placed, then 201 with money and currency, the customer inline and linked, no item', async () => {
    // Arrange
    const { user, api, customer } = await newShop({ first_name: 'Amina', second_name: 'Otieno' });

    // Act
    const response = await api.post(ORDERS_V2, {
      customer: customer.id,
      item_name: '  Maize flour 2kg ',
      quantity: 3,
      unit_price: '12.5',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    const order = response.data;
    expect(order).toEqual({
      id: expect.any(Number),
      url: `${ORIGIN}/api/v2/orders/${order.id}/`,
      customer: { id: customer.id, url: customer.url, code: customer.code, name: 'Amina Otieno' },
      item: null,
      item_name: 'Maize flour 2kg',
      quantity: 3,
      unit_price: '12.50',
      total: '37.50',
      currency: 'KES',
      status: 'Pending',
      placed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: order.placed_at,
      owner: user.id,
    });
    expect(response.headers.location).toBe(order.url);
    expect(response.headers.etag).toBe(`"1.1.0"`);
    const read = await api.get(pathOf(order.url));
    expect(read.data).toEqual(order);
    expect(read.headers.etag).toBe(response.headers.etag);
  });

  test('when v1 reads an order placed through v2, then it is the same order under v1’s names', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const v2 = (await api.post(ORDERS_V2, orderBodyV2(customer.id, { quantity: 3, unit_price: '0.10' })))
      .data;

    // Act
    const v1 = (await api.get(orderUrl(v2.id))).data;

    // Assert
    expect(v1).toMatchObject({
      id: v2.id,
      customer: customer.id,
      customer_code: customer.code,
      item: v2.item_name,
      item_id: null,
      quantity: 3,
      price_per_unit: v2.unit_price,
      amount: '0.30',
      status: v2.status,
      time_placed: v2.placed_at,
      owner: v2.owner,
    });
    expect(v2.total).toBe('0.30');
  });

  test('when a currency is given, then the order is in it; an unknown code is 400 naming currency', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const usd = await api.post(ORDERS_V2, orderBodyV2(customer.id, { currency: 'USD' }));
    const unknown = await api.post(ORDERS_V2, orderBodyV2(customer.id, { currency: 'XYZ' }));
    const lower = await api.post(ORDERS_V2, orderBodyV2(customer.id, { currency: 'usd' }));

    // Assert
    expect(usd.statusCode, usd.body).toBe(201);
    expect(usd.data.currency).toBe('USD');
    expectProblem(unknown, 400, 'validation_error');
    expect(failures(unknown)).toEqual(['currency: unknown_currency']);
    expectProblem(lower, 400, 'validation_error');
    expect(failures(lower)).toEqual(['currency: invalid_format']);
  });

  test('when the free text has no unit_price, or a zero one, or a blank item_name, then 400 under v2’s field names', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const { unit_price: _price, ...withoutPrice } = orderBodyV2(customer.id);

    // Act
    const missing = await api.post(ORDERS_V2, withoutPrice);
    const zero = await api.post(ORDERS_V2, orderBodyV2(customer.id, { unit_price: '0.00' }));
    const blank = await api.post(ORDERS_V2, orderBodyV2(customer.id, { item_name: '   ' }));
    const v1Names = await api.post(ORDERS_V2, {
      customer: customer.id,
      item: 'Rice',
      quantity: 1,
      price_per_unit: '1',
    });

    // Assert
    expectProblem(missing, 400, 'validation_error');
    expect(failures(missing)).toEqual(['unit_price: required']);
    expectProblem(zero, 400, 'validation_error');
    expect(failures(zero)).toEqual(['unit_price: too_small']);
    expect(zero.data.detail).toBe('unit_price: Must be greater than 0.');
    expectProblem(blank, 400, 'validation_error');
    expect(failures(blank)).toEqual(['item_name: blank']);
    expectProblem(v1Names, 400, 'validation_error');
    // v2's `item` is a catalogue id: v1's free text there is the wrong type.
    expect(failures(v1Names)).toEqual(
      expect.arrayContaining(['item: invalid_type', 'price_per_unit: unknown_field']),
    );
  });

  test('when the order names its customer by code, or sends a read-only field, then by code it is placed, read-only is 400', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'AB12C' });

    // Act
    const byCode = await api.post(ORDERS_V2, {
      customer_code: 'ab12c',
      item_name: 'Rice',
      quantity: 1,
      unit_price: '1',
    });
    const readOnly = await api.post(ORDERS_V2, orderBodyV2(customer.id, { total: '1.00' }));

    // Assert
    expect(byCode.statusCode, byCode.body).toBe(201);
    expect(byCode.data.customer).toMatchObject({ id: customer.id, code: 'AB12C' });
    expectProblem(readOnly, 400, 'read_only_field');
    expect(readOnly.data.details).toEqual([expect.objectContaining({ field: 'total', code: 'read_only' })]);
  });

  test('when an order is placed twice with one Idempotency-Key, then one order and the retry is the replayed 201', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const first = await api.post(ORDERS_V2, orderBodyV2(customer.id), key);
    const retry = await api.post(ORDERS_V2, orderBodyV2(customer.id), key);
    const other = await api.post(ORDERS_V2, orderBodyV2(customer.id, { quantity: 4 }), key);

    // Assert
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expectProblem(other, 422, 'idempotency_key_mismatch');
    expect((await api.get(`${ORDERS_V2}?count=true`)).data.count).toBe(1);
  });
});

describe('a v2 order linked to the catalogue', () => {
  test('when an order names a catalogue item, then item shows its id, url, sku and name, and item_name what was ordered', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = (await api.post(ORDERS_V2, orderBodyV2(customer.id))).data;
    const db = t.deps.database.db;
    const sku = `MF-${randomUUID().slice(0, 8)}`;
    const inserted = await db.execute(
      sql`insert into items (sku, name, unit_price, currency) values (${sku}, 'Maize flour, 2 kg bag', '12.50', 'KES') returning id`,
    );
    const itemId = Number((inserted as unknown as { rows: { id: unknown }[] }).rows[0]?.id);
    await db.execute(sql`update orders set item_id = ${itemId} where id = ${order.id}`);

    // Act
    const read = await api.get(orderUrlV2(order.id));

    // Assert
    expect(read.data.item).toEqual({
      id: itemId,
      url: `${ORIGIN}/api/v2/items/${itemId}/`,
      sku,
      name: 'Maize flour, 2 kg bag',
    });
    expect(read.data.item_name).toBe('Maize flour 2kg');
    expect(read.headers.etag).toMatch(/^"2\.1\.1"$/);
    expect(ids(await api.get(ORDERS_V2))).toEqual([order.id]);
  });
});

describe('changing v2 orders', () => {
  test('when an order is patched with its ETag, then 200 with the change and a new ETag; the old ETag is then 412', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const created = await api.post(ORDERS_V2, orderBodyV2(customer.id));
    const url = pathOf(created.data.url);

    // Act
    const patched = await mergePatch(api, url, JSON.stringify({ quantity: 4, unit_price: '10' }));
    const stale = await api.patch(url, { quantity: 5 }, ifMatch(created.headers.etag));
    const current = await api.patch(
      url,
      { item_name: 'Rice', total: '40.00' },
      ifMatch(patched.headers.etag),
    );

    // Assert
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data).toMatchObject({ quantity: 4, unit_price: '10.00', total: '40.00' });
    expect(patched.headers.etag).not.toBe(created.headers.etag);
    expectProblem(stale, 412, 'precondition_failed');
    expect(current.statusCode, current.body).toBe(200);
    expect(current.data.item_name).toBe('Rice');
  });

  test('when the customer is renamed, then the order shows the new name under a new ETag, and If-Match with the old one is 412', async () => {
    // Arrange
    const { api, customer } = await newShop({ first_name: 'Amina' });
    const created = await api.post(ORDERS_V2, orderBodyV2(customer.id));
    const url = pathOf(created.data.url);
    await api.patch(customerUrlV2(customer.id), { first_name: 'Wanjiru' });

    // Act
    const conditional = await api.get(url, { headers: { 'if-none-match': String(created.headers.etag) } });
    const patched = await api.patch(url, { quantity: 9 }, ifMatch(created.headers.etag));
    const closed = await api.post(`${url}close/`, undefined, ifMatch(created.headers.etag));

    // Assert
    expect(conditional.statusCode).toBe(200);
    expect(conditional.data.customer.name).toBe(`Wanjiru ${customer.second_name}`);
    expect(conditional.headers.etag).not.toBe(created.headers.etag);
    expectProblem(patched, 412, 'precondition_failed');
    expectProblem(closed, 412, 'precondition_failed');
    const again = await api.get(url, { headers: { 'if-none-match': String(conditional.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  test('when a patch changes a read-only field, or sends v1’s status, then 400 and the order stays', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = (await api.post(ORDERS_V2, orderBodyV2(customer.id))).data;

    // Act
    const total = await api.patch(orderUrlV2(order.id), { total: '1.00' });
    const currency = await api.patch(orderUrlV2(order.id), { currency: 'USD' });
    const echoed = await api.patch(orderUrlV2(order.id), {
      currency: order.currency,
      status: 'Pending',
      quantity: 3,
    });
    const closing = await api.patch(orderUrlV2(order.id), { status: 'Closed' });

    // Assert
    expectProblem(total, 400, 'read_only_field');
    expectProblem(currency, 400, 'read_only_field');
    expect(echoed.statusCode, echoed.body).toBe(200);
    expectProblem(closing, 400, 'read_only_field');
    expect((await api.get(orderUrlV2(order.id))).data).toEqual(order);
  });

  test('when an order is closed, then it is Closed; cancelling, patching or deleting it then is 409', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await api.post(ORDERS_V2, orderBodyV2(customer.id));
    const url = pathOf(order.data.url);

    // Act
    const closed = await api.post(`${url}close/`, undefined, ifMatch(order.headers.etag));
    const cancelled = await api.post(`${url}cancel/`);
    const patched = await api.patch(url, { quantity: 1 });
    const deleted = await api.delete(url);

    // Assert
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.data.status).toBe('Closed');
    expect(closed.headers.etag).toMatch(/^"2\.1\.0"$/);
    expectProblem(cancelled, 409, 'invalid_transition');
    expectProblem(patched, 409, 'order_final');
    expectProblem(deleted, 409, 'order_final');
  });

  test('when a Pending order is cancelled with an Idempotency-Key twice, then one change, replayed', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = (await api.post(ORDERS_V2, orderBodyV2(customer.id))).data;
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const first = await api.post(`${orderUrlV2(order.id)}cancel/`, undefined, key);
    const retry = await api.post(`${orderUrlV2(order.id)}cancel/`, undefined, key);

    // Assert
    expect(first.statusCode).toBe(200);
    expect(first.data.status).toBe('Cancelled');
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
  });

  test('when a Pending order is deleted with its ETag, then 204 and it is gone', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await api.post(ORDERS_V2, orderBodyV2(customer.id));

    // Act
    const wrong = await api.delete(pathOf(order.data.url), ifMatch('"1.1"'));
    const deleted = await api.delete(pathOf(order.data.url), ifMatch(order.headers.etag));

    // Assert
    expectProblem(wrong, 412, 'precondition_failed');
    expect(deleted.statusCode).toBe(204);
    expectProblem(await api.get(pathOf(order.data.url)), 404, 'not_found');
  });
});

describe('v2 orders of another staff user', () => {
  test('when B reads, patches, closes, cancels or deletes A’s order, or orders for A’s customer, then 404 and nothing changes', async () => {
    // Arrange
    const a = await newShop();
    const b = await signIn(t);
    const order = (await a.api.post(ORDERS_V2, orderBodyV2(a.customer.id))).data;
    const url = orderUrlV2(order.id);

    // Act
    const responses = [
      await b.api.get(url),
      await b.api.patch(url, { quantity: 1 }),
      await b.api.post(`${url}close/`),
      await b.api.post(`${url}cancel/`),
      await b.api.delete(url),
      await b.api.post(ORDERS_V2, orderBodyV2(a.customer.id)),
      await b.api.post(ORDERS_V2, {
        ...orderBodyV2(a.customer.id),
        customer: undefined,
        customer_code: a.customer.code,
      }),
    ];
    const list = await b.api.get(`${ORDERS_V2}?owner=${a.user.id}&count=true`);

    // Assert
    for (const response of responses) expectProblem(response, 404, 'not_found');
    expect(list.data).toEqual({ results: [], next: null, previous: null, count: 0 });
    expect((await a.api.get(url)).data).toEqual(order);
    expect((await a.api.get(`${CUSTOMERS_V2}?count=true`)).data.count).toBe(1);
  });

  test('when an admin lists orders, then both users’ orders appear, and owner filters them', async () => {
    // Arrange
    const a = await newShop();
    const b = await newShop();
    const admin = await signIn(t, 'admin');
    const aOrder = (await a.api.post(ORDERS_V2, orderBodyV2(a.customer.id))).data;
    const bOrder = (await b.api.post(ORDERS_V2, orderBodyV2(b.customer.id))).data;

    // Act
    const onlyA = await admin.api.get(`${ORDERS_V2}?owner=${a.user.id}`);
    const byCustomer = await admin.api.get(`${ORDERS_V2}?customer=${b.customer.id}`);

    // Assert
    expect(ids(onlyA)).toEqual([aOrder.id]);
    expect(ids(byCustomer)).toEqual([bOrder.id]);
  });
});
