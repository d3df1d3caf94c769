import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import {
  customerUrl,
  expectProblem,
  ids,
  mergePatch,
  ORDERS,
  orderUrl,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { orderBody } from '../helpers/factories.js';
import type { ApiResponse } from '../helpers/http.js';

// What `app.inject` sends as Host; every link the API returns must be absolute on this origin.
const ORIGIN = 'http://localhost';
// Page links are built with WHATWG URL, which drops the default port: the same origin, written shorter.
const LINK_ORIGIN = new URL(ORIGIN).origin;

const t = useTestApp();

/** A staff user with one customer, ready to place orders. */
async function newShop(customerOverrides: Record<string, unknown> = {}) {
  const staff = await signIn(t);
  const customer = await postCustomer(staff.api, customerOverrides);
  return { ...staff, customer };
}

/** The validation failures of a 400, as `field: code` pairs. */
function failures(response: ApiResponse): string[] {
  return (response.data.details as { field: string; code: string }[]).map((d) => `${d.field}: ${d.code}`);
}

/** The path and query of an absolute link, after checking it points at this API. */
function pathOf(link: string): string {
  const url = new URL(link);
  expect(url.origin).toBe(LINK_ORIGIN);
  return url.pathname + url.search;
}

describe('POST /api/v1/orders/', () => {
  test('when a staff user places an order for their customer, then 201 with Location and the order as stored', async () => {
    // Arrange
    const { user, api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, {
      customer: customer.id,
      item: '  Maize flour 2kg  ',
      quantity: 3,
      price_per_unit: '12.5',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const order = response.data;
    expect(order.url).toBe(`${ORIGIN}/api/v1/orders/${order.id}/`);
    expect(response.headers.location).toBe(order.url);
    expect(order).toEqual({
      id: expect.any(Number),
      url: order.url,
      customer: customer.id,
      customer_code: customer.code,
      item: 'Maize flour 2kg',
      item_id: null,
      quantity: 3,
      price_per_unit: '12.50',
      amount: '37.50',
      status: 'Pending',
      time_placed: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      owner: user.id,
      updated_at: order.time_placed,
    });
    const stored = await api.get(pathOf(order.url));
    expect(stored.statusCode).toBe(200);
    expect(stored.data).toEqual(order);
  });

  test('when the request names a host, then Location and url are absolute on that host', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id), {
      headers: { host: 'shop.example.test:8443' },
    });

    // Assert
    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(
      `http://shop.example.test:8443/api/v1/orders/${response.data.id}/`,
    );
    expect(response.data.url).toBe(response.headers.location);
  });

  test('when the amount has cents that floats cannot hold, then amount is exact', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { quantity: 3, price_per_unit: '0.10' }));

    // Assert
    expect(response.statusCode).toBe(201);
    expect(response.data).toMatchObject({ quantity: 3, price_per_unit: '0.10', amount: '0.30' });
    expect((await api.get(orderUrl(response.data.id))).data.amount).toBe('0.30');
  });

  test('when quantity and price are at their maximum, then amount is exact to the cent', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(
      ORDERS,
      orderBody(customer.id, { quantity: 1_000_000, price_per_unit: '9999999999.99' }),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({
      quantity: 1_000_000,
      price_per_unit: '9999999999.99',
      amount: '9999999999990000.00',
    });
    const stored = await api.get(orderUrl(response.data.id));
    expect(stored.data.amount).toBe('9999999999990000.00');
  });

  test('when the order names the customer by code in lower case, then it is placed for that customer', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'AB12C' });

    // Act
    const response = await api.post(ORDERS, {
      customer_code: 'ab12c',
      item: 'Rice',
      quantity: 1,
      price_per_unit: '1',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({
      customer: customer.id,
      customer_code: 'AB12C',
      price_per_unit: '1.00',
      amount: '1.00',
    });
  });

  test('when the order names the customer by id and matching code, then 201', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'XY34Z' });

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { customer_code: 'xy34z' }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({ customer: customer.id, customer_code: 'XY34Z' });
  });

  test('when the id and the code name different customers, then 400 validation_error and nothing is stored', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'AAAA1' });
    await postCustomer(api, { code: 'BBBB2' });

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { customer_code: 'BBBB2' }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['customer_code: mismatch']);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test('when the order names no customer at all, then 400 saying customer is required', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const response = await api.post(ORDERS, { item: 'Rice', quantity: 1, price_per_unit: '2.00' });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['customer: required']);
  });

  test('when the order names a customer id that does not exist, then 404', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(999_999_999));

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test('when the order names a code none of the caller’s customers has, then 404', async () => {
    // Arrange
    const { api } = await newShop({ code: 'HAVE1' });

    // Act
    const response = await api.post(ORDERS, {
      customer_code: 'NONE1',
      item: 'Rice',
      quantity: 1,
      price_per_unit: '2.00',
    });

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test.each([
    ['a JSON number', 12.5, 'price_per_unit: invalid_type'],
    ['zero', '0', 'price_per_unit: too_small'],
    ['zero with cents', '0.00', 'price_per_unit: too_small'],
    ['three decimals', '1.234', 'price_per_unit: invalid_format'],
    ['negative', '-1', 'price_per_unit: invalid_format'],
    ['eleven integer digits', '10000000000', 'price_per_unit: invalid_format'],
    ['null', null, 'price_per_unit: invalid_type'],
  ])('when price_per_unit is %s, then 400 naming price_per_unit', async (_case, price, failure) => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { price_per_unit: price }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual([failure]);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test.each([
    ['0', 0, 'quantity: too_small'],
    ['1000001', 1_000_001, 'quantity: too_large'],
    ['the string "5"', '5', 'quantity: invalid_type'],
    ['null', null, 'quantity: invalid_type'],
    ['a fraction', 2.5, 'quantity: invalid_type'],
  ])('when quantity is %s, then 400 naming quantity', async (_case, quantity, failure) => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { quantity }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual([failure]);
  });

  test.each([
    ['blank', '   ', 'item: blank'],
    ['empty', '', 'item: too_short'],
    ['201 characters', 'x'.repeat(201), 'item: too_long'],
    ['holding a NUL byte', 'Rice\u0000flour', 'item: invalid_format'],
    ['holding a newline', 'Rice\nflour', 'item: invalid_format'],
  ])('when item is %s, then 400 naming item', async (_case, item, failure) => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { item }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual([failure]);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test('when item is 200 characters in a non-Latin script, then it is stored whole', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const item = '米'.repeat(200);

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { item }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect((await api.get(orderUrl(response.data.id))).data.item).toBe(item);
  });

  test('when several fields fail, then every failing field is listed at once', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, {
      customer: customer.id,
      item: 'x'.repeat(201),
      quantity: 0,
      price_per_unit: 3,
    });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response).sort()).toEqual([
      'item: too_long',
      'price_per_unit: invalid_type',
      'quantity: too_small',
    ]);
  });

  test('when the body has an unknown field, then 400 unknown_field naming it', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { colour: 'red' }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['colour: unknown_field']);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test.each([
    ['owner', 1],
    ['id', 12345],
    ['amount', '37.50'],
    ['time_placed', '2020-01-01T00:00:00.000Z'],
    ['url', 'http://localhost/api/v1/orders/1/'],
  ])('when a new order sets the read-only field %s, then 400 read_only_field', async (field, value) => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { [field]: value }));

    // Assert
    expectProblem(response, 400, 'read_only_field');
    expect(failures(response)).toEqual([`${field}: read_only`]);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test.each(['Closed', 'Cancelled'])('when a new order asks for status %s, then 400', async (status) => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { status }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['status: invalid_choice']);
    expect((await api.get(ORDERS)).data.count).toBe(0);
  });

  test('when a new order asks for status Pending, then 201', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.post(ORDERS, orderBody(customer.id, { status: 'Pending' }));

    // Assert
    expect(response.statusCode).toBe(201);
    expect(response.data.status).toBe('Pending');
  });
});

