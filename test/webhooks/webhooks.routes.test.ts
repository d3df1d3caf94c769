import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, expectProblem, ids, pathOf, signIn, V2, walkPages } from '../helpers/api.js';
import { buildTestApp, type TestApp, useTestApp } from '../helpers/app.js';
import type { ApiResponse } from '../helpers/http.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

// Registration checks destinations but sends nothing: receivers here are IP addresses in a private network
// the settings allow, so no name is resolved and nothing leaves the machine.
const ALLOWED = '10.20.0.0/16';
const t = useTestApp({ WEBHOOK_ALLOWED_NETWORKS: ALLOWED });

const WEBHOOKS = `${V2}webhooks/`;
const webhookUrl = (id: number | string) => `${WEBHOOKS}${id}/`;
const retryUrl = (id: number | string) => `${WEBHOOKS}deliveries/${id}/retry/`;
const HOUR_MS = 3_600_000;

let receivers = 0;
const receiverUrl = () => `https://10.20.0.${++receivers}/hooks/orderly`;

async function register(api: Api, body: Record<string, unknown> = {}) {
  const response = await api.post(WEBHOOKS, { url: receiverUrl(), events: ['order.placed'], ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.data;
}

/** The secret's key: what follows `whsec_`, base64-decoded. */
const keyBytes = (secret: string) => Buffer.from(secret.slice('whsec_'.length), 'base64');

function expectFieldRefused(response: ApiResponse, field: string, code: string) {
  expectProblem(response, 400, 'validation_error');
  expect(response.data.details).toContainEqual(expect.objectContaining({ field, code }));
}

describe('webhooks: registering an endpoint', () => {
  test('when an admin registers an endpoint, then 201 with Location and the secret once (whsec_ + base64 of 24+ bytes), never shown again', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const url = receiverUrl();

    // Act
    const created = await api.post(WEBHOOKS, {
      url,
      description: ' Invoicing ',
      events: ['order.placed', 'order.closed', 'order.placed'],
    });
    const read = await api.get(pathOf(created.data.self));
    const listed = await api.get(`${WEBHOOKS}?limit=100`);

    // Assert
    expect(created.statusCode, created.body).toBe(201);
    const { secret, ...shown } = created.data;
    expect(shown).toEqual({
      id: expect.any(Number),
      self: `http://localhost${webhookUrl(created.data.id)}`,
      url,
      description: 'Invoicing',
      events: ['order.placed', 'order.closed'],
      enabled: true,
      disabled_reason: null,
      disabled_at: null,
      failing_since: null,
      previous_secret_expires_at: null,
      deliveries: `http://localhost${webhookUrl(created.data.id)}deliveries/`,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(keyBytes(secret).length).toBeGreaterThanOrEqual(24);
    expect(created.headers.location).toBe(created.data.self);
    expect(created.headers['cache-control']).toBe('no-store');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.data).toEqual(shown);
    expect(read.headers.etag).toBe(created.headers.etag);
    expect(listed.data.results).toContainEqual(shown);
    for (const response of [read, listed]) expect(response.body).not.toContain(secret.slice('whsec_'.length));
  });

  test('when two endpoints are registered, then each gets its own secret', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const first = await register(api);
    const second = await register(api);

    // Assert
    expect(first.secret).not.toBe(second.secret);
  });

  test('when `*` is given, then the endpoint wants every event; enabled false is kept', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const created = await register(api, { events: ['*'], enabled: false });

    // Assert
    expect(created).toMatchObject({ events: ['*'], enabled: false, disabled_reason: null });
  });

  test('when events name an unknown type, none, or `*` with others, then 400 on events with unknown / required / ambiguous', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const before = ids(await api.get(`${WEBHOOKS}?limit=100`));

    // Act
    const unknown = await api.post(WEBHOOKS, {
      url: receiverUrl(),
      events: ['order.placed', 'order.shipped'],
    });
    const none = await api.post(WEBHOOKS, { url: receiverUrl(), events: [] });
    const ambiguous = await api.post(WEBHOOKS, { url: receiverUrl(), events: ['*', 'order.placed'] });
    const missing = await api.post(WEBHOOKS, { url: receiverUrl() });

    // Assert
    expectFieldRefused(unknown, 'events', 'unknown');
    expect(unknown.data.details).toEqual([
      expect.objectContaining({ message: expect.stringContaining('order.shipped') }),
    ]);
    expectFieldRefused(none, 'events', 'required');
    expectFieldRefused(ambiguous, 'events', 'ambiguous');
    expectFieldRefused(missing, 'events', 'required');
    expect(ids(await api.get(`${WEBHOOKS}?limit=100`))).toEqual(before);
  });

  test('when the URL is http://, then 400 refused on url, naming WEBHOOK_ALLOW_HTTP', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(WEBHOOKS, { url: 'http://10.20.0.1/hooks', events: ['*'] });

    // Assert
    expectFieldRefused(response, 'url', 'refused');
    expect(response.data.details[0].message).toContain('WEBHOOK_ALLOW_HTTP');
  });

  test.each([
    ['loopback', 'https://127.0.0.1/hooks'],
    ['IPv6 loopback', 'https://[::1]/hooks'],
    ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hooks'],
    ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data/'],
    ['unspecified', 'https://0.0.0.0/hooks'],
    ['a private address outside WEBHOOK_ALLOWED_NETWORKS', 'https://192.168.1.10/hooks'],
    ['a URL with a password', 'https://user:secret@10.20.0.1/hooks'],
    ['not https', 'ftp://10.20.0.1/hooks'],
  ])('when the URL is %s, then 400 refused on url, with the reason', async (_kind, url) => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(WEBHOOKS, { url, events: ['*'] });

    // Assert
    expectFieldRefused(response, 'url', 'refused');
    expect(response.data.details[0].message).toMatch(/never|outside WEBHOOK_ALLOWED_NETWORKS|password|https/);
  });

  test('when the URL is not a URL, then 400 on url', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(WEBHOOKS, { url: 'receiver.example.com/hooks', events: ['*'] });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'url' })]);
  });
});

