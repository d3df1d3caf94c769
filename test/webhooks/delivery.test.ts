import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { webhookDeliveries } from '../../src/db/schema.js';
import { createOrder } from '../../src/orders/orders.service.js';
import { WebhookAttempts } from '../../src/webhooks/attempts.js';
import { WebhookDispatcher, type WebhookDispatcherOptions } from '../../src/webhooks/dispatcher.js';
import {
  type Api,
  customerUrlV2,
  expectProblem,
  itemUrlV2,
  ORDERS_V2,
  orderUrlV2,
  postCustomerV2,
  postItemV2,
  signIn,
} from '../helpers/api.js';
import { buildSecondInstance, buildTestApp, type TestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { type FakeDns, startFakeDns } from '../helpers/fake-dns.js';
import { type Recorded, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

const WEBHOOKS = '/api/v2/webhooks/';
const webhookUrl = (id: number) => `${WEBHOOKS}${id}/`;
const ORIGIN = 'http://localhost';
const VERSION = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
/** 3.6 s: long enough to deliver inside the overlap, short enough to wait out. */
const ROTATION_OVERLAP_HOURS = 0.001;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

let dns: FakeDns;
let receiver: WebhookReceiver;
let t: TestApp;
let admin: { api: Api; user: { id: number; email: string } };

/** The app under test: receivers in the namespace's /30 over http, short retries, no dispatcher of its own. */
const webhookEnv = (extra: Record<string, string> = {}) => ({
  WEBHOOK_ALLOW_HTTP: 'true',
  WEBHOOK_ALLOWED_NETWORKS: receiver.network,
  WEBHOOK_DNS_SERVERS: dns.server,
  WEBHOOK_RETRY_SCHEDULE: '300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms',
  WEBHOOK_ROTATION_OVERLAP_HOURS: String(ROTATION_OVERLAP_HOURS),
  DISPATCHER_IN_API: 'false',
  PUBLIC_URL: ORIGIN,
  // One admin places 1,000 orders in seconds below, past the default rate limit of 600 a minute.
  RATE_LIMIT_PER_MINUTE: '100000',
  ...extra,
});

beforeAll(async () => {
  dns = await startFakeDns();
  receiver = await startWebhookReceiver();
  t = await buildTestApp(webhookEnv());
  admin = await signIn(t, 'admin');
});

afterAll(async () => {
  await t?.close();
  await receiver?.close();
  await dns?.close();
});

// Each test has its own endpoints (deleted after it, with their deliveries) and dispatchers (stopped after it).
const created: number[] = [];
const running: WebhookDispatcher[] = [];
let paths = 0;

beforeEach(async () => {
  await receiver.reset();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
  for (const id of created.splice(0)) await admin.api.delete(webhookUrl(id));
});

/** A dispatcher on the test app's database; `start()` it, or `drain()` what is due now. */
function dispatcherFor(
  attempts: WebhookAttempts = t.deps.webhooks,
  options: Partial<WebhookDispatcherOptions> = {},
  db = t.deps.database.db,
): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher(db, attempts, {
    concurrency: 8,
    perEndpoint: 8,
    pollMs: 50,
    retentionMs: 30 * 86_400_000,
    log: silent,
    ...options,
  });
  running.push(dispatcher);
  return dispatcher;
}

interface Registered {
  id: number;
  secret: string;
  /** The receiver path it delivers to: recordings of this endpoint only. */
  path: string;
  body: Record<string, unknown>;
}

/** An endpoint registered over HTTP for a receiver path of its own; the receiver verifies with its secret. */
async function register(events: string[] = ['order.placed'], url?: string): Promise<Registered> {
  paths += 1;
  const path = `/hooks/${paths}`;
  const response = await admin.api.post(WEBHOOKS, {
    url: url ?? receiver.url(path),
    events,
    description: 'billing',
  });
  expect(response.statusCode, response.body).toBe(201);
  created.push(response.data.id);
  await receiver.setSecrets([response.data.secret]);
  return { id: response.data.id, secret: response.data.secret, path, body: response.data };
}

/** An order placed over API v2 by the admin, as GET /api/v2/orders/{id}/ shows it. */
async function placeOrder(customerId?: number) {
  const customer = customerId ?? (await postCustomerV2(admin.api)).id;
  const response = await admin.api.post(ORDERS_V2, {
    customer,
    item_name: 'Maize flour 2kg',
    quantity: 3,
    unit_price: '12.50',
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

const forPath = (all: Recorded[], path: string) => all.filter((request) => request.path === path);

/** What the receiver got at `path` once `until` holds for it (polling, bounded). */
const receivedAt = (path: string, until: number | ((mine: Recorded[]) => boolean), timeoutMs = 10_000) =>
  receiver
    .waitFor(
      (all) => (typeof until === 'number' ? forPath(all, path).length >= until : until(forPath(all, path))),
      timeoutMs,
    )
    .then((all) => forPath(all, path));

interface DeliveryV2 {
  id: number;
  event: { id: string; type: string };
  status: string;
  attempt_count: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  attempts: {
    status_code: number | null;
    error: string | null;
    response: string | null;
    duration_ms: number;
  }[];
}

/** The endpoint's deliveries as GET …/deliveries/ lists them (newest first). */
async function deliveriesOf(id: number): Promise<DeliveryV2[]> {
  const response = await admin.api.get(`${webhookUrl(id)}deliveries/?limit=100`);
  expect(response.statusCode, response.body).toBe(200);
  return response.data.results;
}

/** The endpoint's deliveries once `until` holds for them (polling the API, bounded). */
async function deliveriesWhen(id: number, until: (all: DeliveryV2[]) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = await deliveriesOf(id);
    if (until(all)) return all;
    if (Date.now() > deadline)
      throw new Error(`Deliveries not as awaited in ${timeoutMs} ms: ${JSON.stringify(all)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const signaturesOf = (request: Recorded) => String(request.headers['webhook-signature']).split(' ');

describe('a delivery', () => {
  test('when an order is placed, then its endpoint gets exactly one signed delivery of the order as API v2 shows it', async () => {
    // Arrange
    const hook = await register();

    // Act
    const order = await placeOrder();
    await dispatcherFor().drain();
    await dispatcherFor().drain();

    // Assert: one request, verified by the Standard Webhooks package with the endpoint's secret
    const [request, ...more] = await receivedAt(hook.path, 1);
    expect(more).toEqual([]);
    expect(request?.verified, request?.error ?? '').toBe(true);
    const shown = await admin.api.get(orderUrlV2(order.id));
    const headers = request?.headers ?? {};
    expect(headers['content-type']).toBe('application/json');
    expect(headers['user-agent']).toBe(`Orderly-Webhooks/${VERSION}`);
    expect(headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(signaturesOf(request as Recorded)).toEqual([expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/)]);
    const body = JSON.parse(request?.body ?? '');
    expect(body).toEqual({
      type: 'order.placed',
      timestamp: expect.any(String),
      data: { ...shown.data, version: 1 },
    });
    expect(Date.parse(body.timestamp)).toBeGreaterThanOrEqual(Date.parse(shown.data.placed_at));
    const [delivery, ...others] = await deliveriesOf(hook.id);
    expect(others).toEqual([]);
    expect(delivery).toMatchObject({
      event: { id: headers['webhook-id'], type: 'order.placed' },
      status: 'succeeded',
      attempt_count: 1,
      next_attempt_at: null,
      last_status_code: 200,
      last_error: null,
      attempts: [{ status_code: 200, error: null, response: 'ok' }],
    });
  });

  test('when orders change, close, are cancelled and deleted, then each change announces its own event with the order as it then was', async () => {
    // Arrange: everything but order.placed
    const hook = await register(['order.updated', 'order.closed', 'order.cancelled', 'order.deleted']);
    const closing = await placeOrder();
    const cancelling = await placeOrder();

    // Act
    const patched = await admin.api.patch(orderUrlV2(closing.id), { quantity: 4 });
    const closed = await admin.api.post(`${orderUrlV2(closing.id)}close/`);
    const cancelled = await admin.api.post(`${orderUrlV2(cancelling.id)}cancel/`);
    const deleted = await admin.api.delete(orderUrlV2(cancelling.id));
    await dispatcherFor().drain();

    // Assert
    expect([patched, closed, cancelled].map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const requests = await receivedAt(hook.path, 4);
    expect(requests).toHaveLength(4);
    expect(requests.every((request) => request.verified)).toBe(true);
    const events = requests.map((request) => JSON.parse(request.body));
    const byType = Object.fromEntries(events.map((event) => [event.type, event.data]));
    expect(byType['order.updated']).toEqual({ ...patched.data, version: 2 });
    expect(byType['order.updated'].total).toBe('50.00');
    expect(byType['order.closed']).toEqual({ ...closed.data, version: 3 });
    expect(byType['order.cancelled']).toEqual({ ...cancelled.data, version: 2 });
    expect(byType['order.deleted']).toEqual({ ...cancelled.data, version: 2 });
  });

  test('when customers and catalogue items change, then each change is one event of its resource as API v2 shows it, amounts as text', async () => {
    // Arrange
    const hook = await register([
      'customer.created',
      'customer.updated',
      'customer.deleted',
      'item.created',
      'item.updated',
      'item.deleted',
    ]);

    // Act: each change, and what GET shows right after it
    const customer = await postCustomerV2(admin.api);
    const renamed = await admin.api.patch(customerUrlV2(customer.id), { first_name: 'Renamed' });
    const unchanged = await admin.api.patch(customerUrlV2(customer.id), { first_name: 'Renamed' });
    const item = await postItemV2(admin.api, { unit_price: '9999999999.99' });
    const repriced = await admin.api.patch(itemUrlV2(item.id), { unit_price: '0.10' });
    const deletedItem = await admin.api.delete(itemUrlV2(item.id));
    const deletedCustomer = await admin.api.delete(customerUrlV2(customer.id));
    await dispatcherFor().drain();

    // Assert: six events (the PATCH that changed nothing announces nothing), each verified
    expect([renamed, unchanged, repriced].map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect([deletedItem, deletedCustomer].map((response) => response.statusCode)).toEqual([204, 204]);
    const requests = await receivedAt(hook.path, 6);
    expect(requests.every((request) => request.verified)).toBe(true);
    const events = requests.map((request) => JSON.parse(request.body));
    const byType = Object.fromEntries(events.map((event) => [event.type, event.data]));
    expect(Object.keys(byType).sort()).toEqual([
      'customer.created',
      'customer.deleted',
      'customer.updated',
      'item.created',
      'item.deleted',
      'item.updated',
    ]);
    expect(byType['customer.created']).toEqual({ ...customer, version: 1 });
    expect(byType['customer.updated']).toEqual({ ...renamed.data, version: 2 });
    expect(byType['customer.deleted']).toEqual({ ...renamed.data, version: 2 });
    expect(byType['item.created']).toEqual({ ...item, version: 1 });
    expect(byType['item.created'].unit_price).toBe('9999999999.99');
    expect(byType['item.updated']).toEqual({ ...repriced.data, version: 2 });
    expect(byType['item.updated'].unit_price).toBe('0.10');
    expect(byType['item.deleted']).toEqual({ ...repriced.data, version: 2 });
  });

  test('when a delivery is replayed later with its original headers, then the Standard Webhooks verifier refuses its timestamp', async () => {
    // Arrange: a delivery as the receiver got it
    const hook = await register();
    await placeOrder();
    await dispatcherFor().drain();
    const [request] = await receivedAt(hook.path, 1);
    const { body, headers } = request as Recorded;
    const verifier = new Webhook(hook.secret);
    expect(verifier.verify(body, headers)).toMatchObject({ type: 'order.placed' });

    // Act: the same bytes, six minutes later (the package's tolerance is five)
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6 * 60_000);
      // Assert
      expect(() => verifier.verify(body, headers)).toThrow('Message timestamp too old');
    } finally {
      vi.useRealTimers();
    }
  });

  test('when the receiver is down for a while and then back, then every event is delivered and each retry keeps its webhook-id', async () => {
    // Arrange: nothing listens, then the receiver answers 503, then 200
    const hook = await register();
    await receiver.down();
    const customer = await postCustomerV2(admin.api);
    for (let i = 0; i < 3; i++) await placeOrder(customer.id);
    dispatcherFor().start();

    // Act
    await deliveriesWhen(
      hook.id,
      (all) => all.length === 3 && all.every((d) => d.attempt_count >= 1 && d.status === 'pending'),
    );
    await receiver.answer({ path: hook.path, status: 503, body: 'maintenance' });
    await receiver.up();
    const refused = await receivedAt(
      hook.path,
      (mine) => new Set(mine.map((r) => r.headers['webhook-id'])).size === 3,
    );
    await receiver.answer({ path: hook.path, status: 200, body: 'ok' });
    const deliveries = await deliveriesWhen(hook.id, (all) => all.every((d) => d.status === 'succeeded'));

    // Assert: each event arrived once with 200 after a 503, always under its own webhook-id
    expect(refused.every((r) => r.verified && r.status === 503)).toBe(true);
    const all = await receiver.received().then((everything) => forPath(everything, hook.path));
    const ids = deliveries.map((d) => d.event.id);
    expect(new Set(ids).size).toBe(3);
    for (const delivery of deliveries) {
      const mine = all.filter((r) => r.headers['webhook-id'] === delivery.event.id);
      expect(mine.map((r) => r.status)).toEqual([...mine.slice(0, -1).map(() => 503), 200]);
      expect(mine.every((r) => r.verified)).toBe(true);
      expect(delivery.attempts[0]).toMatchObject({ status_code: null, error: 'connection refused' });
      expect(delivery.attempts.map((a) => a.status_code)).toContain(503);
      expect(delivery.attempts.at(-1)).toMatchObject({ status_code: 200, response: 'ok' });
      expect(delivery).toMatchObject({ attempt_count: delivery.attempts.length, next_attempt_at: null });
    }
    expect(all.filter((r) => r.status === 200)).toHaveLength(3);
  });
});

describe('disabling an endpoint', () => {
  test('when the receiver answers 410 Gone, then the endpoint is disabled at once and attempted no more', async () => {
    // Arrange: two events waiting; one attempt at a time, so the second comes after the 410
    const hook = await register();
    await receiver.answer({ path: hook.path, status: 410, body: 'gone' });
    const customer = await postCustomerV2(admin.api);
    await placeOrder(customer.id);
    await placeOrder(customer.id);

    // Act
    await dispatcherFor(t.deps.webhooks, { concurrency: 1 }).drain();
    await placeOrder(customer.id);
    await dispatcherFor().drain();

    // Assert
    expect(forPath(await receiver.received(), hook.path)).toHaveLength(1);
    const shown = await admin.api.get(webhookUrl(hook.id));
    expect(shown.data).toMatchObject({ enabled: false, disabled_reason: expect.stringContaining('410') });
    expect(Date.parse(shown.data.disabled_at)).not.toBeNaN();
    const deliveries = await deliveriesOf(hook.id);
    expect(deliveries).toHaveLength(2);
    expect(deliveries.map((d) => d.attempt_count).sort()).toEqual([0, 1]);
    expect(deliveries.find((d) => d.attempt_count === 1)).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      last_status_code: 410,
      attempts: [{ status_code: 410, response: 'gone' }],
    });
  });

  test('when every attempt fails for WEBHOOK_DISABLE_AFTER_HOURS, then the endpoint is disabled with why', async () => {
    // Arrange: 0.0002 h is 0.72 s, a few retries
    const hook = await register();
    await receiver.answer({ path: hook.path, status: 500, body: 'broken' });
    const attempts = new WebhookAttempts(
      loadConfig({ NODE_ENV: 'test', ...webhookEnv({ WEBHOOK_DISABLE_AFTER_HOURS: '0.0002' }) }),
      t.deps.database.db,
      ORIGIN,
    );
    await placeOrder();

    // Act
    const dispatcher = dispatcherFor(attempts);
    dispatcher.start();
    const shown = await (async () => {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        const response = await admin.api.get(webhookUrl(hook.id));
        if (!response.data.enabled) return response;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('The endpoint was never disabled');
    })();
    await dispatcher.stop();
    attempts.close();

    // Assert: disabled with why; the delivery left waiting is not attempted even once it is due
    expect(shown.data).toMatchObject({
      enabled: false,
      disabled_reason: 'Every attempt failed for 0.7 seconds.',
    });
    expect(Date.parse(shown.data.failing_since)).toBeLessThanOrEqual(
      Date.parse(shown.data.disabled_at) - 700,
    );
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery?.attempts.every((a) => a.status_code === 500)).toBe(true);
    const seen = (await receiver.received()).length;
    if (delivery?.next_attempt_at) {
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, Date.parse(delivery.next_attempt_at as string) - Date.now() + 50)),
      );
    }
    await dispatcherFor().drain();
    expect((await receiver.received()).length).toBe(seen);
    expect((await deliveriesOf(hook.id))[0]?.attempt_count).toBe(delivery?.attempt_count);
  });
});

describe('secret rotation', () => {
  test('when a secret is rotated, then deliveries carry both signatures during the overlap and only the new one after it', async () => {
    // Arrange
    const hook = await register();
    const rotated = await admin.api.post(`${webhookUrl(hook.id)}rotate-secret/`);
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newSecret: string = rotated.data.secret;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(hook.secret);
    // Each secret is verified on its own: verifiedWith [0, 1] is a receiver holding only the old one
    // and a receiver holding only the new one both accepting.
    await receiver.setSecrets([hook.secret, newSecret]);
    const expires = Date.parse(rotated.data.previous_secret_expires_at);
    expect(expires - Date.now()).toBeGreaterThan(0);
    expect(expires - Date.now()).toBeLessThanOrEqual(ROTATION_OVERLAP_HOURS * 3_600_000);

    // Act: one delivery inside the overlap, one after it
    await placeOrder();
    await dispatcherFor().drain();
    const [during] = await receivedAt(hook.path, 1);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expires - Date.now() + 100)));
    await placeOrder();
    await dispatcherFor().drain();
    const [, after] = await receivedAt(hook.path, 2);

    // Assert
    expect(signaturesOf(during as Recorded)).toHaveLength(2);
    expect(during?.verifiedWith).toEqual([0, 1]);
    expect(signaturesOf(after as Recorded)).toHaveLength(1);
    expect(after?.verifiedWith).toEqual([1]);
  });
});

describe('where deliveries may go (SSRF)', () => {
  test.each([
    ['loopback', 'http://127.0.0.1:8080/hooks', /loopback/],
    ['loopback (IPv6)', 'http://[::1]:8080/hooks', /loopback/],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/', /link-local/],
  ])('when an endpoint is registered at %s, then it is refused with 400 and why', async (_, url, reason) => {
    // Act
    const response = await admin.api.post(WEBHOOKS, { url, events: ['order.placed'] });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([
      expect.objectContaining({ field: 'url', code: 'refused', message: expect.stringMatching(reason) }),
    ]);
  });

  test('when a host name comes to resolve to a private address not allowed, then the delivery fails with why and nothing is sent', async () => {
    // Arrange: the name points at the receiver when registered (accepted), then elsewhere
    dns.set('billing.internal.test', [receiver.address]);
    const allowed = await register(
      ['order.placed'],
      `http://billing.internal.test:${receiver.port}/hooks/dns-ok`,
    );
    dns.set('stock.internal.test', [receiver.address]);
    const rebound = await register(
      ['order.placed'],
      `http://stock.internal.test:${receiver.port}/hooks/dns-rebound`,
    );
    dns.set('stock.internal.test', ['10.99.0.5']);
    await receiver.setSecrets([allowed.secret, rebound.secret]);

    // Act
    await placeOrder();
    await dispatcherFor().drain();

    // Assert: the name still pointing at the receiver is delivered; the other is refused before connecting
    const [delivered] = await receivedAt('/hooks/dns-ok', 1);
    expect(delivered?.headers.host).toBe(`billing.internal.test:${receiver.port}`);
    const [refused] = await deliveriesOf(rebound.id);
    expect(refused).toMatchObject({
      status: 'pending',
      last_status_code: null,
      last_error:
        'stock.internal.test resolves to 10.99.0.5, a private address outside WEBHOOK_ALLOWED_NETWORKS',
    });
    expect(refused?.attempts[0]).toMatchObject({
      status_code: null,
      response: null,
      error: refused?.last_error,
    });
    expect(forPath(await receiver.received(), '/hooks/dns-rebound')).toEqual([]);
    expect((await deliveriesOf(allowed.id))[0]?.status).toBe('succeeded');
  });

  test('when a host name comes to resolve to the cloud metadata address, then the delivery fails with why', async () => {
    // Arrange
    dns.set('accounting.internal.test', [receiver.address]);
    const hook = await register(
      ['order.placed'],
      `http://accounting.internal.test:${receiver.port}/hooks/meta`,
    );
    dns.set('accounting.internal.test', ['169.254.169.254']);

    // Act
    await placeOrder();
    await dispatcherFor().drain();

    // Assert
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery?.last_error).toMatch(
      /^accounting\.internal\.test resolves to 169\.254\.169\.254, a link-local address/,
    );
    expect(delivery?.attempts[0]?.status_code).toBeNull();
  });
});

