import { describe, expect, test } from 'vitest';
import { customerUrl, mergePatch, orderUrl, postCustomer, postOrder, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

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
    expect(read.headers.etag).toMatch(/^"[0-9a-z]+"$/);
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
