import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { expectProblem, ORDERS, orderUrl, postCustomer, postOrder, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

const t = useTestApp();

/** A staff user's client and one of their Pending orders. */
async function pendingOrder() {
  const { api } = await signIn(t);
  const customer = await postCustomer(api);
  const order = await postOrder(api, customer.id);
  return { api, order };
}

/** A staff user's client and one of their orders, moved to `status` by its action. */
async function finalOrder(status: 'Closed' | 'Cancelled') {
  const { api, order } = await pendingOrder();
  const done = await api.post(`${ORDERS}${order.id}/${status === 'Closed' ? 'close' : 'cancel'}/`);
  expect(done.statusCode, done.body).toBe(200);
  expect(done.data.status).toBe(status);
  return { api, order: done.data };
}

describe('allowed transitions', () => {
  test.each([
    ['close', 'Closed'],
    ['cancel', 'Cancelled'],
  ])(
    'when a Pending order is sent to /%s/, then 200, it is %s and updated_at moves',
    async (action, status) => {
      // Arrange
      const { api, order } = await pendingOrder();
      await sleep(5);

      // Act
      const response = await api.post(`${ORDERS}${order.id}/${action}/`);

      // Assert
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.data).toEqual({ ...order, status, updated_at: response.data.updated_at });
      expect(response.data.updated_at > order.updated_at).toBe(true);
      expect((await api.get(orderUrl(order.id))).data).toEqual(response.data);
    },
  );

  test('when the action path has no trailing slash, then it works the same', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.post(`${ORDERS}${order.id}/close`);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Closed');
  });

  test.each(['Closed', 'Cancelled'])(
    'when a Pending order is patched to status %s, then 200 and only status and updated_at change',
    async (status) => {
      // Arrange
      const { api, order } = await pendingOrder();
      await sleep(5);

      // Act
      const response = await api.patch(orderUrl(order.id), { status });

      // Assert
      expect(response.statusCode, response.body).toBe(200);
      const stored = (await api.get(orderUrl(order.id))).data;
      expect(stored).toEqual(response.data);
      expect(stored).toEqual({ ...order, status, updated_at: stored.updated_at });
      expect(stored.updated_at > order.updated_at).toBe(true);
    },
  );

  test('when a Pending order is patched to Closed with new terms, then both apply', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.patch(orderUrl(order.id), { status: 'Closed', quantity: 10 });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect((await api.get(orderUrl(order.id))).data).toMatchObject({
      status: 'Closed',
      quantity: 10,
      amount: '125.00',
    });
  });

  test('when a Pending order is patched to Pending, then 200 and it stays Pending', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.patch(orderUrl(order.id), { status: 'Pending' });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');
  });
});

describe('forbidden transitions', () => {
  test.each([
    ['Closed', 'cancel', 'Cancelled'],
    ['Cancelled', 'close', 'Closed'],
    ['Closed', 'close', 'Closed'],
    ['Cancelled', 'cancel', 'Cancelled'],
  ] as const)(
    'when a %s order is sent to /%s/, then 409 invalid_transition and it stays as it was',
    async (from, action, to) => {
      // Arrange
      const { api, order } = await finalOrder(from);

      // Act
      const response = await api.post(`${ORDERS}${order.id}/${action}/`);

      // Assert
      expectProblem(response, 409, 'invalid_transition');
      expect(response.data.details).toEqual({
        current_status: from,
        requested_status: to,
        allowed_statuses: [],
      });
      expect(response.data.detail).toContain(from);
      expect((await api.get(orderUrl(order.id))).data).toEqual(order);
    },
  );

  test.each([
    ['Closed', 'Cancelled'],
    ['Cancelled', 'Closed'],
    ['Closed', 'Pending'],
    ['Cancelled', 'Pending'],
  ] as const)(
    'when a %s order is patched to status %s, then 409 invalid_transition and it stays as it was',
    async (from, to) => {
      // Arrange
      const { api, order } = await finalOrder(from);

      // Act
      const response = await api.patch(orderUrl(order.id), { status: to });

      // Assert
      expectProblem(response, 409, 'invalid_transition');
      expect(response.data.details).toEqual({
        current_status: from,
        requested_status: to,
        allowed_statuses: [],
      });
      expect((await api.get(orderUrl(order.id))).data).toEqual(order);
    },
  );

  test('when a Closed order is replaced with status Pending, then 409 invalid_transition', async () => {
    // Arrange
    const { api, order } = await finalOrder('Closed');

    // Act
    const response = await api.put(orderUrl(order.id), { ...order, status: 'Pending' });

    // Assert
    expectProblem(response, 409, 'invalid_transition');
    expect(response.data.details).toEqual({
      current_status: 'Closed',
      requested_status: 'Pending',
      allowed_statuses: [],
    });
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });

  test('when a status outside the machine is requested, then 400 naming status', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.patch(orderUrl(order.id), { status: 'Shipped' });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([
      { field: 'status', code: 'invalid_choice', message: expect.stringContaining('Pending') },
    ]);
    expect((await api.get(orderUrl(order.id))).data).toEqual(order);
  });
});

describe('actions on orders the caller cannot reach', () => {
  test.each(['close', 'cancel'])('when /%s/ names a missing order, then 404 not_found', async (action) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(`${ORDERS}999999999/${action}/`);

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test.each(['close', 'cancel'])('when /%s/ has a non-numeric id, then 400', async (action) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(`${ORDERS}abc/${action}/`);

    // Assert
    expectProblem(response, 400, 'validation_error');
  });

  test.each(['close', 'cancel'])(
    'when another staff user sends /%s/ for an order, then 404 and the order stays Pending',
    async (action) => {
      // Arrange
      const { api: owner, order } = await pendingOrder();
      const { api: stranger } = await signIn(t);

      // Act
      const response = await stranger.post(`${ORDERS}${order.id}/${action}/`);

      // Assert
      expectProblem(response, 404, 'not_found');
      expect((await owner.get(orderUrl(order.id))).data).toEqual(order);
    },
  );

  test('when another staff user sends /close/ for a Closed order, then 404, not a 409 that reveals it', async () => {
    // Arrange
    const { order } = await finalOrder('Closed');
    const { api: stranger } = await signIn(t);

    // Act
    const response = await stranger.post(`${ORDERS}${order.id}/close/`);

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.data.details).toBeUndefined();
  });

  test('when /close/ is sent without a token, then 401 with WWW-Authenticate and nothing changes', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await client(t.app).post(`${ORDERS}${order.id}/close/`);

    // Assert
    expectProblem(response, 401, 'unauthorized');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');
  });

  test('when GET is sent to an action, then 405 with Allow: POST', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.get(`${ORDERS}${order.id}/close/`);

    // Assert
    expectProblem(response, 405, 'method_not_allowed');
    expect(response.headers.allow).toBe('POST');
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');
  });
});