describe('GET /api/v1/orders/{id}/', () => {
  test('when the order exists, then 200 with the order, with or without the trailing slash', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const withSlash = await api.get(orderUrl(order.id));
    const withoutSlash = await api.get(`${ORDERS}${order.id}`);

    // Assert
    expect(withSlash.statusCode).toBe(200);
    expect(withSlash.data).toEqual(order);
    expect(withoutSlash.statusCode).toBe(200);
    expect(withoutSlash.data).toEqual(order);
  });

  test('when no order has the id, then 404 not_found', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const response = await api.get(`${ORDERS}999999999/`);

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.data.instance).toBe(`${ORDERS}999999999/`);
  });

  test.each(['abc', '1.5', '0', '-3', '99999999999999999999'])(
    'when the id is %s, then 400 validation_error',
    async (id) => {
      // Arrange
      const { api } = await newShop();

      // Act
      const response = await api.get(orderUrl(id));

      // Assert
      expectProblem(response, 400, 'validation_error');
      expect(failures(response)[0]).toMatch(/^id: /);
    },
  );
});

describe('GET /api/v1/orders/ (list)', () => {
  test('when listing with no parameters, then the DRF shape, newest first, 10 per page', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const placed: number[] = [];
    for (let i = 0; i < 12; i++) placed.push((await postOrder(api, customer.id, { item: `Item ${i}` })).id);

    // Act
    const response = await api.get(ORDERS);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.data).sort()).toEqual(['count', 'next', 'previous', 'results']);
    expect(response.data.count).toBe(12);
    expect(response.data.previous).toBeNull();
    expect(response.data.next).toBe(`${LINK_ORIGIN}/api/v1/orders/?limit=10&offset=10`);
    expect(ids(response)).toEqual([...placed].reverse().slice(0, 10));
    expect(response.data.results[0]).toEqual(await api.get(`${ORDERS}${placed[11]}/`).then((r) => r.data));
  });

  test('when paging through with limit and offset, then next and previous are absolute links that keep the filters', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const placed: number[] = [];
    for (let i = 0; i < 5; i++) placed.push((await postOrder(api, customer.id)).id);
    const newest = [...placed].reverse();

    // Act
    const first = await api.get(`${ORDERS}?status=Pending&limit=2`);
    const middle = await api.get(pathOf(first.data.next));
    const last = await api.get(pathOf(middle.data.next));
    const backFromLast = await api.get(pathOf(last.data.previous));

    // Assert
    expect(first.data).toMatchObject({
      count: 5,
      previous: null,
      next: `${LINK_ORIGIN}/api/v1/orders/?status=Pending&limit=2&offset=2`,
    });
    expect(ids(first)).toEqual(newest.slice(0, 2));
    expect(middle.data).toMatchObject({
      count: 5,
      previous: `${LINK_ORIGIN}/api/v1/orders/?status=Pending&limit=2`,
      next: `${LINK_ORIGIN}/api/v1/orders/?status=Pending&limit=2&offset=4`,
    });
    expect(ids(middle)).toEqual(newest.slice(2, 4));
    expect(last.data).toMatchObject({
      count: 5,
      previous: `${LINK_ORIGIN}/api/v1/orders/?status=Pending&limit=2&offset=2`,
      next: null,
    });
    expect(ids(last)).toEqual(newest.slice(4));
    expect(ids(backFromLast)).toEqual(ids(middle));
  });

  test('when the offset is past the end, then an empty page that still counts and links back', async () => {
    // Arrange
    const { api, customer } = await newShop();
    for (let i = 0; i < 3; i++) await postOrder(api, customer.id);

    // Act
    const response = await api.get(`${ORDERS}?limit=2&offset=10`);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data).toEqual({
      count: 3,
      next: null,
      previous: `${LINK_ORIGIN}/api/v1/orders/?limit=2&offset=1`,
      results: [],
    });
  });

  test('when limit is 100, then 200; when it is 101 or 0 or not a number, then 400 naming limit', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const ok = await api.get(`${ORDERS}?limit=100`);
    const tooLarge = await api.get(`${ORDERS}?limit=101`);
    const zero = await api.get(`${ORDERS}?limit=0`);
    const text = await api.get(`${ORDERS}?limit=ten`);
    const negativeOffset = await api.get(`${ORDERS}?offset=-1`);

    // Assert
    expect(ok.statusCode).toBe(200);
    expectProblem(tooLarge, 400, 'validation_error');
    expect(failures(tooLarge)).toEqual(['limit: too_large']);
    expectProblem(zero, 400, 'validation_error');
    expect(failures(zero)).toEqual(['limit: too_small']);
    expectProblem(text, 400, 'validation_error');
    expect(failures(text)).toEqual(['limit: invalid_type']);
    expectProblem(negativeOffset, 400, 'validation_error');
    expect(failures(negativeOffset)).toEqual(['offset: too_small']);
  });

  test('when filtering by status, then only orders in that status', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const pending = await postOrder(api, customer.id);
    const closed = await postOrder(api, customer.id);
    const cancelled = await postOrder(api, customer.id);
    expect((await api.post(`${ORDERS}${closed.id}/close/`)).statusCode).toBe(200);
    expect((await api.post(`${ORDERS}${cancelled.id}/cancel/`)).statusCode).toBe(200);

    // Act
    const byPending = await api.get(`${ORDERS}?status=Pending`);
    const byClosed = await api.get(`${ORDERS}?status=Closed`);
    const byCancelled = await api.get(`${ORDERS}?status=Cancelled`);
    const unknown = await api.get(`${ORDERS}?status=Shipped`);

    // Assert
    expect(ids(byPending)).toEqual([pending.id]);
    expect(ids(byClosed)).toEqual([closed.id]);
    expect(ids(byCancelled)).toEqual([cancelled.id]);
    expectProblem(unknown, 400, 'validation_error');
    expect(failures(unknown)).toEqual(['status: invalid_choice']);
  });

  test('when filtering by customer or by customer_code (any case), then only that customer’s orders', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'FIRST' });
    const other = await postCustomer(api, { code: 'SECND' });
    const mine = await postOrder(api, customer.id);
    const theirs = await postOrder(api, other.id);

    // Act
    const byId = await api.get(`${ORDERS}?customer=${customer.id}`);
    const byOtherId = await api.get(`${ORDERS}?customer=${other.id}`);
    const byCode = await api.get(`${ORDERS}?customer_code=secnd`);
    const byUnknownCode = await api.get(`${ORDERS}?customer_code=ZZZZZ`);
    const badCode = await api.get(`${ORDERS}?customer_code=TOOLONG`);

    // Assert
    expect(byId.data.count).toBe(1);
    expect(ids(byId)).toEqual([mine.id]);
    expect(ids(byOtherId)).toEqual([theirs.id]);
    expect(ids(byCode)).toEqual([theirs.id]);
    expect(byUnknownCode.data).toMatchObject({ count: 0, results: [] });
    expectProblem(badCode, 400, 'validation_error');
    expect(failures(badCode)).toEqual(['customer_code: invalid_format']);
  });

  test('when filtering by placed_after and placed_before, then after is inclusive and before is exclusive', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const first = await postOrder(api, customer.id);
    await sleep(15);
    const second = await postOrder(api, customer.id);
    await sleep(15);
    const third = await postOrder(api, customer.id);
    expect(first.time_placed < second.time_placed && second.time_placed < third.time_placed).toBe(true);
    const at = encodeURIComponent(second.time_placed);

    // Act
    const after = await api.get(`${ORDERS}?placed_after=${at}`);
    const before = await api.get(`${ORDERS}?placed_before=${at}`);
    const between = await api.get(
      `${ORDERS}?placed_after=${encodeURIComponent(first.time_placed)}&placed_before=${encodeURIComponent(third.time_placed)}`,
    );
    const notADate = await api.get(`${ORDERS}?placed_after=yesterday`);

    // Assert
    expect(ids(after)).toEqual([third.id, second.id]);
    expect(ids(before)).toEqual([first.id]);
    expect(ids(between)).toEqual([second.id, first.id]);
    expectProblem(notADate, 400, 'validation_error');
    expect(failures(notADate)).toEqual(['placed_after: invalid_format']);
  });

  test('when ordering by -amount, quantity or a list of fields, then rows come in that order', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const small = await postOrder(api, customer.id, { quantity: 5, price_per_unit: '1.00', item: 'B' }); // 5.00
    const large = await postOrder(api, customer.id, { quantity: 1, price_per_unit: '100.00', item: 'A' }); // 100.00
    const middle = await postOrder(api, customer.id, { quantity: 2, price_per_unit: '10.00', item: 'C' }); // 20.00
    // The same amount as `middle` and 9 < 10 in numbers but not in text, to catch string sorting.
    const tie = await postOrder(api, customer.id, { quantity: 10, price_per_unit: '2.00', item: 'A' }); // 20.00

    // Act
    const byAmountDesc = await api.get(`${ORDERS}?ordering=-amount`);
    const byQuantity = await api.get(`${ORDERS}?ordering=quantity`);
    const byItemThenAmount = await api.get(`${ORDERS}?ordering=item,-amount`);

    // Assert
    expect(ids(byAmountDesc)).toEqual([large.id, tie.id, middle.id, small.id]);
    expect(ids(byQuantity)).toEqual([large.id, middle.id, small.id, tie.id]);
    expect(ids(byItemThenAmount)).toEqual([large.id, tie.id, small.id, middle.id]);
  });

  test('when ordering by an unknown field or malformed text, then 400 naming ordering', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const unknown = await api.get(`${ORDERS}?ordering=-owner_password`);
    const malformed = await api.get(`${ORDERS}?ordering=amount;drop`);

    // Assert
    expectProblem(unknown, 400, 'validation_error');
    expect(failures(unknown)).toEqual(['ordering: invalid_choice']);
    expectProblem(malformed, 400, 'validation_error');
    expect(failures(malformed)).toEqual(['ordering: invalid_format']);
  });

  test('when the query has an unknown parameter, then 400 naming it', async () => {
    // Arrange
    const { api } = await newShop();

    // Act
    const response = await api.get(`${ORDERS}?colour=red`);

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['colour: unknown_field']);
  });
});

