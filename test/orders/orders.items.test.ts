import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { orders } from '../../src/db/schema.js';
import { createOrder, type OrderInput, type OrdersCtx } from '../../src/orders/orders.service.js';
import { AppError } from '../../src/shared/errors.js';
import {
  expectProblem,
  ids,
  itemUrl,
  ORDERS,
  orderUrl,
  postCustomer,
  postItem,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import type { TestUser } from '../helpers/factories.js';
import type { ApiResponse } from '../helpers/http.js';

const t = useTestApp();

/** The validation failures of a 400, as `field: code` pairs. */
const failures = (response: ApiResponse): string[] =>
  (response.data.details as { field: string; code: string }[]).map((d) => `${d.field}: ${d.code}`);

/** The currency an order was recorded in: v1 does not show it, so it is read from the table. */
async function currencyOf(orderId: number): Promise<string | undefined> {
  const [row] = await t.deps.database.db
    .select({ currency: orders.currency })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row?.currency;
}

/** An admin's catalogue item, and a staff user with a customer who can order it. */
async function shopWithItem(item: Record<string, unknown> = {}) {
  const { api: admin } = await signIn(t, 'admin');
  const catalogued = await postItem(admin, {
    name: 'Cooking oil 1L',
    unit_price: '4.25',
    currency: 'USD',
    ...item,
  });
  const staff = await signIn(t);
  const customer = await postCustomer(staff.api);
  return { admin, item: catalogued, ...staff, customer };
}

describe('POST /api/v1/orders/ with item_id', () => {
  test('when an order names a catalogue item, then it takes the item’s name, price and currency as they are now', async () => {
    // Arrange
    const { api, customer, item } = await shopWithItem();

    // Act
    const response = await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 4 });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({
      customer: customer.id,
      item: 'Cooking oil 1L',
      item_id: item.id,
      quantity: 4,
      price_per_unit: '4.25',
      amount: '17.00',
      status: 'Pending',
    });
    expect(await currencyOf(response.data.id)).toBe('USD');
    expect((await api.get(orderUrl(response.data.id))).data).toEqual(response.data);
  });

  test('when the item’s price, name or currency changes later, then orders placed before keep what they took', async () => {
    // Arrange
    const { admin, api, customer, item } = await shopWithItem();
    const before = await postOrder(api, customer.id, {
      item: undefined,
      price_per_unit: undefined,
      item_id: item.id,
    });

    // Act
    const changed = await admin.patch(itemUrl(item.id), {
      name: 'Cooking oil 1L (new bottle)',
      unit_price: '5.00',
      currency: 'EUR',
    });
    const old = await api.get(orderUrl(before.id));
    const after = await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 });

    // Assert
    expect(changed.statusCode, changed.body).toBe(200);
    expect(old.data).toEqual(before);
    expect(await currencyOf(before.id)).toBe('USD');
    expect(after.data).toMatchObject({ item: 'Cooking oil 1L (new bottle)', price_per_unit: '5.00' });
    expect(await currencyOf(after.data.id)).toBe('EUR');
  });

  test('when the order gives price_per_unit too, then that price replaces the catalogue’s, in the item’s currency', async () => {
    // Arrange
    const { api, customer, item } = await shopWithItem();

    // Act
    const response = await api.post(ORDERS, {
      customer: customer.id,
      item_id: item.id,
      quantity: 2,
      price_per_unit: '3.5',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({ item: item.name, price_per_unit: '3.50', amount: '7.00' });
    expect(await currencyOf(response.data.id)).toBe('USD');
  });

  test('when the order also gives item, then it must be the item’s name: equal is 201, different is 400 mismatch', async () => {
    // Arrange
    const { api, customer, item } = await shopWithItem();

    // Act
    const same = await api.post(ORDERS, {
      customer: customer.id,
      item_id: item.id,
      item: `  ${item.name} `,
      quantity: 1,
    });
    const different = await api.post(ORDERS, {
      customer: customer.id,
      item_id: item.id,
      item: 'Olive oil',
      quantity: 1,
    });

    // Assert
    expect(same.statusCode, same.body).toBe(201);
    expect(same.data.item).toBe(item.name);
    expectProblem(different, 400, 'validation_error');
    expect(failures(different)).toEqual(['item: mismatch']);
    expect(ids(await api.get(ORDERS))).toEqual([same.data.id]);
  });

  test('when the item is archived, then 409 item_archived and no order is placed', async () => {
    // Arrange
    const { admin, api, customer, item } = await shopWithItem();
    expect((await admin.patch(itemUrl(item.id), { active: false })).statusCode).toBe(200);

    // Act
    const response = await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 });

    // Assert
    expectProblem(response, 409, 'item_archived');
    expect(response.data.details).toEqual({ item: item.id });
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test('when no item has the id, then 404 not_found naming the item, and no order is placed', async () => {
    // Arrange
    const { api, customer } = await shopWithItem();

    // Act
    const response = await api.post(ORDERS, { customer: customer.id, item_id: 987_654_321, quantity: 1 });

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.data.detail).toBe('Item 987654321 was not found.');
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test('when the item exists but the customer is another user’s, then 404 for the customer', async () => {
    // Arrange
    const { item } = await shopWithItem();
    const other = await signIn(t);
    const theirs = await postCustomer(other.api);
    const { api } = await signIn(t);

    // Act
    const response = await api.post(ORDERS, { customer: theirs.id, item_id: item.id, quantity: 1 });

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.data.detail).toBe(`Customer ${theirs.id} was not found.`);
    expect((await other.api.get(ORDERS)).data.count).toBe(0);
  });

  test('when an order has neither item_id nor item and price, then 400 naming item and price_per_unit', async () => {
    // Arrange
    const { api, customer } = await shopWithItem();

    // Act
    const nothing = await api.post(ORDERS, { customer: customer.id, quantity: 1 });
    const noPrice = await api.post(ORDERS, { customer: customer.id, item: 'Rice', quantity: 1 });

    // Assert
    expectProblem(nothing, 400, 'validation_error');
    expect(failures(nothing)).toEqual(['item: required', 'price_per_unit: required']);
    expectProblem(noPrice, 400, 'validation_error');
    expect(failures(noPrice)).toEqual(['price_per_unit: required']);
  });

  test.each([
    ['a string', '7', 'item_id: invalid_type'],
    ['zero', 0, 'item_id: too_small'],
    ['null', null, 'item_id: invalid_type'],
  ])('when item_id is %s, then 400 naming item_id', async (_case, itemId, failure) => {
    // Arrange
    const { api, customer } = await shopWithItem();

    // Act
    const response = await api.post(ORDERS, { customer: customer.id, item_id: itemId, quantity: 1 });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual([failure]);
  });

  test('when an order gives only free text, as v1 clients do, then it is placed as before, in the default currency', async () => {
    // Arrange
    const { api, customer } = await shopWithItem();

    // Act
    const response = await api.post(ORDERS, {
      customer: customer.id,
      item: 'Cooking oil 1L',
      quantity: 2,
      price_per_unit: '400',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({ item: 'Cooking oil 1L', item_id: null, price_per_unit: '400.00' });
    expect(await currencyOf(response.data.id)).toBe('KES');
  });
});

describe('orders and catalogue changes at once', () => {
  test('when orders of an item race with its deletion and a price change, then each order is 201 at one price or 404, never a 500', async () => {
    // Arrange
    const { admin, api, customer, item } = await shopWithItem({ unit_price: '10.00' });
    const place = () => api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 });

    // Act
    const [repriced, deleted, ...placed] = await Promise.all([
      admin.patch(itemUrl(item.id), { unit_price: '20.00' }),
      admin.delete(itemUrl(item.id)),
      ...Array.from({ length: 8 }, place),
    ]);

    // Assert
    const statuses = placed.map((response) => response.statusCode);
    expect(
      statuses.every((status) => status === 201 || status === 404),
      String(statuses),
    ).toBe(true);
    for (const order of placed.filter((response) => response.statusCode === 201)) {
      expect(['10.00', '20.00']).toContain(order.data.price_per_unit);
    }
    expect([200, 404]).toContain(repriced.statusCode);
    if (deleted.statusCode === 204) {
      expect(statuses).not.toContain(201);
    } else {
      expectProblem(deleted, 409, 'item_in_use');
      expect(deleted.data.details.order_count).toBeGreaterThan(0);
    }
    const listed = await api.get(`${ORDERS}?item_id=${item.id}`);
    expect(listed.data.count).toBe(statuses.filter((status) => status === 201).length);
  });
});

