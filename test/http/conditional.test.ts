import { describe, expect, test } from 'vitest';
import {
  CUSTOMERS,
  customerUrl,
  expectProblem,
  mergePatch,
  ORDERS,
  orderUrl,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { customerBody } from '../helpers/factories.js';

const t = useTestApp();
const ifMatch = (etag: unknown) => ({ headers: { 'if-match': String(etag) } });

describe('ETags and conditional GET', () => {
  test('when a customer is read, then it has a strong ETag, the one its creation returned', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await api.post('/api/v1/customers/', {
      first_name: 'Amina',
      second_name: 'Otieno',
      phone: '+254712340001',
    });

    // Act
    const read = await api.get(customerUrl(created.data.id));

    // Assert
    expect(read.headers.etag).toMatch(/^"[0-9]+"$/);
    expect(created.headers.etag).toBe(read.headers.etag);
  });

  test.each([
    ['its ETag', (etag: string) => etag],
    ['its ETag among others', (etag: string) => `"nope", ${etag}`],
    ['its ETag marked weak', (etag: string) => `W/${etag}`],
    ['*', () => '*'],
  ])('when If-None-Match names %s, then 304 with the ETag and no body', async (_case, header) => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;

    // Act
    const response = await api.get(customerUrl(customer.id), {
      headers: { 'if-none-match': header(String(etag)) },
    });

    // Assert
    expect(response.statusCode).toBe(304);
    expect(response.body).toBe('');
    expect(response.headers.etag).toBe(etag);
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });

  test('when the customer changed since, then the old ETag gets 200 with the new one; a no-op PATCH keeps it', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const before = String((await api.get(customerUrl(customer.id))).headers.etag);
    const same = await mergePatch(
      api,
      customerUrl(customer.id),
      JSON.stringify({ first_name: customer.first_name }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Act
    const changed = await mergePatch(
      api,
      customerUrl(customer.id),
      JSON.stringify({ first_name: 'Changed' }),
    );
    const stale = await api.get(customerUrl(customer.id), { headers: { 'if-none-match': before } });

    // Assert
    expect(same.headers.etag).toBe(before);
    expect(changed.headers.etag).not.toBe(before);
    expect(stale.statusCode).toBe(200);
    expect(stale.headers.etag).toBe(changed.headers.etag);
    expect(stale.data.first_name).toBe('Changed');
  });

  test('when an order is closed, then the answer carries its new ETag, and HEAD honours If-None-Match', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const order = await postOrder(api, customer.id);
    await new Promise((resolve) => setTimeout(resolve, 5));

    // Act
    const closed = await api.post(`${orderUrl(order.id)}close/`);
    const head = await api.head(orderUrl(order.id), {
      headers: { 'if-none-match': String(closed.headers.etag) },
    });

    // Assert
    const read = await api.get(orderUrl(order.id));
    expect(closed.headers.etag).toBe(read.headers.etag);
    expect(head.statusCode).toBe(304);
  });

  test('when another user asks with a guessed ETag, then 404, never 304', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;
    const { api: other } = await signIn(t);

    // Act
    const response = await other.get(customerUrl(customer.id), {
      headers: { 'if-none-match': String(etag) },
    });

    // Assert
    expect(response.statusCode).toBe(404);
  });
});

