import { describe, expect, test } from 'vitest';
import {
  expectProblem,
  ITEMS_V2,
  ids,
  itemUrlV2,
  ORDERS_V2,
  orderUrlV2,
  pathOf,
  postCustomerV2,
  postItemV2,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import type { ApiResponse } from '../helpers/http.js';

const ORIGIN = 'http://localhost';

const t = useTestApp();

/** A staff user with one customer, and an admin's active catalogue item (210.00 USD). */
async function newShop(itemOverrides: Record<string, unknown> = {}) {
  const admin = await signIn(t, 'admin');
  const item = await postItemV2(admin.api, {
    name: 'Maize flour 2kg',
    unit_price: '210.00',
    currency: 'USD',
    ...itemOverrides,
  });
  const staff = await signIn(t);
  const customer = await postCustomerV2(staff.api);
  return { ...staff, admin: admin.api, customer, item };
}

/** The validation failures of a 400, as `field: code` pairs. */
const failures = (response: ApiResponse): string[] =>
  (response.data.details as { field: string; code: string }[]).map((d) => `${d.field}: ${d.code}`);

describe('POST /api/v2/orders/ with a catalogue item', () => {
  test('when an order names an item, then 201 with its name, price and currency, and the item inline and linked', async () => {
    // Arrange
    const { api, customer, item } = await newShop();

    // Act
    const response = await api.post(ORDERS_V2, { customer: customer.id, item: item.id, quantity: 2 });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({
      item: {
        id: item.id,
        url: `${ORIGIN}/api/v2/items/${item.id}/`,
        sku: item.sku,
        name: 'Maize flour 2kg',
      },
      item_name: 'Maize flour 2kg',
      quantity: 2,
      unit_price: '210.00',
      total: '420.00',
      currency: 'USD',
    });
    const linked = await api.get(pathOf(response.data.item.url));
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.data).toEqual(item);
    expect((await api.get(orderUrlV2(response.data.id))).data).toEqual(response.data);
  });

  test('when the item changes after the order, then the order keeps the price and name it copied, and shows the item as it is now', async () => {
    // Arrange
    const { api, admin, customer, item } = await newShop();
    const placed = (await api.post(ORDERS_V2, { customer: customer.id, item: item.id, quantity: 1 })).data;

    // Act
    await admin.patch(itemUrlV2(item.id), { name: 'Maize flour, 2 kg', unit_price: '250.00' });
    const read = await api.get(orderUrlV2(placed.id));

    // Assert
    expect(read.data).toMatchObject({
      item_name: 'Maize flour 2kg',
      unit_price: '210.00',
      item: { id: item.id, name: 'Maize flour, 2 kg' },
    });
  });

  test('when an order names an item and a unit_price, then that price overrides the catalogue’s, in the item’s currency', async () => {
    // Arrange
    const { api, customer, item } = await newShop();

    // Act
    const response = await api.post(ORDERS_V2, {
      customer: customer.id,
      item: item.id,
      quantity: 3,
      unit_price: '199.5',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({ unit_price: '199.50', total: '598.50', currency: 'USD' });
    expect(response.data.item.id).toBe(item.id);
  });

  test('when the currency differs from the item’s, then 400 mismatch naming currency, and no order', async () => {
    // Arrange
    const { api, customer, item } = await newShop();

    // Act
    const response = await api.post(ORDERS_V2, {
      customer: customer.id,
      item: item.id,
      quantity: 1,
      currency: 'KES',
    });
    const same = await api.post(ORDERS_V2, {
      customer: customer.id,
      item: item.id,
      quantity: 1,
      currency: 'USD',
    });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['currency: mismatch']);
    expect(same.statusCode, same.body).toBe(201);
    expect(ids(await api.get(`${ORDERS_V2}?item=${item.id}`))).toEqual([same.data.id]);
  });

  test('when an item_name differs from the item’s, then 400 mismatch naming item_name', async () => {
    // Arrange
    const { api, customer, item } = await newShop();

    // Act
    const response = await api.post(ORDERS_V2, {
      customer: customer.id,
      item: item.id,
      item_name: 'Rice',
      quantity: 1,
    });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['item_name: mismatch']);
  });

  test('when the item is archived, then 409 item_archived', async () => {
    // Arrange
    const { api, admin, customer, item } = await newShop();
    await admin.patch(itemUrlV2(item.id), { active: false });

    // Act
    const response = await api.post(ORDERS_V2, { customer: customer.id, item: item.id, quantity: 1 });

    // Assert
    expectProblem(response, 409, 'item_archived');
  });

  test('when the item does not exist, then 404', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const last = await api.get(`${ITEMS_V2}?active=all&ordering=-id&limit=1`);
    const unknown = Number(last.data.results[0].id) + 1000;

    // Act
    const response = await api.post(ORDERS_V2, { customer: customer.id, item: unknown, quantity: 1 });

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test('when free text comes without unit_price, or neither item nor item_name is given, then 400 under v2’s field names', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const noPrice = await api.post(ORDERS_V2, { customer: customer.id, item_name: 'Rice', quantity: 1 });
    const nothing = await api.post(ORDERS_V2, { customer: customer.id, quantity: 1 });

    // Assert
    expectProblem(noPrice, 400, 'validation_error');
    expect(failures(noPrice)).toEqual(['unit_price: required']);
    expectProblem(nothing, 400, 'validation_error');
    expect(failures(nothing)).toEqual(['item_name: required', 'unit_price: required']);
  });
});

