import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { notifications } from '../../src/db/schema.js';
import { createDispatcher } from '../../src/notifications/delivery.js';
import type { Dispatcher } from '../../src/notifications/dispatcher.js';
import { claimDue } from '../../src/notifications/notifications.repository.js';
import { expectProblem, ORDERS, orderUrl, postCustomer, postOrder, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';
import { client } from '../helpers/http.js';

const NOTIFICATIONS = '/api/v1/notifications/';
const CALLBACK = '/api/v1/notifications/callbacks/africastalking/';
const CALLBACK_SECRET = 'callback-secret-0123456789';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeAfricasTalking;
let t: TestApp;

function smsEnv(extra: Record<string, string> = {}) {
  return {
    SMS_PROVIDER: 'africastalking',
    AT_USERNAME: fake.username,
    AT_API_KEY: fake.apiKey,
    AT_BASE_URL: fake.url,
    SMS_RATE_PER_SECOND: '1000',
    SMS_TIMEOUT_MS: '500',
    SMS_MAX_ATTEMPTS: '3',
    AT_CALLBACK_SECRET: CALLBACK_SECRET,
    ...extra,
  };
}

/** A dispatcher on the test app's database, configured as the app is, with `extra` settings on top. */
const dispatcherFor = (app: TestApp, extra: Record<string, string> = {}): Dispatcher =>
  createDispatcher(loadConfig({ NODE_ENV: 'test', ...smsEnv(extra) }), app.deps.database.db, silent);

beforeAll(async () => {
  fake = await startFakeAfricasTalking();
  // One caller places 1,000 orders in seconds below, past the default rate limit of 600 a minute.
  t = await buildTestApp(smsEnv({ RATE_LIMIT_PER_MINUTE: '100000' }));
});

afterAll(async () => {
  await t?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.behave({ kind: 'success' });
});

/** Makes every pending notification due now (instead of waiting out its back-off). */
const makeDue = () => t.deps.database.db.update(notifications).set({ nextAttemptAt: sql`now()` });

/** A staff user with one customer, and a client. */
async function customerOf(overrides: Record<string, unknown> = {}) {
  const { api, user } = await signIn(t);
  const customer = await postCustomer(api, { first_name: 'Amina', ...overrides });
  return { api, user, customer };
}

const notificationsOf = async (api: Awaited<ReturnType<typeof signIn>>['api'], orderId: number) =>
  (await api.get(`${orderUrl(orderId)}notifications/`)).data.results;

describe('the outbox', () => {
  test('when an order is placed, then a pending SMS from the template waits, written with the order', async () => {
    // Arrange
    const { api, customer } = await customerOf();

    // Act
    const order = await postOrder(api, customer.id, { item: 'Maize flour 2kg', quantity: 3 });

    // Assert
    const [notification, ...others] = await notificationsOf(api, order.id);
    expect(others).toEqual([]);
    const time = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Nairobi',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(order.time_placed));
    const day = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Africa/Nairobi',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }).format(new Date(order.time_placed));
    expect(notification).toMatchObject({
      order: order.id,
      event: 'order_placed',
      recipient: customer.phone,
      status: 'pending',
      attempts: 0,
      provider_message_id: null,
      message: `Hi Amina, your order of 3 units of Maize flour 2kg has been placed at ${time} on ${day}. Thank you.`,
    });
  });

  test('when the quantity is 1, then the message says "1 unit"', async () => {
    // Arrange
    const { api, customer } = await customerOf();

    // Act
    const order = await postOrder(api, customer.id, { item: 'Rice 5kg', quantity: 1 });

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification.message).toMatch(/your order of 1 unit of Rice 5kg has been placed/);
  });

  test('when an order cannot be placed, then no notification is written', async () => {
    // Arrange
    const { api } = await customerOf();

    // Act
    const response = await api.post(ORDERS, {
      customer: 999_999_999,
      item: 'Tea',
      quantity: 1,
      price_per_unit: '1.00',
    });

    // Assert
    expectProblem(response, 404, 'not_found');
    expect((await api.get(NOTIFICATIONS)).data.count).toBe(0);
  });

  test('when an order is cancelled (action or PATCH), then a cancellation SMS is written; closing sends none by default', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const [cancelled, patched, closed] = [
      await postOrder(api, customer.id),
      await postOrder(api, customer.id),
      await postOrder(api, customer.id),
    ];

    // Act
    await api.post(`${orderUrl(cancelled.id)}cancel/`);
    await api.patch(orderUrl(patched.id), { status: 'Cancelled' });
    await api.post(`${orderUrl(closed.id)}close/`);

    // Assert
    expect((await notificationsOf(api, cancelled.id)).map((n: { event: string }) => n.event)).toEqual([
      'order_cancelled',
      'order_placed',
    ]);
    expect((await notificationsOf(api, patched.id)).map((n: { event: string }) => n.event)).toEqual([
      'order_cancelled',
      'order_placed',
    ]);
    expect((await notificationsOf(api, closed.id)).map((n: { event: string }) => n.event)).toEqual([
      'order_placed',
    ]);
  });

  test('when ten cancellations of one order race, then exactly one cancellation SMS is written', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);

    // Act
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api.post(`${orderUrl(order.id)}cancel/`)),
    );

    // Assert
    expect(responses.filter((response) => response.statusCode === 200)).toHaveLength(1);
    const events = (await notificationsOf(api, order.id)).map((n: { event: string }) => n.event);
    expect(events).toEqual(['order_cancelled', 'order_placed']);
  });

  test('when the events and templates are configured, then only those events write, with their own words', async () => {
    // Arrange
    const custom = await buildTestApp(
      smsEnv({
        SMS_EVENTS: 'order_closed',
        SMS_TEMPLATE_ORDER_CLOSED: 'Order {order_id} for {second_name}: {quantity} × {item} = KES {amount}.',
      }),
    );
    try {
      const { api } = await signIn(custom);
      const customer = await postCustomer(api, { second_name: 'Otieno' });
      const order = await postOrder(api, customer.id, { item: 'Tea', quantity: 4, price_per_unit: '2.50' });

      // Act
      const placed = (await api.get(`${orderUrl(order.id)}notifications/`)).data.results;
      await api.post(`${orderUrl(order.id)}close/`);

      // Assert
      expect(placed).toEqual([]);
      const [closed] = (await api.get(`${orderUrl(order.id)}notifications/`)).data.results;
      expect(closed).toMatchObject({
        event: 'order_closed',
        message: `Order ${order.id} for Otieno: 4 × Tea = KES 10.00.`,
      });
    } finally {
      await custom.close();
    }
  });

  test('when SMS_EVENTS is none, then orders are placed and cancelled without notifications', async () => {
    // Arrange
    const quiet = await buildTestApp(smsEnv({ SMS_EVENTS: 'none' }));
    try {
      const { api } = await signIn(quiet);
      const customer = await postCustomer(api);

      // Act
      const order = await postOrder(api, customer.id);
      await api.post(`${orderUrl(order.id)}cancel/`);

      // Assert
      expect((await api.get(NOTIFICATIONS)).data.count).toBe(0);
    } finally {
      await quiet.close();
    }
  });

  test('when someone else’s order or notifications are asked for, then 404 and nothing listed', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    const [notification] = await notificationsOf(api, order.id);
    const { api: other } = await signIn(t);

    // Act
    const list = await other.get(`${orderUrl(order.id)}notifications/`);
    const one = await other.get(`${NOTIFICATIONS}${notification.id}/`);

    // Assert
    expectProblem(list, 404, 'not_found');
    expectProblem(one, 404, 'not_found');
    expect((await other.get(NOTIFICATIONS)).data.count).toBe(0);
  });
});