describe('ETags of lists', () => {
  test('when a list is read twice unchanged, then the same ETag and If-None-Match gets 304; a change to one row gives a new ETag', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    await postCustomer(api);
    const first = await api.get(CUSTOMERS);

    // Act
    const again = await api.get(CUSTOMERS, { headers: { 'if-none-match': String(first.headers.etag) } });
    await mergePatch(api, customerUrl(customer.id), JSON.stringify({ first_name: 'Changed' }));
    const afterChange = await api.get(CUSTOMERS, {
      headers: { 'if-none-match': String(first.headers.etag) },
    });

    // Assert
    expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(afterChange.statusCode).toBe(200);
    expect(afterChange.headers.etag).not.toBe(first.headers.etag);
  });

  test('when a row is added beyond the page, then the page ETag changes with the count', async () => {
    // Arrange
    const { api } = await signIn(t);
    await postCustomer(api);
    await postCustomer(api);
    const before = await api.get(`${CUSTOMERS}?limit=1`);

    // Act
    await postCustomer(api);
    const after = await api.get(`${CUSTOMERS}?limit=1`);

    // Assert
    expect(after.data.results).toEqual(before.data.results);
    expect(after.data.count).toBe(before.data.count + 1);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  test('when order and notification lists and a notification are read, then each carries an ETag', async () => {
    // Arrange
    const { api } = await signIn(t);
    const order = await postOrder(api, (await postCustomer(api)).id);

    // Act
    const responses = await Promise.all([
      api.get(ORDERS),
      api.get('/api/v1/notifications/'),
      api.get(`${orderUrl(order.id)}notifications/`),
    ]);
    const notificationId = responses[1].data.results[0].id;
    const notification = await api.get(`/api/v1/notifications/${notificationId}/`);
    const notModified = await api.get(`/api/v1/notifications/${notificationId}/`, {
      headers: { 'if-none-match': String(notification.headers.etag) },
    });

    // Assert
    for (const response of responses) expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(notification.headers.etag).toMatch(/^"[0-9]+"$/);
    expect(notModified.statusCode).toBe(304);
  });
});

describe('If-Match on changes', () => {
  test('when two clients change a customer from the same version, then the second gets 412 and the first change stays', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;

    // Act
    const first = await api.patch(customerUrl(customer.id), { first_name: 'First' }, ifMatch(etag));
    const second = await api.patch(customerUrl(customer.id), { first_name: 'Second' }, ifMatch(etag));

    // Assert
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).not.toBe(etag);
    expectProblem(second, 412, 'precondition_failed');
    const stored = await api.get(customerUrl(customer.id));
    expect(stored.data.first_name).toBe('First');
    expect(stored.headers.etag).toBe(first.headers.etag);
  });

  test.each([
    ['PUT', 'a replacement'],
    ['PATCH', 'a merge patch'],
  ])('when %s (%s) names the current ETag, then it applies and answers the next one', async (method) => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;
    const body = customerBody({ first_name: 'Renamed', code: customer.code });

    // Act
    const response = await api.send({
      method,
      url: customerUrl(customer.id),
      payload: body,
      headers: { 'if-match': `"999", ${etag}` },
    });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data.first_name).toBe('Renamed');
    expect(Number(JSON.parse(String(response.headers.etag)))).toBe(Number(JSON.parse(String(etag))) + 1);
  });

  test.each([
    ['a weak tag of the current version', (etag: string) => `W/${etag}`],
    ['an unquoted version', (etag: string) => etag.replaceAll('"', '')],
    ['a version too large to exist', () => '"99999999999999999999"'],
    ['garbage', () => 'not an etag'],
  ])('when If-Match holds %s, then 412 and nothing changes (strong comparison)', async (_case, header) => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;

    // Act
    const response = await api.patch(
      customerUrl(customer.id),
      { first_name: 'Changed' },
      ifMatch(header(String(etag))),
    );

    // Assert
    expectProblem(response, 412, 'precondition_failed');
    expect((await api.get(customerUrl(customer.id))).data.first_name).toBe(customer.first_name);
  });

  test('when If-Match is *, then any current version will do', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);

    // Act
    const response = await api.patch(customerUrl(customer.id), { first_name: 'Star' }, ifMatch('*'));

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data.first_name).toBe('Star');
  });

  test('when a PATCH changes nothing but names an old version, then 412: the client has not seen the current one', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const old = (await api.get(customerUrl(customer.id))).headers.etag;
    await api.patch(customerUrl(customer.id), { first_name: 'Newer' });

    // Act
    const response = await api.patch(customerUrl(customer.id), {}, ifMatch(old));

    // Assert
    expectProblem(response, 412, 'precondition_failed');
  });

  test('when a stale If-Match deletes a customer, then 412 and it stays; the current one deletes it', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const old = (await api.get(customerUrl(customer.id))).headers.etag;
    const changed = await api.patch(customerUrl(customer.id), { first_name: 'Newer' });

    // Act
    const stale = await api.delete(customerUrl(customer.id), ifMatch(old));
    const current = await api.delete(customerUrl(customer.id), ifMatch(changed.headers.etag));

    // Assert
    expectProblem(stale, 412, 'precondition_failed');
    expect(current.statusCode).toBe(204);
    expect((await api.get(customerUrl(customer.id))).statusCode).toBe(404);
  });

  test("when another user's customer is changed with its real ETag, then 404, never 412", async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;
    const { api: other } = await signIn(t);

    // Act
    const patched = await other.patch(customerUrl(customer.id), { first_name: 'Mine' }, ifMatch('"1"'));
    const deleted = await other.delete(customerUrl(customer.id), ifMatch(etag));

    // Assert
    expectProblem(patched, 404, 'not_found');
    expectProblem(deleted, 404, 'not_found');
  });

  test('when an order changed since it was read, then close, cancel, PUT and PATCH with the old ETag are 412 and it stays as it is', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const order = await postOrder(api, customer.id);
    const old = (await api.get(orderUrl(order.id))).headers.etag;
    const changed = await api.patch(orderUrl(order.id), { quantity: 7 });

    // Act
    const responses = await Promise.all([
      api.post(`${orderUrl(order.id)}close/`, undefined, ifMatch(old)),
      api.post(`${orderUrl(order.id)}cancel/`, undefined, ifMatch(old)),
      api.patch(orderUrl(order.id), { quantity: 9 }, ifMatch(old)),
      api.put(
        orderUrl(order.id),
        { customer: customer.id, item: 'Rice', quantity: 1, price_per_unit: '1.00', status: 'Pending' },
        ifMatch(old),
      ),
    ]);

    // Assert
    for (const response of responses) expectProblem(response, 412, 'precondition_failed');
    const stored = await api.get(orderUrl(order.id));
    expect(stored.data).toEqual(changed.data);
    expect(stored.headers.etag).toBe(changed.headers.etag);
    const notifications = await api.get(`${orderUrl(order.id)}notifications/`);
    expect(notifications.data.results.map((n: { event: string }) => n.event)).toEqual(['order_placed']);
  });

  test('when an order is closed with the ETag its creation returned, then 200; that ETag cannot cancel it after', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const created = await api.post(ORDERS, {
      customer: customer.id,
      item: 'Tea',
      quantity: 1,
      price_per_unit: '2.00',
    });

    // Act
    const closed = await api.post(
      `${orderUrl(created.data.id)}close/`,
      undefined,
      ifMatch(created.headers.etag),
    );
    const cancelStale = await api.post(
      `${orderUrl(created.data.id)}cancel/`,
      undefined,
      ifMatch(created.headers.etag),
    );
    const cancelCurrent = await api.post(
      `${orderUrl(created.data.id)}cancel/`,
      undefined,
      ifMatch(closed.headers.etag),
    );

    // Assert
    expect(closed.statusCode).toBe(200);
    expect(closed.data.status).toBe('Closed');
    expectProblem(cancelStale, 412, 'precondition_failed');
    expectProblem(cancelCurrent, 409, 'invalid_transition');
  });
});

