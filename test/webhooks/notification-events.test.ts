import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDispatcher } from '../../src/notifications/delivery.js';
import { WebhookDispatcher } from '../../src/webhooks/dispatcher.js';
import { type Api, ORDERS_V2, postCustomerV2, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';
import { client } from '../helpers/http.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const CALLBACK = '/api/v1/notifications/callbacks/africastalking/';
const CALLBACK_SECRET = 'callback-secret-0123456789';
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let fake: FakeAfricasTalking;
let receiver: WebhookReceiver;
let t: TestApp;
let admin: { api: Api };

const env = () => ({
  SMS_PROVIDER: 'africastalking',
  AT_USERNAME: fake.username,
  AT_API_KEY: fake.apiKey,
  AT_BASE_URL: fake.url,
  AT_CALLBACK_SECRET: CALLBACK_SECRET,
  SMS_RATE_PER_SECOND: '1000',
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_NETWORKS: receiver.network,
  DISPATCHER_IN_API: 'false',
  // The origin of the links in payloads, and of those the test client sees.
  PUBLIC_URL: 'http://localhost',
});

beforeAll(async () => {
  fake = await startFakeAfricasTalking();
  receiver = await startWebhookReceiver();
  t = await buildTestApp(env());
  admin = await signIn(t, 'admin');
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await fake?.close();
});

/** An order whose SMS the fake gateway took: its notification as API v2 lists it. */
async function sentNotification() {
  const customer = await postCustomerV2(admin.api);
  const order = await admin.api.post(ORDERS_V2, {
    customer: customer.id,
    item_name: 'Tea',
    quantity: 1,
    unit_price: '3.00',
  });
  expect(order.statusCode, order.body).toBe(201);
  await createDispatcher(loadConfig({ NODE_ENV: 'test', ...env() }), t.deps.database.db, silent).drain();
  const [notification] = (await admin.api.get(`${ORDERS_V2}${order.data.id}/notifications/`)).data.results;
  expect(notification.status).toBe('sent');
  return notification;
}

/** Posts a delivery report to our callback as Africa's Talking does: form-encoded. */
const report = (fields: Record<string, string>) =>
  client(t.app).send({
    method: 'POST',
    url: `${CALLBACK}?secret=${CALLBACK_SECRET}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });

test('when the gateway reports an SMS delivered or failed, then notification.delivered or notification.failed goes out with the notification as API v2 shows it', async () => {
  // Arrange
  const registered = await admin.api.post('/api/v2/webhooks/', {
    url: receiver.url('/sms'),
    events: ['notification.delivered', 'notification.failed'],
  });
  expect(registered.statusCode, registered.body).toBe(201);
  await receiver.setSecrets([registered.data.secret]);
  const delivered = await sentNotification();
  const failed = await sentNotification();

  // Act
  await report(fake.deliveryReport(delivered.provider_message_id, 'Success'));
  await report(
    fake.deliveryReport(failed.provider_message_id, 'Failed', { failureReason: 'UserInBlackList' }),
  );
  await new WebhookDispatcher(t.deps.database.db, t.deps.webhooks, {
    concurrency: 4,
    perEndpoint: 4,
    pollMs: 50,
    retentionMs: 86_400_000,
    log: silent,
  }).drain();

  // Assert: one event each (the order's own placement and the sends announce nothing), verified
  const requests = await receiver.waitFor(2);
  expect(requests).toHaveLength(2);
  expect(requests.every((request) => request.verified)).toBe(true);
  const byType = Object.fromEntries(
    requests.map((request) => JSON.parse(request.body)).map((event) => [event.type, event.data]),
  );
  const shown = async (id: number) => (await admin.api.get(`/api/v2/notifications/${id}/`)).data;
  expect(byType['notification.delivered']).toEqual({
    ...(await shown(delivered.id)),
    version: expect.any(Number),
  });
  expect(byType['notification.delivered'].status).toBe('delivered');
  expect(byType['notification.failed']).toEqual({ ...(await shown(failed.id)), version: expect.any(Number) });
  expect(byType['notification.failed'].status).toBe('failed');
});
