import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, buildTestApp } from '../helpers/app.js';
import { createUserWithToken, customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('smoke', () => {
  it('creates and reads a customer', async () => {
    const user = await createUserWithToken(t.deps.database.db);
    const api = client(t.app, user.token);
    const created = await api.post('/api/v1/customers/', customerBody({ code: 'ab12c' }));
    console.log(created.statusCode, created.headers, created.data);
    const read = await api.get(`/api/v1/customers/${created.data.id}`);
    console.log(read.statusCode, read.data);
    const list = await api.get('/api/v1/customers/?limit=1');
    console.log(list.statusCode, list.data);
    const bad = await api.post('/api/v1/customers/', { first_name: 5, x: 1, owner: 3 });
    console.log(bad.statusCode, bad.headers, bad.data);
    const order = await api.post('/api/v1/orders/', { customer_code: 'AB12C', item: 'x', quantity: 2, price_per_unit: '1.5' });
    console.log(order.statusCode, order.data);
    const close = await api.post(`/api/v1/orders/${order.data.id}/close/`);
    console.log(close.statusCode, close.data);
    const close2 = await api.post(`/api/v1/orders/${order.data.id}/cancel/`);
    console.log(close2.statusCode, close2.data);
    const m = await api.send({ method: 'DELETE', url: '/api/v1/orders/' });
    console.log(m.statusCode, m.headers, m.data);
    expect(created.statusCode).toBe(201);
  });
});