describe(`racing changes with one If-Match (${onRealPostgres ? 'PostgreSQL server' : 'PGlite'})`, () => {
  test('when 10 PATCHes name the same version at once, then exactly one applies and 9 are 412', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;

    // Act
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.patch(customerUrl(customer.id), { first_name: `Writer ${i}` }, ifMatch(etag)),
      ),
    );

    // Assert
    const winners = responses.filter((response) => response.statusCode === 200);
    expect(winners).toHaveLength(1);
    for (const response of responses.filter((r) => r.statusCode !== 200)) {
      expectProblem(response, 412, 'precondition_failed');
    }
    expect((await api.get(customerUrl(customer.id))).data.first_name).toBe(winners[0]?.data.first_name);
  });

  test('when 10 order PATCHes name the same version at once, then exactly one applies and 9 are 412', async () => {
    // Arrange
    const { api } = await signIn(t);
    const order = await postOrder(api, (await postCustomer(api)).id);
    const { etag } = (await api.get(orderUrl(order.id))).headers;

    // Act
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.patch(orderUrl(order.id), { quantity: i + 10 }, ifMatch(etag)),
      ),
    );

    // Assert
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    expect(responses.filter((response) => response.statusCode === 412)).toHaveLength(9);
  });
});

describe('REQUIRE_IF_MATCH=true', () => {
  const strict = useTestApp({ REQUIRE_IF_MATCH: 'true' });

  test('when a change comes without If-Match, then 428 and nothing changes; with it, the change applies', async () => {
    // Arrange
    const { api } = await signIn(strict);
    const customer = await postCustomer(api);
    const order = await postOrder(api, customer.id);

    // Act
    const refused = await Promise.all([
      api.patch(customerUrl(customer.id), { first_name: 'Blind' }),
      api.put(customerUrl(customer.id), customerBody({ code: customer.code })),
      api.delete(customerUrl(customer.id)),
      api.post(`${orderUrl(order.id)}close/`),
      api.patch(orderUrl(order.id), { quantity: 2 }),
    ]);
    const { etag } = (await api.get(customerUrl(customer.id))).headers;
    const accepted = await api.patch(customerUrl(customer.id), { first_name: 'Seen' }, ifMatch(etag));

    // Assert
    for (const response of refused) expectProblem(response, 428, 'precondition_required');
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.data.first_name).toBe('Seen');
  });
});