describe('sending by hand', () => {
  test("when an admin sends a test event, then the answer is the receiver's", async () => {
    // Arrange
    const hook = await register();
    await receiver.answer({ path: hook.path, status: 202, body: 'accepted by billing' });

    // Act
    const response = await admin.api.post(`${webhookUrl(hook.id)}test/`);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({
      webhook: { id: hook.id },
      event: { type: 'webhook.test' },
      status: 'succeeded',
      attempt_count: 1,
      last_status_code: 202,
      attempts: [{ status_code: 202, error: null, response: 'accepted by billing' }],
    });
    const [request] = await receivedAt(hook.path, 1);
    expect(request?.verified).toBe(true);
    expect(request?.headers['webhook-id']).toBe(response.data.event.id);
    expect(JSON.parse(request?.body ?? '')).toMatchObject({ type: 'webhook.test' });
  });

  test('when a test event is refused, even when retried by hand, then the answer shows it, and it is not retried', async () => {
    // Arrange
    const hook = await register();
    await receiver.answer({ path: hook.path, status: 500, body: 'no such route' });

    // Act
    const response = await admin.api.post(`${webhookUrl(hook.id)}test/`);
    await dispatcherFor().drain();
    const retried = await admin.api.post(`${WEBHOOKS}deliveries/${response.data.id}/retry/`);
    await dispatcherFor().drain();

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      last_status_code: 500,
      attempts: [{ status_code: 500, response: 'no such route' }],
    });
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.data).toMatchObject({ status: 'failed', next_attempt_at: null, attempt_count: 2 });
    expect(await receivedAt(hook.path, 2)).toHaveLength(2);
    expect((await admin.api.get(webhookUrl(hook.id))).data).toMatchObject({
      enabled: true,
      failing_since: null,
    });
  });

  test('when an admin retries a delivery, then it is sent again with the same webhook-id', async () => {
    // Arrange
    const hook = await register();
    await placeOrder();
    await dispatcherFor().drain();
    const [first] = await receivedAt(hook.path, 1);
    const [delivery] = await deliveriesOf(hook.id);

    // Act
    const response = await admin.api.post(`${WEBHOOKS}deliveries/${delivery?.id}/retry/`);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({ id: delivery?.id, status: 'succeeded', attempt_count: 2 });
    expect(response.data.attempts).toHaveLength(2);
    const [, again] = await receivedAt(hook.path, 2);
    expect(again?.verified).toBe(true);
    expect(again?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(again?.body).toBe(first?.body);
  });

  test('when an endpoint is deleted while a delivery to it is under way, then the attempt ends quietly and nothing of it stays', async () => {
    // Arrange: a receiver that takes its time
    const hook = await register();
    await receiver.answer({ path: hook.path, status: 200, delayMs: 1_000 });
    const errors: string[] = [];
    const dispatcher = dispatcherFor(t.deps.webhooks, {
      log: { ...silent, error: (_fields: object, message: string) => errors.push(message) },
    });
    await placeOrder();

    // Act: delete it while the receiver holds the delivery
    const draining = dispatcher.drain();
    await receivedAt(hook.path, 1);
    const deleted = await admin.api.delete(webhookUrl(hook.id));
    await draining;

    // Assert
    expect(deleted.statusCode, deleted.body).toBe(204);
    created.splice(created.indexOf(hook.id), 1);
    expect(errors).toEqual([]);
    expectProblem(await admin.api.get(`${webhookUrl(hook.id)}deliveries/`), 404, 'not_found');
  });

  test('when events are past their retention, then those nothing will attempt again are deleted with their deliveries, and the others stay', async () => {
    // Arrange: one event delivered, one whose delivery waits for a retry (the receiver verifies with the
    // secret registered last: the waiting endpoint's is set again when it is to succeed)
    const waiting = await register();
    const done = await register();
    await receiver.answer({ path: waiting.path, status: 503 });
    await placeOrder();
    await dispatcherFor().drain();
    await deliveriesWhen(done.id, (all) => all[0]?.status === 'succeeded');
    await deliveriesWhen(waiting.id, (all) => all[0]?.status === 'pending');

    // Act: a dispatcher whose retention they are past
    await new Promise((resolve) => setTimeout(resolve, 50));
    await dispatcherFor(t.deps.webhooks, { retentionMs: 10, perEndpoint: 1, concurrency: 1 }).drain();

    // Assert: the event still waiting for one endpoint is kept for both
    expect(await deliveriesOf(done.id)).toHaveLength(1);
    expect(await deliveriesOf(waiting.id)).toHaveLength(1);

    // Act: the last delivery settles (the receiver fixed, retried by hand), then another sweep
    await receiver.answer({ path: waiting.path, status: 200 });
    await receiver.setSecrets([waiting.secret]);
    const [pending] = await deliveriesOf(waiting.id);
    expect((await admin.api.post(`${WEBHOOKS}deliveries/${pending?.id}/retry/`)).data.status).toBe(
      'succeeded',
    );
    await dispatcherFor(t.deps.webhooks, { retentionMs: 10 }).drain();

    // Assert: gone, for both endpoints
    expect(await deliveriesOf(done.id)).toEqual([]);
    expect(await deliveriesOf(waiting.id)).toEqual([]);
  });

  test('when a delivery that does not exist is retried, then 404', async () => {
    expectProblem(await admin.api.post(`${WEBHOOKS}deliveries/999999999/retry/`), 404, 'not_found');
  });
});