describe('webhooks: listing', () => {
  test('when endpoints are walked one per page, then each comes once, newest first', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const older = await register(api);
    const newer = await register(api);

    // Act
    const pages = await walkPages(api, `${WEBHOOKS}?limit=1`);

    // Assert
    const seen = pages.flatMap(ids);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => id === older.id || id === newer.id)).toEqual([newer.id, older.id]);
  });
});

describe('webhooks: changing, rotating, deleting', () => {
  test('when an endpoint is patched with its ETag, then 200 with the change and a new ETag; with the old ETag, 412', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);
    const etag = (await api.get(webhookUrl(created.id))).headers.etag as string;

    // Act
    const changed = await api.patch(
      webhookUrl(created.id),
      { description: 'Stock', events: ['item.updated', 'item.deleted'], enabled: false },
      { headers: { 'if-match': etag } },
    );
    const stale = await api.patch(
      webhookUrl(created.id),
      { enabled: true },
      { headers: { 'if-match': etag } },
    );
    const read = await api.get(webhookUrl(created.id));

    // Assert
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.data).toMatchObject({
      description: 'Stock',
      events: ['item.updated', 'item.deleted'],
      enabled: false,
      disabled_at: expect.any(String),
      disabled_reason: null,
    });
    expect(changed.headers.etag).not.toBe(etag);
    expectProblem(stale, 412, 'precondition_failed');
    expect(read.data).toEqual(changed.data);
  });

  test('when a patch changes nothing, then 200 with the endpoint as it is; with a stale ETag, 412', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);
    const etag = (await api.get(webhookUrl(created.id))).headers.etag as string;
    await api.patch(webhookUrl(created.id), { description: 'moved on' });

    // Act
    const empty = await api.patch(webhookUrl(created.id), {});
    const stale = await api.patch(webhookUrl(created.id), {}, { headers: { 'if-match': etag } });

    // Assert
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.data).toMatchObject({ id: created.id, description: 'moved on' });
    expectProblem(stale, 412, 'precondition_failed');
  });

  test('when a disabled endpoint is enabled, then it is enabled again without a disabled time', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api, { enabled: false });

    // Act
    const enabled = await api.patch(webhookUrl(created.id), { enabled: true });

    // Assert
    expect(enabled.statusCode, enabled.body).toBe(200);
    expect(enabled.data).toMatchObject({ enabled: true, disabled_at: null, disabled_reason: null });
  });

  test('when a patch names a refused URL or bad events, then 400 and nothing changes', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);
    const { secret: _secret, ...shown } = created;

    // Act
    const loopback = await api.patch(webhookUrl(created.id), { url: 'https://127.0.0.1/hooks' });
    const metadata = await api.patch(webhookUrl(created.id), { url: 'https://169.254.169.254/' });
    const events = await api.patch(webhookUrl(created.id), { events: ['nope'] });
    const readOnly = await api.patch(webhookUrl(created.id), { secret: 'whsec_AAAA' });

    // Assert
    expectFieldRefused(loopback, 'url', 'refused');
    expectFieldRefused(metadata, 'url', 'refused');
    expectFieldRefused(events, 'events', 'unknown');
    expectFieldRefused(readOnly, 'secret', 'unknown_field');
    expect((await api.get(webhookUrl(created.id))).data).toEqual(shown);
  });

  test('when the secret is rotated, then a new secret once, and the old one signs until previous_secret_expires_at (24 h by default)', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);
    const before = Date.now();

    // Act
    const rotated = await api.post(`${webhookUrl(created.id)}rotate-secret/`);
    const read = await api.get(webhookUrl(created.id));

    // Assert
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.headers['cache-control']).toBe('no-store');
    expect(rotated.data.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(keyBytes(rotated.data.secret).length).toBeGreaterThanOrEqual(24);
    expect(rotated.data.secret).not.toBe(created.secret);
    const expires = Date.parse(rotated.data.previous_secret_expires_at);
    expect(expires).toBeGreaterThanOrEqual(before + 24 * HOUR_MS - 60_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 24 * HOUR_MS + 60_000);
    const { secret, ...shown } = rotated.data;
    expect(read.data).toEqual(shown);
    expect(read.body).not.toContain(secret.slice('whsec_'.length));
  });

  test('when an endpoint is deleted, then 204, and it is 404 from then on', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);

    // Act
    const deleted = await api.delete(webhookUrl(created.id));
    const read = await api.get(webhookUrl(created.id));
    const again = await api.delete(webhookUrl(created.id));

    // Assert
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(read, 404, 'not_found');
    expectProblem(again, 404, 'not_found');
    expect(ids(await api.get(`${WEBHOOKS}?limit=100`))).not.toContain(created.id);
  });

  test('when a delete names an old ETag, then 412 and the endpoint stays', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await register(api);
    const etag = (await api.get(webhookUrl(created.id))).headers.etag as string;
    await api.patch(webhookUrl(created.id), { description: 'changed' });

    // Act
    const deleted = await api.delete(webhookUrl(created.id), { headers: { 'if-match': etag } });

    // Assert
    expectProblem(deleted, 412, 'precondition_failed');
    expect((await api.get(webhookUrl(created.id))).statusCode).toBe(200);
  });
});