describe('the dispatcher', () => {
  test('when it runs, then the fake gateway gets the SMS and the notification records the message id and cost', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id, { quantity: 2 });

    // Act
    await dispatcherFor(t).drain();

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification).toMatchObject({
      status: 'sent',
      attempts: 1,
      provider: 'africastalking',
      cost: 'KES 0.8000',
    });
    const received = fake.received.filter((sms) => sms.messageId === notification.provider_message_id);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ to: customer.phone, message: notification.message });
    expect((await api.get(`${NOTIFICATIONS}?status=sent`)).data.count).toBe(1);
  });

  test('when the provider refuses the number, then the notification fails for good and the order is unaffected', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    fake.behave({ kind: 'recipient', statusCode: 403, status: 'InvalidPhoneNumber' });

    // Act
    await dispatcherFor(t).drain();

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification).toMatchObject({ status: 'failed', attempts: 1 });
    expect(notification.last_error).toMatch(/403/);
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');
  });

  test('when the provider is down for a while, then it backs off, and everything is delivered once it is back', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    await fake.stop();

    // Act
    const before = Date.now();
    await dispatcherFor(t).drain();
    const [waiting] = await notificationsOf(api, order.id);
    await fake.restart();
    await makeDue();
    await dispatcherFor(t).drain();

    // Assert
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    const delay = Date.parse(waiting.next_attempt_at) - before;
    expect(delay).toBeGreaterThanOrEqual(900);
    expect(delay).toBeLessThan(2_500);
    const [sent] = await notificationsOf(api, order.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('when every attempt fails, then after SMS_MAX_ATTEMPTS the notification is failed with the last error', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    fake.behave({ kind: 'recipient', statusCode: 500, status: 'InternalServerError' });

    // Act
    for (let attempt = 0; attempt < 3; attempt++) {
      await dispatcherFor(t).drain();
      await makeDue();
    }

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification).toMatchObject({ status: 'failed', attempts: 3 });
    expect(notification.last_error).toMatch(/gave up after 3 attempts/);
  });

  test('when the answer is lost (timeout), then at-least-once sends again and at-most-once marks it unknown', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const first = await postOrder(api, customer.id);
    fake.behave({ kind: 'slow', ms: 1_000 });
    await dispatcherFor(t, { SMS_DELIVERY: 'at-most-once' }).drain();
    const second = await postOrder(api, customer.id);

    // Act
    await dispatcherFor(t).drain();

    // Assert
    const [unknown] = await notificationsOf(api, first.id);
    expect(unknown).toMatchObject({ status: 'unknown', attempts: 1 });
    const [again] = await notificationsOf(api, second.id);
    expect(again).toMatchObject({ status: 'pending', attempts: 1 });
  });

  test('when the provider refuses our credentials, then sending pauses and the message keeps its attempts', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    fake.behave({
      kind: 'http',
      status: 401,
      body: 'The supplied authentication is invalid',
      contentType: 'text/plain',
    });
    const dispatcher = dispatcherFor(t);

    // Act
    await dispatcher.drain();

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification).toMatchObject({ status: 'pending', attempts: 0 });
    expect(notification.last_error).toMatch(/authentication/);
    expect(dispatcher.status()).toMatchObject({
      state: 'paused',
      reason: expect.stringMatching(/credentials/),
    });
    expect((await client(t.app).get('/api/v1/health/')).data).toMatchObject({
      status: 'ok',
      sms: 'paused',
      sms_reason: expect.stringMatching(/refused our credentials/),
    });
    expect((await api.get(orderUrl(order.id))).data.status).toBe('Pending');

    // Act: the credentials are fixed.
    fake.behave({ kind: 'success' });
    await makeDue();
    await dispatcher.drain();

    // Assert
    expect((await notificationsOf(api, order.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await client(t.app).get('/api/v1/health/')).data).toEqual({
      status: 'ok',
      database: 'ok',
      sms: 'ok',
    });
  });

  test('when a dispatcher dies between sending and recording, then nothing is lost and the repeat is visible', async () => {
    // Arrange: a dispatcher claims the notification, the SMS goes out, and the process dies before recording it.
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    const [claimed] = await claimDue(t.deps.database.db, 'crashed-dispatcher', 100, 60_000);
    const sentBefore = fake.received.length;
    await fetch(`${fake.url}/version1/messaging`, {
      method: 'POST',
      headers: {
        apiKey: fake.apiKey,
        accept: 'application/json',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        username: fake.username,
        to: String(claimed?.row.recipient),
        message: String(claimed?.row.message),
      }),
    });
    await t.deps.database.db
      .update(notifications)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(notifications.orderId, order.id));

    // Act
    await dispatcherFor(t).drain();

    // Assert
    const [notification] = await notificationsOf(api, order.id);
    expect(notification).toMatchObject({ status: 'sent', attempts: 2 });
    expect(notification.last_error).toMatch(/may have it twice/);
    expect(fake.received.length - sentBefore).toBe(2);
  });
});