describe('GET /api/v2/orders/?item=', () => {
  test('when orders are filtered by item, then only that item’s orders, and a cursor for one item is refused for another', async () => {
    // Arrange
    const { api, admin, customer, item } = await newShop();
    const other = await postItemV2(admin, { name: 'Rice 1kg' });
    const place = async (itemId: number) =>
      (await api.post(ORDERS_V2, { customer: customer.id, item: itemId, quantity: 1 })).data.id as number;
    const first = await place(item.id);
    const second = await place(item.id);
    await place(other.id);
    await api.post(ORDERS_V2, { customer: customer.id, item_name: 'Beans', quantity: 1, unit_price: '5' });

    // Act
    const filtered = await api.get(`${ORDERS_V2}?item=${item.id}&count=true`);
    const page = await api.get(`${ORDERS_V2}?item=${item.id}&limit=1`);
    const cursor = new URL(page.data.next).searchParams.get('cursor') ?? '';
    const next = await api.get(`${ORDERS_V2}?item=${item.id}&limit=1&cursor=${cursor}`);
    const otherItem = await api.get(`${ORDERS_V2}?item=${other.id}&limit=1&cursor=${cursor}`);

    // Assert
    expect(ids(filtered)).toEqual([second, first]);
    expect(filtered.data.count).toBe(2);
    expect(ids(next)).toEqual([first]);
    expectProblem(otherItem, 400, 'invalid_cursor');
  });
});

describe('PATCH /api/v2/orders/{id}/ and its item', () => {
  test('when a patch sends the order’s item id unchanged, then 200; another item is 400 read_only_field naming item', async () => {
    // Arrange
    const { api, admin, customer, item } = await newShop();
    const other = await postItemV2(admin);
    const order = (await api.post(ORDERS_V2, { customer: customer.id, item: item.id, quantity: 1 })).data;
    const url = orderUrlV2(order.id);

    // Act
    const unchanged = await api.patch(url, { item: item.id, quantity: 2 });
    const changed = await api.patch(url, { item: other.id });
    const cleared = await api.patch(url, { item: null });

    // Assert
    expect(unchanged.statusCode, unchanged.body).toBe(200);
    expect(unchanged.data).toMatchObject({ quantity: 2, item: { id: item.id } });
    for (const refused of [changed, cleared]) {
      expectProblem(refused, 400, 'read_only_field');
      expect(failures(refused)).toEqual(['item: read_only']);
    }
    expect((await api.get(url)).data.item.id).toBe(item.id);
  });
});