describe('webhooks: who may', () => {
  test('when staff call any webhook operation, then 403 admin_only', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const { api: staff } = await signIn(t, 'staff');
    const created = await register(admin);
    const url = webhookUrl(created.id);

    // Act
    const responses = [
      await staff.get(WEBHOOKS),
      await staff.post(WEBHOOKS, { url: receiverUrl(), events: ['*'] }),
      await staff.get(url),
      await staff.patch(url, { enabled: false }),
      await staff.delete(url),
      await staff.post(`${url}rotate-secret/`),
      await staff.post(`${url}test/`),
      await staff.get(`${url}deliveries/`),
      await staff.post(retryUrl(1)),
    ];

    // Assert
    for (const response of responses) expectProblem(response, 403, 'admin_only');
    expect((await admin.get(url)).data).toMatchObject({ enabled: true, events: ['order.placed'] });
  });

  test('when no credential is sent, then 401', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: WEBHOOKS });

    // Assert
    expect(response.statusCode).toBe(401);
  });

  test('when an unknown endpoint or delivery is named, then 404 not_found', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const missing = webhookUrl(987654321);

    // Act
    const responses = [
      await api.get(missing),
      await api.patch(missing, { enabled: false }),
      await api.delete(missing),
      await api.post(`${missing}rotate-secret/`),
      await api.post(`${missing}test/`),
      await api.get(`${missing}deliveries/`),
      await api.post(retryUrl(987654321)),
    ];

    // Assert
    for (const response of responses) expectProblem(response, 404, 'not_found');
  });
});