describe('PUT and PATCH /api/v1/orders/{id}/ of a catalogue order', () => {
  test('when quantity and price change, then 200; the item, its name and currency stay', async () => {
    // Arrange
    const { api, customer, item } = await shopWithItem();
    const order = (await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 })).data;

    // Act
    const response = await api.patch(orderUrl(order.id), { quantity: 3, price_per_unit: '4.00' });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ item_id: item.id, item: item.name, quantity: 3, amount: '12.00' });
    expect(await currencyOf(order.id)).toBe('USD');
  });

  test('when the client sends back what it read with PUT, then 200 and nothing changes', async () => {
    // Arrange
    const { api, customer, item } = await shopWithItem();
    const order = (await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 })).data;

    // Act
    const response = await api.put(orderUrl(order.id), order);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toEqual(order);
  });

  test('when item_id or the name taken from the item is changed, then 400 and the order keeps them', async () => {
    // Arrange
    const { admin, api, customer, item } = await shopWithItem();
    const other = await postItem(admin);
    const order = (await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 })).data;

    // Act
    const otherItem = await api.patch(orderUrl(order.id), { item_id: other.id });
    const renamed = await api.put(orderUrl(order.id), { ...order, item: 'Something else' });
    const freeText = await api.patch(orderUrl(order.id), { item_id: null });

    // Assert
    expectProblem(otherItem, 400, 'read_only_field');
    expect(failures(otherItem)).toEqual(['item_id: read_only']);
    expectProblem(renamed, 400, 'validation_error');
    expect(failures(renamed)).toEqual(['item: mismatch']);
    expectProblem(freeText, 400, 'read_only_field');
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test('when a free-text order is changed, then it stays free text and its item can be renamed as before', async () => {
    // Arrange
    const { api, customer } = await shopWithItem();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { item: 'Rice 5kg' });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ item: 'Rice 5kg', item_id: null });
  });
});

