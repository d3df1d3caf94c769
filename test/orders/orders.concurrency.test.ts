import { describe, expect, test } from 'vitest';
import { expectProblem, ids, ORDERS, orderUrl, postCustomer, postOrder, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { orderBody } from '../helpers/factories.js';

// On PGlite (one connection) the parallel requests queue up; only real PostgreSQL races them.
// The assertions are the same on both: they state what must hold however the requests interleave.
const t = useTestApp();

/** A staff user with one customer and one Pending order. */
async function newShopWithOrder(customerOverrides: Record<string, unknown> = {}) {
  const staff = await signIn(t);
  const customer = await postCustomer(staff.api, customerOverrides);
  const order = await postOrder(staff.api, customer.id);
  return { ...staff, customer, order };
}

describe(`parallel changes to one order (${onRealPostgres ? 'PostgreSQL server' : 'PGlite'})`, () => {
  test('when 20 close and cancel requests race on one Pending order, then exactly one wins and the rest are 409', async () => {
    // Arrange
    const { api, order } = await newShopWithOrder();
    const actions = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 'close' : 'cancel'));

    // Act
    const responses = await Promise.all(actions.map((action) => api.post(`${ORDERS}${order.id}/${action}/`)));

    // Assert
    const winners = responses.filter((response) => response.statusCode === 200);
    const losers = responses.filter((response) => response.statusCode !== 200);
    expect(winners).toHaveLength(1);
    const finalStatus = winners[0]?.data.status;
    expect(['Closed', 'Cancelled']).toContain(finalStatus);
    expect(losers).toHaveLength(19);
    for (const [i, response] of responses.entries()) {
      if (response.statusCode === 200) continue;
      expectProblem(response, 409, 'invalid_transition');
      expect(response.data.details).toEqual({
        current_status: finalStatus,
        requested_status: actions[i] === 'close' ? 'Closed' : 'Cancelled',
        allowed_statuses: [],
      });
    }
    const stored = await api.get(orderUrl(order.id));
    expect(stored.data).toEqual(winners[0]?.data);
  });

  test('when 20 close requests race on one Pending order, then one 200 and 19 invalid_transition', async () => {
    // Arrange
    const { api, order } = await newShopWithOrder();

    // Act
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => api.post(`${ORDERS}${order.id}/close/`)),
    );

    // Assert
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    for (const response of responses.filter((r) => r.statusCode !== 200)) {
      expectProblem(response, 409, 'invalid_transition');
      expect(response.data.details).toMatchObject({ current_status: 'Closed', requested_status: 'Closed' });
    }
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Closed');
  });

  test('when PATCH status Cancelled races the close action, then exactly one wins and the state is the winner’s', async () => {
    // Arrange
    const { api, order } = await newShopWithOrder();
    const patchCount = 10;

    // Act
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i < patchCount
          ? api.patch(orderUrl(order.id), { status: 'Cancelled' })
          : api.post(`${ORDERS}${order.id}/close/`),
      ),
    );

    // Assert
    const stored = (await api.get(orderUrl(order.id))).data;
    expect(['Closed', 'Cancelled']).toContain(stored.status);
    const patches = responses.slice(0, patchCount);
    const closes = responses.slice(patchCount);
    if (stored.status === 'Closed') {
      // A close came first: exactly one close did it, and every patch then found a Closed order.
      expect(closes.filter((r) => r.statusCode === 200)).toHaveLength(1);
      for (const response of patches) expectProblem(response, 409, 'invalid_transition');
    } else {
      // A patch came first. Repeating the current status in a PATCH is a no-op (so that a client can
      // PUT back what it read), so the other patches are 200 too; no close may have succeeded.
      for (const response of patches) expect(response.statusCode, response.body).toBe(200);
      for (const response of closes) expectProblem(response, 409, 'invalid_transition');
    }
    for (const response of responses) {
      if (response.statusCode === 200) expect(response.data.status).toBe(stored.status);
      else expect(response.data.details.current_status).toBe(stored.status);
    }
  });

  test('when PATCH changes the quantity while the order is being closed, then the result is one of the two orders, never a Closed order with the new quantity applied after closing', async () => {
    // Arrange
    const { api, order } = await newShopWithOrder();

    // Act
    const [patch, close] = await Promise.all([
      api.patch(orderUrl(order.id), { quantity: 9 }),
      api.post(`${ORDERS}${order.id}/close/`),
    ]);

    // Assert
    expect(close.statusCode, close.body).toBe(200);
    const stored = (await api.get(orderUrl(order.id))).data;
    expect(stored.status).toBe('Closed');
    if (patch.statusCode === 200) {
      // The patch came first: it was applied to the Pending order, then the order was closed.
      expect(patch.data.status).toBe('Pending');
      expect(stored.quantity).toBe(9);
      expect(close.data.quantity).toBe(9);
    } else {
      expectProblem(patch, 409, 'order_final');
      expect(stored.quantity).toBe(order.quantity);
    }
  });

  test('when 20 orders are placed at once for one customer, then all are 201 with distinct ids', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);

    // Act
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.post(ORDERS, orderBody(customer.id, { item: `Parallel ${i}`, quantity: i + 1 })),
      ),
    );

    // Assert
    for (const response of responses) expect(response.statusCode, response.body).toBe(201);
    const created = responses.map((response) => response.data.id as number);
    expect(new Set(created).size).toBe(20);
    const listed = await api.get(`${ORDERS}?customer=${customer.id}&limit=100&ordering=quantity`);
    expect(listed.data.count).toBe(20);
    expect(ids(listed)).toEqual(created);
    expect(listed.data.results.map((o: { item: string }) => o.item)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Parallel ${i}`),
    );
  });
});

describe('ownership between two staff users', () => {
  test('when staff B reads staff A’s order, then 404 and nothing hints that it exists', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const b = await signIn(t);

    // Act
    const theirs = await b.api.get(orderUrl(a.order.id));
    const missing = await b.api.get(`${ORDERS}999999999/`);

    // Assert
    expectProblem(theirs, 404, 'not_found');
    expect(theirs.data.detail).toBe(`Order ${a.order.id} was not found.`);
    expect(missing.data.detail).toBe('Order 999999999 was not found.');
  });

  test('when staff B lists orders, then A’s orders are absent, also when filtering by A’s customer id or code', async () => {
    // Arrange
    const a = await newShopWithOrder({ code: 'SHARE' });
    const b = await signIn(t);
    // B has a customer with the same code: codes are unique per owner only.
    const bCustomer = await postCustomer(b.api, { code: 'SHARE' });
    const bOrder = await postOrder(b.api, bCustomer.id);

    // Act
    const all = await b.api.get(`${ORDERS}?limit=100`);
    const byACustomer = await b.api.get(`${ORDERS}?customer=${a.customer.id}`);
    const byCode = await b.api.get(`${ORDERS}?customer_code=share`);
    const byAOwner = await b.api.get(`${ORDERS}?owner=${a.user.id}`);

    // Assert
    expect(all.data.count).toBe(1);
    expect(ids(all)).toEqual([bOrder.id]);
    expect(byACustomer.data).toEqual({ count: 0, next: null, previous: null, results: [] });
    expect(ids(byCode)).toEqual([bOrder.id]);
    expect(byAOwner.data).toMatchObject({ count: 0, results: [] });
    expect(ids(await a.api.get(`${ORDERS}?customer_code=SHARE`))).toEqual([a.order.id]);
  });

  test('when staff B filters by the code of a customer only A has, then an empty list', async () => {
    // Arrange
    const a = await newShopWithOrder({ code: 'ONLYA' });
    const b = await signIn(t);

    // Act
    const response = await b.api.get(`${ORDERS}?customer_code=${a.customer.code}`);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  test('when staff B patches, replaces, closes or cancels A’s order, then 404 each time and A’s order is unchanged', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const b = await signIn(t);
    const bCustomer = await postCustomer(b.api);
    const url = orderUrl(a.order.id);

    // Act
    const patch = await b.api.patch(url, { quantity: 99 });
    const patchStatus = await b.api.patch(url, { status: 'Cancelled' });
    const put = await b.api.put(url, { ...orderBody(bCustomer.id), status: 'Pending' });
    const close = await b.api.post(`${url}close/`);
    const cancel = await b.api.post(`${url}cancel/`);

    // Assert
    for (const response of [patch, patchStatus, put, close, cancel])
      expectProblem(response, 404, 'not_found');
    expect((await a.api.get(url)).data).toEqual(a.order);
  });

  test('when staff B places an order for A’s customer by id, then 404 and nothing is stored', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const b = await signIn(t);

    // Act
    const response = await b.api.post(ORDERS, orderBody(a.customer.id));

    // Assert
    expectProblem(response, 404, 'not_found');
    expect((await a.api.get(`${ORDERS}?customer=${a.customer.id}`)).data.count).toBe(1);
    expect((await b.api.get(ORDERS)).data.count).toBe(0);
  });

  test('when staff B places an order by A’s customer code, then 404 and nothing is stored', async () => {
    // Arrange
    const a = await newShopWithOrder({ code: 'ACODE' });
    const b = await signIn(t);

    // Act
    const byCode = await b.api.post(ORDERS, {
      customer_code: 'ACODE',
      item: 'Rice',
      quantity: 1,
      price_per_unit: '1.00',
    });
    const byBoth = await b.api.post(ORDERS, orderBody(a.customer.id, { customer_code: 'ACODE' }));

    // Assert
    expectProblem(byCode, 404, 'not_found');
    expectProblem(byBoth, 404, 'not_found');
    expect((await a.api.get(`${ORDERS}?customer=${a.customer.id}`)).data.count).toBe(1);
    expect((await b.api.get(ORDERS)).data.count).toBe(0);
  });

  test('when staff B moves their own order to A’s customer, then 404 and the order keeps its customer', async () => {
    // Arrange
    const a = await newShopWithOrder({ code: 'AAAA7' });
    const b = await newShopWithOrder({ code: 'BBBB7' });

    // Act
    const byId = await b.api.patch(orderUrl(b.order.id), { customer: a.customer.id });
    const byCode = await b.api.patch(orderUrl(b.order.id), { customer_code: 'AAAA7' });

    // Assert
    expectProblem(byId, 404, 'not_found');
    expectProblem(byCode, 404, 'not_found');
    expect((await b.api.get(orderUrl(b.order.id))).data).toEqual(b.order);
  });
});

describe('admins', () => {
  test('when an admin reads and lists, then they see every user’s orders and can filter by owner', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const b = await newShopWithOrder();
    const admin = await signIn(t, 'admin');

    // Act
    const detail = await admin.api.get(orderUrl(a.order.id));
    const ofA = await admin.api.get(`${ORDERS}?owner=${a.user.id}`);
    const ofB = await admin.api.get(`${ORDERS}?owner=${b.user.id}`);
    const byBCustomer = await admin.api.get(`${ORDERS}?customer=${b.customer.id}`);

    // Assert
    expect(detail.statusCode).toBe(200);
    expect(detail.data).toEqual(a.order);
    expect(ofA.data.count).toBe(1);
    expect(ids(ofA)).toEqual([a.order.id]);
    expect(ofA.data.results[0].owner).toBe(a.user.id);
    expect(ids(ofB)).toEqual([b.order.id]);
    expect(ids(byBCustomer)).toEqual([b.order.id]);
  });

  test('when an admin closes staff A’s order, then 200 and A sees it Closed', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const admin = await signIn(t, 'admin');

    // Act
    const response = await admin.api.post(`${ORDERS}${a.order.id}/close/`);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ id: a.order.id, status: 'Closed', owner: a.user.id });
    expect((await a.api.get(orderUrl(a.order.id))).data.status).toBe('Closed');
  });

  test('when an admin places an order for A’s customer, then the order belongs to A', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const admin = await signIn(t, 'admin');

    // Act
    const response = await admin.api.post(ORDERS, orderBody(a.customer.id, { item: 'By admin' }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({
      owner: a.user.id,
      customer: a.customer.id,
      customer_code: a.customer.code,
    });
    expect((await a.api.get(orderUrl(response.data.id))).data.item).toBe('By admin');
  });

  test('when an admin moves A’s order to B’s customer, then 400 and the order stays with A', async () => {
    // Arrange
    const a = await newShopWithOrder();
    const b = await newShopWithOrder();
    const admin = await signIn(t, 'admin');

    // Act
    const response = await admin.api.patch(orderUrl(a.order.id), { customer: b.customer.id });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([
      { field: 'customer', code: 'other_owner', message: expect.any(String) },
    ]);
    expect((await a.api.get(orderUrl(a.order.id))).data).toEqual(a.order);
  });
});