describe('PUT /api/v1/orders/{id}/', () => {
  test('when the client sends back exactly what it read, then 200 and nothing changes, updated_at included', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);
    const read = (await api.get(orderUrl(order.id))).data;
    await sleep(5); // so that a bumped updated_at would differ

    // Act
    const response = await api.put(orderUrl(order.id), read);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toEqual(read);
    expect((await api.get(orderUrl(order.id))).data).toEqual(read);
  });

  test('when every writable field is replaced, then 200 and the new values are stored', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const other = await postCustomer(api);
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.put(orderUrl(order.id), {
      customer: other.id,
      item: 'Sugar 1kg',
      quantity: 4,
      price_per_unit: '0.35',
      status: 'Pending',
    });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    const expected = {
      id: order.id,
      customer: other.id,
      customer_code: other.code,
      item: 'Sugar 1kg',
      quantity: 4,
      price_per_unit: '0.35',
      amount: '1.40',
      status: 'Pending',
      time_placed: order.time_placed,
    };
    expect(response.data).toMatchObject(expected);
    expect((await api.get(orderUrl(order.id))).data).toMatchObject(expected);
  });

  test.each(['item', 'quantity', 'price_per_unit', 'status'])(
    'when the replacement leaves out %s, then 400 saying it is required and nothing changes',
    async (field) => {
      // Arrange
      const { api, customer } = await newShop();
      const order = await postOrder(api, customer.id);
      const body: Record<string, unknown> = {
        customer: customer.id,
        item: 'Sugar 1kg',
        quantity: 4,
        price_per_unit: '0.35',
        status: 'Pending',
      };
      delete body[field];

      // Act
      const response = await api.put(orderUrl(order.id), body);

      // Assert
      expectProblem(response, 400, 'validation_error');
      expect(failures(response)).toEqual([`${field}: required`]);
      expect((await api.get(orderUrl(order.id))).data).toEqual(order);
    },
  );

  test('when the replacement names no customer, then 400 saying customer is required', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.put(orderUrl(order.id), {
      item: 'Sugar 1kg',
      quantity: 4,
      price_per_unit: '0.35',
      status: 'Pending',
    });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['customer: required']);
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test.each([
    ['owner', (order: Record<string, unknown>) => (order.owner as number) + 1],
    ['amount', () => '1.00'],
    ['id', (order: Record<string, unknown>) => (order.id as number) + 1],
    ['time_placed', () => '2020-01-01T00:00:00.000Z'],
  ])(
    'when the replacement changes the read-only field %s, then 400 read_only_field',
    async (field, value) => {
      // Arrange
      const { api, customer } = await newShop();
      const order = await postOrder(api, customer.id);

      // Act
      const response = await api.put(orderUrl(order.id), {
        ...order,
        item: 'Changed',
        [field]: value(order),
      });

      // Assert
      expectProblem(response, 400, 'read_only_field');
      expect(failures(response)).toEqual([`${field}: read_only`]);
      expect((await api.get(orderUrl(order.id))).data).toEqual(order);
    },
  );

  test('when the replacement has an unknown field, then 400 unknown_field', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.put(orderUrl(order.id), { ...order, discount: '1.00' });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['discount: unknown_field']);
  });

  test('when the order does not exist, then 404', async () => {
    // Arrange
    const { api, customer } = await newShop();

    // Act
    const response = await api.put(`${ORDERS}999999999/`, { ...orderBody(customer.id), status: 'Pending' });

    // Assert
    expectProblem(response, 404, 'not_found');
  });
});

