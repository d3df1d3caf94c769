import { describe, expect, test } from 'vitest';
import { expectProblem, ids, ORDERS, orderUrl, postCustomer, postOrder, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

/** A staff user with one customer and one Pending order. */
async function pendingOrder() {
  const staff = await signIn(t);
  const customer = await postCustomer(staff.api);
  const order = await postOrder(staff.api, customer.id);
  return { ...staff, customer, order };
}

describe('DELETE /api/v1/orders/{id}/', () => {
  test('when the owner deletes a Pending order, then 204 with no body, and it is gone from reads and lists', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const response = await api.delete(orderUrl(order.id));

    // Assert
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    expectProblem(await api.get(orderUrl(order.id)), 404, 'not_found');
    expect(ids(await api.get(ORDERS))).not.toContain(order.id);
  });

  test('when a Cancelled order is deleted, then 204; when it is deleted again, then 404', async () => {
    // Arrange
    const { api, order } = await pendingOrder();
    expect((await api.post(`${orderUrl(order.id)}cancel/`)).statusCode).toBe(200);

    // Act
    const first = await api.delete(orderUrl(order.id));
    const second = await api.delete(orderUrl(order.id));

    // Assert
    expect(first.statusCode, first.body).toBe(204);
    expectProblem(second, 404, 'not_found');
  });

  test('when a Closed order is deleted, then 409 order_final and it stays on the books', async () => {
    // Arrange
    const { api, order } = await pendingOrder();
    expect((await api.post(`${orderUrl(order.id)}close/`)).statusCode).toBe(200);

    // Act
    const response = await api.delete(orderUrl(order.id));

    // Assert
    expectProblem(response, 409, 'order_final');
    expect(response.data.details).toMatchObject({ current_status: 'Closed' });
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Closed');
  });

  test('when another staff user deletes the order, then 404 and the order is untouched; an admin may delete it', async () => {
    // Arrange
    const { api, order } = await pendingOrder();
    const { api: other } = await signIn(t);
    const { api: admin } = await signIn(t, 'admin');

    // Act
    const byOther = await other.delete(orderUrl(order.id));
    const stillThere = await api.get(orderUrl(order.id));
    const byAdmin = await admin.delete(orderUrl(order.id));

    // Assert
    expectProblem(byOther, 404, 'not_found');
    expect(stillThere.statusCode).toBe(200);
    expect(byAdmin.statusCode, byAdmin.body).toBe(204);
  });

  test('when If-Match names an older version, then 412 and the order stays; with the current one, then 204', async () => {
    // Arrange
    const { api, order } = await pendingOrder();
    const before = await api.get(orderUrl(order.id));
    expect((await api.patch(orderUrl(order.id), { quantity: 9 })).statusCode).toBe(200);

    // Act
    const stale = await api.delete(orderUrl(order.id), {
      headers: { 'if-match': before.headers.etag as string },
    });
    const current = await api.get(orderUrl(order.id));
    const fresh = await api.delete(orderUrl(order.id), {
      headers: { 'if-match': current.headers.etag as string },
    });

    // Assert
    expectProblem(stale, 412, 'precondition_failed');
    expect(current.statusCode).toBe(200);
    expect(fresh.statusCode, fresh.body).toBe(204);
  });

  test('when the customer of a deleted order is deleted, then 204: the order no longer holds it', async () => {
    // Arrange
    const { api, customer, order } = await pendingOrder();
    expect((await api.delete(orderUrl(order.id))).statusCode).toBe(204);

    // Act
    const response = await api.delete(`/api/v1/customers/${customer.id}/`);

    // Assert
    expect(response.statusCode, response.body).toBe(204);
  });

  test('when ten deletes of one order race, then exactly one gets 204 and the others 404', async () => {
    // Arrange
    const { api, order } = await pendingOrder();

    // Act
    const responses = await Promise.all(Array.from({ length: 10 }, () => api.delete(orderUrl(order.id))));

    // Assert
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([204, ...Array(9).fill(404)]);
  });
});