describe('the outbox', () => {
  test('when the change is rolled back, then its event is gone with it and nothing is delivered', async () => {
    // Arrange
    const hook = await register();
    const customer = await postCustomerV2(admin.api);
    const actor = {
      userId: admin.user.id,
      email: admin.user.email,
      role: 'admin' as const,
      authMethod: 'api_token' as const,
    };
    let writtenInside = 0;

    // Act: the order is placed in a transaction that then fails
    await expect(
      t.deps.database.db.transaction(async (tx) => {
        await createOrder(
          { db: tx, actor, outbox: t.deps.outbox, defaultCurrency: 'KES' },
          { customerId: customer.id, item: 'Maize flour 2kg', quantity: 1, pricePerUnit: '12.50' },
        );
        writtenInside = (
          await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, hook.id))
        ).length;
        throw new Error('the rest of the change failed');
      }),
    ).rejects.toThrow('the rest of the change failed');
    await dispatcherFor().drain();

    // Assert: the trigger had written the delivery inside the transaction; none outlived it
    expect(writtenInside).toBe(1);
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(forPath(await receiver.received(), hook.path)).toEqual([]);
  });

  test("when a slow endpoint answers after seconds, then another endpoint's deliveries go out meanwhile", async () => {
    // Arrange: two endpoints for the same events; the slow one takes 4 s per answer
    const slow = await register();
    const fast = await register();
    await receiver.setSecrets([slow.secret, fast.secret]);
    await receiver.answer({ path: slow.path, delayMs: 4_000 });
    const customer = await postCustomerV2(admin.api);
    for (let i = 0; i < 6; i++) await placeOrder(customer.id);

    // Act
    const started = Date.now();
    dispatcherFor(t.deps.webhooks, { concurrency: 8, perEndpoint: 2 }).start();
    const fastOnes = await receivedAt(fast.path, 6, 3_500);

    // Assert: the fast endpoint had all six before the slow one's first answer; the slow one held two slots
    expect(Math.max(...fastOnes.map((r) => r.at)) - started).toBeLessThan(4_000);
    expect(forPath(await receiver.received(), slow.path)).toHaveLength(2);
  });
});