describe('GET /api/v1/orders/?item_id=', () => {
  test('when filtering by item_id, then only the caller’s orders of that item; an admin sees everyone’s', async () => {
    // Arrange
    const { admin, api, customer, item } = await shopWithItem();
    const other = await postItem(admin);
    const mine = (await api.post(ORDERS, { customer: customer.id, item_id: item.id, quantity: 1 })).data;
    await api.post(ORDERS, { customer: customer.id, item_id: other.id, quantity: 1 });
    await postOrder(api, customer.id, { item: item.name });
    const stranger = await signIn(t);
    const theirCustomer = await postCustomer(stranger.api);
    const theirs = (
      await stranger.api.post(ORDERS, { customer: theirCustomer.id, item_id: item.id, quantity: 2 })
    ).data;

    // Act
    const byStaff = await api.get(`${ORDERS}?item_id=${item.id}`);
    const byStranger = await stranger.api.get(`${ORDERS}?item_id=${item.id}`);
    const byAdmin = await admin.get(`${ORDERS}?item_id=${item.id}&ordering=id`);
    const none = await api.get(`${ORDERS}?item_id=987654321`);

    // Assert
    expect(ids(byStaff)).toEqual([mine.id]);
    expect(ids(byStranger)).toEqual([theirs.id]);
    expect(ids(byAdmin)).toEqual([mine.id, theirs.id]);
    expect(none.data).toMatchObject({ count: 0, results: [] });
  });

  test('when item_id is not a positive integer, then 400 naming item_id', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(`${ORDERS}?item_id=abc`);

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['item_id: invalid_type']);
  });
});

describe('createOrder (the domain API that v1 and v2 share)', () => {
  const ctxFor = (user: TestUser): OrdersCtx => ({
    db: t.deps.database.db,
    actor: { userId: user.id, email: user.email, role: 'staff', authMethod: 'api_token' },
    outbox: t.app.outbox,
    defaultCurrency: t.app.defaultCurrency,
  });
  const failuresOf = async (placing: Promise<unknown>) => {
    const error = await placing.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    return {
      code: (error as AppError).code,
      fields: ((error as AppError).details as { field: string; code: string }[]).map(
        (d) => `${d.field}: ${d.code}`,
      ),
    };
  };

  test('when a catalogue order names another currency than the item’s, then 400 mismatch on currency; the same one is fine', async () => {
    // Arrange
    const { user, customer, item } = await shopWithItem({ currency: 'USD' });
    const input: OrderInput = { customerId: customer.id, itemId: item.id, quantity: 1 };

    // Act
    const refused = await failuresOf(createOrder(ctxFor(user), { ...input, currency: 'KES' }));
    const placed = await createOrder(ctxFor(user), { ...input, currency: 'USD' });

    // Assert
    expect(refused).toEqual({ code: 'validation_error', fields: ['currency: mismatch'] });
    expect(placed).toMatchObject({ itemId: item.id, currency: 'USD', pricePerUnit: item.unit_price });
  });

  test('when a free-text order names its currency, then it is kept; an unknown code is 400', async () => {
    // Arrange
    const { user, customer } = await shopWithItem();
    const input: OrderInput = { customerId: customer.id, item: 'Rice', quantity: 1, pricePerUnit: '2.00' };

    // Act
    const placed = await createOrder(ctxFor(user), { ...input, currency: 'TZS' });
    const refused = await failuresOf(createOrder(ctxFor(user), { ...input, currency: 'XYZ' }));

    // Assert
    expect(placed).toMatchObject({ itemId: null, item: 'Rice', currency: 'TZS' });
    expect(refused).toEqual({ code: 'validation_error', fields: ['currency: unknown_currency'] });
  });
});