describe('two dispatchers on one database', () => {
  test('when they run side by side over many orders, then each message is sent exactly once', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    // The 1,000 where dispatchers really run side by side (PostgreSQL); fewer on the one-connection PGlite.
    const count = onRealPostgres ? 1_000 : 200;
    for (let i = 0; i < count; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) => postOrder(api, customer.id, { item: `Item ${i + j}` })),
      );
    }
    const sentBefore = fake.received.length;

    // Act
    await Promise.all([
      dispatcherFor(t, { SMS_CONCURRENCY: '8' }).drain(),
      dispatcherFor(t, { SMS_CONCURRENCY: '8' }).drain(),
    ]);

    // Assert
    const received = fake.received.slice(sentBefore).filter((sms) => sms.to === customer.phone);
    expect(received).toHaveLength(count);
    expect(new Set(received.map((sms) => sms.message)).size).toBe(count);
    expect((await api.get(`${NOTIFICATIONS}?status=sent&limit=1`)).data.count).toBe(count);
  });
});

/** Posts a delivery report to our callback as Africa's Talking does: form-encoded. */
const report = (fields: Record<string, string>, query = `?secret=${CALLBACK_SECRET}`, headers = {}) =>
  client(t.app).send({
    method: 'POST',
    url: CALLBACK + query,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });

/** An order whose SMS the fake gateway has taken: its notification as the API shows it. */
async function sentNotification() {
  const { api, customer } = await customerOf();
  const order = await postOrder(api, customer.id);
  await dispatcherFor(t).drain();
  const [notification] = await notificationsOf(api, order.id);
  expect(notification.status).toBe('sent');
  return { api, order, notification };
}

/** The caller's notifications of order `orderId`, from the list of all (the order's own list is gone with it). */
const listedFor = async (api: Awaited<ReturnType<typeof signIn>>['api'], orderId: number) =>
  ((await api.get(`${NOTIFICATIONS}?limit=100`)).data.results as { order: number }[]).filter(
    (notification) => notification.order === orderId,
  );

describe('deleting an order', () => {
  test('when an order is deleted before its SMS goes out, then the SMS is cancelled, never sent, and stays on record', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    const sentBefore = fake.received.length;

    // Act
    expect((await api.delete(orderUrl(order.id))).statusCode).toBe(204);
    await dispatcherFor(t).drain();

    // Assert
    expect(fake.received.slice(sentBefore).filter((sms) => sms.to === customer.phone)).toEqual([]);
    const [cancelled] = await listedFor(api, order.id);
    expect(cancelled).toMatchObject({
      order: order.id,
      status: 'cancelled',
      attempts: 0,
      last_error: 'Not sent: its order was deleted.',
    });
    expect((await api.get(`${orderUrl(order.id)}notifications/`)).statusCode).toBe(404);
  });

  test('when an order whose SMS was sent is deleted, then the SMS stays sent, listed under the order’s id', async () => {
    // Arrange
    const { api, order, notification } = await sentNotification();

    // Act
    expect((await api.delete(orderUrl(order.id))).statusCode).toBe(204);

    // Assert
    expect(await listedFor(api, order.id)).toEqual([
      expect.objectContaining({ id: notification.id, status: 'sent', order: order.id }),
    ]);
    expect((await api.get(`${NOTIFICATIONS}${notification.id}/`)).data.status).toBe('sent');
  });

  test('when an admin retries the unknown SMS of a deleted order, then 409 not_retryable and nothing is sent', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    fake.behave({ kind: 'slow', ms: 1_000 });
    await dispatcherFor(t, { SMS_DELIVERY: 'at-most-once' }).drain();
    const [unknown] = await notificationsOf(api, order.id);
    expect(unknown.status).toBe('unknown');
    expect((await api.delete(orderUrl(order.id))).statusCode).toBe(204);
    const { api: admin } = await signIn(t, 'admin');

    // Act
    const response = await admin.post(`${NOTIFICATIONS}${unknown.id}/retry/`);

    // Assert
    expectProblem(response, 409, 'not_retryable');
    expect(response.data.detail).toContain(`its order ${order.id} was deleted`);
    expect((await api.get(`${NOTIFICATIONS}${unknown.id}/`)).data.status).toBe('unknown');
  });
});