describe(`two dispatchers over many events (${onRealPostgres ? 'PostgreSQL server' : 'PGlite'})`, () => {
  test('when they run side by side, then each event is delivered once per endpoint', {
    timeout: 180_000,
  }, async () => {
    // Arrange: two endpoints; the 1,000 events where dispatchers really race (PostgreSQL), fewer on PGlite
    const first = await register();
    const second = await register();
    await receiver.setSecrets([first.secret, second.secret]);
    const count = onRealPostgres ? 1_000 : 200;
    const customer = await postCustomerV2(admin.api);
    for (let i = 0; i < count; i += 20) {
      await Promise.all(Array.from({ length: 20 }, () => placeOrder(customer.id)));
    }
    // The second dispatcher is another process's: its own connections and its own sender.
    const other = await buildSecondInstance(t, webhookEnv());

    // Act
    try {
      await Promise.all([
        dispatcherFor(t.deps.webhooks, { concurrency: 16 }).drain(),
        dispatcherFor(other.deps.webhooks, { concurrency: 16 }, other.deps.database.db).drain(),
      ]);
    } finally {
      if (other.deps !== t.deps) other.deps.webhooks.close();
      await other.close();
    }

    // Assert: every webhook-id once per endpoint, every one verified
    const all = await receiver.received();
    for (const hook of [first, second]) {
      const mine = forPath(all, hook.path);
      const byId = new Map<string, number>();
      for (const request of mine)
        byId.set(
          request.headers['webhook-id'] as string,
          (byId.get(request.headers['webhook-id'] as string) ?? 0) + 1,
        );
      expect(byId.size).toBe(count);
      expect([...byId.values()].filter((n) => n > 1)).toEqual([]);
      expect(mine.every((r) => r.verified && r.status === 200)).toBe(true);
    }
    const firstIds = new Set(forPath(all, first.path).map((r) => r.headers['webhook-id']));
    expect(forPath(all, second.path).filter((r) => firstIds.has(r.headers['webhook-id']))).toHaveLength(
      count,
    );
  });
});