describe('PATCH /api/v1/orders/{id}/', () => {
  test('when one field is sent, then only it changes and amount follows', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id, { quantity: 3, price_per_unit: '12.50' });
    await sleep(5);

    // Act
    const response = await api.patch(orderUrl(order.id), { quantity: 5 });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    const stored = (await api.get(orderUrl(order.id))).data;
    expect(stored).toEqual(response.data);
    expect(stored).toEqual({ ...order, quantity: 5, amount: '62.50', updated_at: stored.updated_at });
    expect(stored.updated_at > order.updated_at).toBe(true);
  });

  test('when the body is sent as application/merge-patch+json, then it is applied like JSON', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await mergePatch(
      api,
      orderUrl(order.id),
      JSON.stringify({ item: 'Beans 500g', price_per_unit: '3.2' }),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect((await api.get(orderUrl(order.id))).data).toMatchObject({
      item: 'Beans 500g',
      quantity: order.quantity,
      price_per_unit: '3.20',
      amount: '9.60',
      customer: customer.id,
    });
  });

  test('when the body is text/plain, then 415 and nothing changes', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), JSON.stringify({ item: 'Beans' }), {
      headers: { 'content-type': 'text/plain' },
    });

    // Assert
    expectProblem(response, 415, 'unsupported_media_type');
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test.each([
    ['item', 'invalid_type'],
    ['quantity', 'invalid_type'],
    ['price_per_unit', 'invalid_type'],
    ['customer', 'invalid_type'],
    ['customer_code', 'invalid_type'],
    ['status', 'invalid_choice'],
  ])('when %s is set to null, then 400 and nothing changes', async (field, code) => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { [field]: null });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual([`${field}: ${code}`]);
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test('when owner is sent with another value, then 400 read_only_field and the order keeps its owner', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const other = await signIn(t);
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { owner: other.user.id });

    // Assert
    expectProblem(response, 400, 'read_only_field');
    expect(failures(response)).toEqual(['owner: read_only']);
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test('when the order moves to another customer of the same user, then customer_code follows', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'OLD01' });
    const other = await postCustomer(api, { code: 'NEW02' });
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { customer: other.id });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ customer: other.id, customer_code: 'NEW02' });
    expect((await api.get(orderUrl(order.id))).data).toMatchObject({
      customer: other.id,
      customer_code: 'NEW02',
    });
    expect(ids(await api.get(`${ORDERS}?customer_code=NEW02`))).toEqual([order.id]);
    expect((await api.get(`${ORDERS}?customer=${customer.id}`)).data.count).toBe(0);
  });

  test('when the order moves by customer_code alone, then customer follows', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'OLD03' });
    const other = await postCustomer(api, { code: 'NEW04' });
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { customer_code: 'new04' });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect((await api.get(orderUrl(order.id))).data).toMatchObject({
      customer: other.id,
      customer_code: 'NEW04',
    });
  });

  test('when the new customer id and code disagree, then 400 and the order keeps its customer', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'OLD05' });
    const other = await postCustomer(api, { code: 'NEW06' });
    const order = await postOrder(api, customer.id);

    // Act
    const response = await api.patch(orderUrl(order.id), { customer: other.id, customer_code: 'OLD05' });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['customer_code: mismatch']);
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test('when a customer’s code changes, then its orders show the new code', async () => {
    // Arrange
    const { api, customer } = await newShop({ code: 'BEFOR' });
    const first = await postOrder(api, customer.id);
    const second = await postOrder(api, customer.id);

    // Act
    const renamed = await api.patch(customerUrl(customer.id), { code: 'after' });

    // Assert
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.data.code).toBe('AFTER');
    expect((await api.get(orderUrl(first.id))).data.customer_code).toBe('AFTER');
    expect(ids(await api.get(`${ORDERS}?customer_code=AFTER`))).toEqual([second.id, first.id]);
    expect((await api.get(`${ORDERS}?customer_code=BEFOR`)).data.count).toBe(0);
  });
});