describe('delivery reports', () => {
  test('when Africa’s Talking reports Success, then the notification is delivered, and a replay or a later failure changes nothing', async () => {
    // Arrange
    const { api, order, notification } = await sentNotification();
    const success = fake.deliveryReport(notification.provider_message_id, 'Success');

    // Act
    const first = await report(success);
    const replay = await report(success);
    const late = await report(
      fake.deliveryReport(notification.provider_message_id, 'Failed', { failureReason: 'DeliveryFailure' }),
    );

    // Assert
    expect(first.statusCode).toBe(200);
    expect(first.data).toEqual({ received: true, updated: true });
    expect(replay.data).toEqual({ received: true, updated: false });
    expect(late.data).toEqual({ received: true, updated: false });
    const [delivered] = await notificationsOf(api, order.id);
    expect(delivered.status).toBe('delivered');
    expect(delivered.delivered_at).not.toBeNull();
  });

  test('when a report says Failed with a reason, then the notification fails with that reason', async () => {
    // Arrange
    const { api, order, notification } = await sentNotification();

    // Act
    const response = await report(
      fake.deliveryReport(notification.provider_message_id, 'Failed', { failureReason: 'UserInBlackList' }),
      '',
      { 'x-callback-secret': CALLBACK_SECRET },
    );

    // Assert
    expect(response.data.updated).toBe(true);
    const [failed] = await notificationsOf(api, order.id);
    expect(failed).toMatchObject({ status: 'failed', last_error: 'Not delivered: UserInBlackList' });
  });

  test('when a report names a message nobody sent, or is only a step on the way (Buffered), then 200 and nothing changes', async () => {
    // Arrange
    const { api, order, notification } = await sentNotification();

    // Act
    const unknown = await report(fake.deliveryReport('ATXid_not_ours', 'Success'));
    const step = await report(fake.deliveryReport(notification.provider_message_id, 'Buffered'));

    // Assert
    expect(unknown.data).toEqual({ received: true, updated: false });
    expect(step.data).toEqual({ received: true, updated: false });
    expect((await notificationsOf(api, order.id))[0].status).toBe('sent');
  });

  test.each([
    ['a wrong secret', '?secret=not-the-secret-at-all', {}],
    ['no secret', '', {}],
    ['a wrong header', '', { 'x-callback-secret': 'not-the-secret-at-all' }],
  ])('when the callback comes with %s, then 401 and nothing changes', async (_case, query, headers) => {
    // Arrange
    const { api, order, notification } = await sentNotification();

    // Act
    const response = await report(
      fake.deliveryReport(notification.provider_message_id, 'Success'),
      query,
      headers,
    );

    // Assert
    expectProblem(response, 401, 'unauthorized');
    expect((await notificationsOf(api, order.id))[0].status).toBe('sent');
  });
});

describe('retrying a notification', () => {
  test('when an admin retries a failed notification, then it is queued with fresh attempts and sent', async () => {
    // Arrange
    const { api, customer } = await customerOf();
    const order = await postOrder(api, customer.id);
    fake.behave({ kind: 'recipient', statusCode: 406, status: 'UserInBlacklist' });
    await dispatcherFor(t).drain();
    const [failed] = await notificationsOf(api, order.id);
    fake.behave({ kind: 'success' });
    const { api: admin } = await signIn(t, 'admin');

    // Act
    const retried = await admin.post(`${NOTIFICATIONS}${failed.id}/retry/`);
    await dispatcherFor(t).drain();

    // Assert
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.data).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await notificationsOf(api, order.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  test('when staff retry, then 403 admin_only; when the notification was sent, then 409 not_retryable', async () => {
    // Arrange
    const { api, notification } = await sentNotification();
    const { api: admin } = await signIn(t, 'admin');

    // Act
    const byStaff = await api.post(`${NOTIFICATIONS}${notification.id}/retry/`);
    const sent = await admin.post(`${NOTIFICATIONS}${notification.id}/retry/`);

    // Assert
    expectProblem(byStaff, 403, 'admin_only');
    expectProblem(sent, 409, 'not_retryable');
  });
});
