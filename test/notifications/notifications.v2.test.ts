import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { notifications } from '../../src/db/schema.js';
import {
  expectProblem,
  ids,
  NOTIFICATIONS_V2,
  ORDERS_V2,
  orderUrlV2,
  pathOf,
  postCustomerV2,
  signIn,
  walkPages,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const ORIGIN = 'http://localhost';

const t = useTestApp();

/** A staff user with a customer and `count` v2 orders (each writes its order_placed SMS). */
async function shopWithOrders(count: number) {
  const staff = await signIn(t);
  const customer = await postCustomerV2(staff.api, { first_name: 'Amina' });
  const orders: { id: number; url: string }[] = [];
  for (let i = 0; i < count; i++) {
    const response = await staff.api.post(ORDERS_V2, {
      customer: customer.id,
      item_name: `Item ${i}`,
      quantity: 1 + i,
      unit_price: '2.50',
    });
    expect(response.statusCode, response.body).toBe(201);
    orders.push(response.data);
  }
  return { ...staff, customer, orders };
}

const markFailed = (id: number) =>
  t.deps.database.db
    .update(notifications)
    .set({ status: 'failed', lastError: 'test' })
    .where(eq(notifications.id, id));

describe('v2 notifications', () => {
  test('when orders are placed and one cancelled, then their SMS are listed newest first, each linking its order', async () => {
    // Arrange
    const shop = await shopWithOrders(3);
    const cancelled = shop.orders[1];
    await shop.api.post(`${pathOf(String(cancelled?.url))}cancel/`);

    // Act
    const all = await shop.api.get(`${NOTIFICATIONS_V2}?count=true`);
    const ofOrder = await shop.api.get(`${orderUrlV2(Number(cancelled?.id))}notifications/`);

    // Assert
    expect(all.statusCode, all.body).toBe(200);
    expect(all.data.count).toBe(4);
    expect(ids(all)).toEqual([...ids(all)].sort((a, b) => b - a));
    expect(all.data.results.map((n: { event: string }) => n.event)).toEqual([
      'order_cancelled',
      'order_placed',
      'order_placed',
      'order_placed',
    ]);
    const [latest] = all.data.results;
    expect(latest).toMatchObject({
      url: `${ORIGIN}/api/v2/notifications/${latest.id}/`,
      order: { id: cancelled?.id, url: cancelled?.url },
      recipient: shop.customer.phone,
      status: 'pending',
      attempts: 0,
    });
    expect(ofOrder.data.results.map((n: { event: string }) => n.event)).toEqual([
      'order_cancelled',
      'order_placed',
    ]);
    const one = await shop.api.get(pathOf(latest.url));
    expect(one.data).toEqual(latest);
    const again = await shop.api.get(pathOf(latest.url), {
      headers: { 'if-none-match': String(one.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  test('when notifications are walked two at a time with a status filter, then each comes once, forwards and back', async () => {
    // Arrange
    const shop = await shopWithOrders(5);
    const [first] = (await shop.api.get(`${NOTIFICATIONS_V2}?limit=100`)).data.results;
    await markFailed(first.id);

    // Act
    const pending = await walkPages(shop.api, `${NOTIFICATIONS_V2}?status=pending&limit=2&count=true`);
    const back = await walkPages(shop.api, pathOf(String(pending.at(-2)?.data.next)), { backwards: true });

    // Assert
    expect(pending.map((page) => ids(page).length)).toEqual([2, 2]);
    expect(pending.flatMap(ids)).not.toContain(first.id);
    expect(pending.every((page) => page.data.count === 4)).toBe(true);
    expect(back.map((page) => ids(page))).toEqual(pending.map((page) => ids(page)).reverse());
  });

  test('when a cursor of one list is used on another (all vs one order’s, one order’s vs another’s), then 400 invalid_cursor', async () => {
    // Arrange
    const shop = await shopWithOrders(2);
    for (const order of shop.orders) await shop.api.post(`${pathOf(order.url)}cancel/`);
    const [a, b] = shop.orders.map((order) => `${pathOf(order.url)}notifications/`);
    const ofA = await shop.api.get(`${a}?limit=1`);
    const all = await shop.api.get(`${NOTIFICATIONS_V2}?limit=1`);
    const cursorOf = (response: { data: { next: string } }) =>
      new URL(response.data.next).searchParams.get('cursor');

    // Act
    const onB = await shop.api.get(`${b}?limit=1&cursor=${cursorOf(ofA)}`);
    const onAll = await shop.api.get(`${NOTIFICATIONS_V2}?limit=1&cursor=${cursorOf(ofA)}`);
    const onA = await shop.api.get(`${a}?limit=1&cursor=${cursorOf(all)}`);

    // Assert
    expectProblem(onB, 400, 'invalid_cursor');
    expectProblem(onAll, 400, 'invalid_cursor');
    expectProblem(onA, 400, 'invalid_cursor');
    expect((await shop.api.get(pathOf(ofA.data.next))).statusCode).toBe(200);
  });

  test('when B asks for A’s notifications, directly or through A’s order, then 404 and nothing listed', async () => {
    // Arrange
    const a = await shopWithOrders(1);
    const b = await signIn(t);
    const [notification] = (await a.api.get(NOTIFICATIONS_V2)).data.results;

    // Act
    const direct = await b.api.get(pathOf(notification.url));
    const ofOrder = await b.api.get(`${pathOf(String(a.orders[0]?.url))}notifications/`);
    const list = await b.api.get(`${NOTIFICATIONS_V2}?count=true`);
    const retry = await b.api.post(`${pathOf(notification.url)}retry/`);

    // Assert
    expectProblem(direct, 404, 'not_found');
    expectProblem(ofOrder, 404, 'not_found');
    expect(list.data).toEqual({ results: [], next: null, previous: null, count: 0 });
    expectProblem(retry, 403, 'admin_only');
  });

  test('when an admin retries a failed notification (twice, with one Idempotency-Key), then it is queued once; staff get 403, a pending one 409', async () => {
    // Arrange
    const shop = await shopWithOrders(2);
    const admin = await signIn(t, 'admin');
    const [failed, pending] = (await shop.api.get(NOTIFICATIONS_V2)).data.results;
    await markFailed(failed.id);
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const byStaff = await shop.api.post(`${pathOf(failed.url)}retry/`);
    const retried = await admin.api.post(`${pathOf(failed.url)}retry/`, undefined, key);
    const replayed = await admin.api.post(`${pathOf(failed.url)}retry/`, undefined, key);
    const notRetryable = await admin.api.post(`${pathOf(pending.url)}retry/`);

    // Assert
    expectProblem(byStaff, 403, 'admin_only');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.data).toMatchObject({
      id: failed.id,
      status: 'pending',
      attempts: 0,
      order: failed.order,
    });
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.data).toEqual(retried.data);
    expectProblem(notRetryable, 409, 'not_retryable');
  });
});