describe('changing a final order', () => {
  test.each([
    ['Closed', 'close', { item: 'Something else' }],
    ['Closed', 'close', { quantity: 99 }],
    ['Closed', 'close', { price_per_unit: '0.01' }],
    ['Cancelled', 'cancel', { item: 'Something else' }],
    ['Cancelled', 'cancel', { quantity: 99 }],
    ['Cancelled', 'cancel', { price_per_unit: '0.01' }],
  ])(
    'when a %s order is patched with %s %j, then 409 order_final and nothing changes',
    async (status, action, change) => {
      // Arrange
      const { api, customer } = await newShop();
      const order = await postOrder(api, customer.id);
      const finished = await api.post(`${ORDERS}${order.id}/${action}/`);
      expect(finished.data.status).toBe(status);

      // Act
      const response = await api.patch(orderUrl(order.id), change);

      // Assert
      expectProblem(response, 409, 'order_final');
      expect(response.data.details).toEqual({ current_status: status });
      expect((await api.get(orderUrl(order.id))).data).toEqual(finished.data);
    },
  );

  test('when a Closed order is moved to another customer, then 409 order_final', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const other = await postCustomer(api);
    const order = await postOrder(api, customer.id);
    const closed = (await api.post(`${ORDERS}${order.id}/close/`)).data;

    // Act
    const response = await api.patch(orderUrl(order.id), { customer: other.id });

    // Assert
    expectProblem(response, 409, 'order_final');
    expect((await api.get(orderUrl(order.id))).data).toEqual(closed);
  });

  test('when a Closed order is replaced with new terms, then 409 order_final', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);
    const closed = (await api.post(`${ORDERS}${order.id}/close/`)).data;

    // Act
    const response = await api.put(orderUrl(order.id), { ...closed, quantity: 7 });

    // Assert
    expectProblem(response, 409, 'order_final');
    expect((await api.get(orderUrl(order.id))).data).toEqual(closed);
  });

  test('when a Closed order is sent back unchanged with PUT, then 200 and it stays as it was', async () => {
    // Arrange
    const { api, customer } = await newShop();
    const order = await postOrder(api, customer.id);
    await api.post(`${ORDERS}${order.id}/close/`);
    const read = (await api.get(orderUrl(order.id))).data;
    await sleep(5); // so that a bumped updated_at would differ

    // Act
    const response = await api.put(orderUrl(order.id), read);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toEqual({ ...read, status: 'Closed' });
    expect((await api.get(orderUrl(order.id))).data).toEqual(read);
  });
});