// Deliveries need a receiver: a real one in a network namespace, verifying every request with the
// `standardwebhooks` package, over http:// (allowed here for that reason only).
describe('webhooks: test events, deliveries and retries', () => {
  let receiver: WebhookReceiver;
  let app: TestApp;
  let api: Api;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    app = await buildTestApp({ WEBHOOK_ALLOWED_NETWORKS: receiver.network, WEBHOOK_ALLOW_HTTP: 'true' });
    ({ api } = await signIn(app, 'admin'));
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  async function registerReceiver(path: string) {
    const created = (await api.post(WEBHOOKS, { url: receiver.url(path), events: ['order.placed'] })).data;
    await receiver.setSecrets([created.secret]);
    return created;
  }

  test('when a test event is sent, then the receiver gets a signed webhook.test at once and the answer is in the delivery', async () => {
    // Arrange
    const created = await registerReceiver('/test-ok');
    await receiver.answer({ path: '/test-ok', status: 202, body: 'queued' });

    // Act
    const sent = await api.post(`${webhookUrl(created.id)}test/`);
    const listed = await api.get(pathOf(created.deliveries));

    // Assert
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.data).toMatchObject({
      webhook: { id: created.id, self: created.self },
      event: { id: expect.stringMatching(/^msg_/), type: 'webhook.test' },
      status: 'succeeded',
      attempt_count: 1,
      next_attempt_at: null,
      last_status_code: 202,
      last_error: null,
      delivered_at: expect.any(String),
      attempts: [
        {
          attempted_at: expect.any(String),
          duration_ms: expect.any(Number),
          status_code: 202,
          error: null,
          response: 'queued',
        },
      ],
    });
    const [delivery] = (await receiver.received()).filter((r) => r.path === '/test-ok');
    expect(delivery).toMatchObject({ method: 'POST', verified: true, verifiedWith: [0] });
    expect(delivery?.headers['webhook-id']).toBe(sent.data.event.id);
    expect(JSON.parse(delivery?.body ?? '')).toEqual({
      type: 'webhook.test',
      timestamp: expect.any(String),
      data: { webhook: { id: created.id, url: created.self }, message: expect.any(String) },
    });
    expect(listed.data.results).toEqual([sent.data]);
  });

  test('when the receiver refuses a test event, then the delivery failed with its answer and is not retried; the endpoint is not judged', async () => {
    // Arrange
    const created = await registerReceiver('/test-500');
    await receiver.answer({ path: '/test-500', status: 500, body: 'boom' });

    // Act
    const sent = await api.post(`${webhookUrl(created.id)}test/`);
    const endpoint = await api.get(webhookUrl(created.id));

    // Assert
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.data).toMatchObject({
      status: 'failed',
      next_attempt_at: null,
      last_status_code: 500,
      last_error: null,
      attempts: [expect.objectContaining({ status_code: 500, response: 'boom' })],
    });
    expect(endpoint.data).toMatchObject({ enabled: true, failing_since: null });
  });

  test('when the receiver does not answer a test event, then the delivery failed with the error and no status', async () => {
    // Arrange
    const created = await registerReceiver('/down');
    await receiver.down();

    // Act
    const sent = await api.post(`${webhookUrl(created.id)}test/`).finally(() => receiver.up());

    // Assert
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.data).toMatchObject({
      status: 'failed',
      last_status_code: null,
      last_error: expect.stringMatching(/\S/),
      delivered_at: null,
      attempts: [expect.objectContaining({ status_code: null, response: null })],
    });
  });

  test('when a delivery is retried, then one more attempt now with the same webhook-id, and 409 delivery_in_progress while it runs', async () => {
    // Arrange
    const created = await registerReceiver('/retry');
    const first = (await api.post(`${webhookUrl(created.id)}test/`)).data;
    await receiver.answer({ path: '/retry', status: 200, delayMs: 1500 });

    // Act
    const retrying = api.post(retryUrl(first.id));
    await receiver.waitFor((all) => all.filter((r) => r.path === '/retry').length === 2);
    const busy = await api.post(retryUrl(first.id));
    const retried = await retrying;

    // Assert
    expectProblem(busy, 409, 'delivery_in_progress');
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.data).toMatchObject({
      id: first.id,
      event: first.event,
      status: 'succeeded',
      attempt_count: 2,
    });
    expect(retried.data.attempts).toHaveLength(2);
    const sent = (await receiver.received()).filter((r) => r.path === '/retry');
    expect(sent.map((r) => r.headers['webhook-id'])).toEqual([first.event.id, first.event.id]);
    expect(sent.every((r) => r.verified)).toBe(true);
  });
});
