import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { openApiDocument } from '../../src/http/docs.js';
import { deleteExpiredKeys } from '../../src/http/idempotency.repository.js';
import {
  type Api,
  CUSTOMERS,
  expectProblem,
  ORDERS,
  orderUrl,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { buildSecondInstance, useTestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { orderBody } from '../helpers/factories.js';
import { type ApiResponse, client } from '../helpers/http.js';

const t = useTestApp();

const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

/** The orders and notifications a user has, read over HTTP. */
async function holdings(api: Api) {
  const orders = await api.get(`${ORDERS}?limit=100`);
  const notifications = await api.get('/api/v1/notifications/?limit=100');
  return {
    orders: orders.data.count as number,
    notifications: notifications.data.results as { event: string }[],
  };
}

/** What a replay must repeat of the first response. */
const essentials = (response: ApiResponse) => ({
  status: response.statusCode,
  body: response.body,
  location: response.headers.location,
  etag: response.headers.etag,
  contentType: response.headers['content-type'],
});

describe('Idempotency-Key', () => {
  test('when an order is posted twice with one key, then one order and one SMS, and the retry gets the first response again', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();

    // Act
    const first = await api.post(ORDERS, orderBody(customer.id), withKey(key));
    const retry = await api.post(ORDERS, orderBody(customer.id), withKey(key));

    // Assert
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(essentials(retry)).toEqual(essentials(first));
    expect(first.headers.location).toBe(first.data.url);
    expect((await api.get(String(first.headers.location))).headers.etag).toBe(first.headers.etag);
    expect(await holdings(api)).toEqual({
      orders: 1,
      notifications: [expect.objectContaining({ event: 'order_placed' })],
    });
  });

  test('when the key is sent quoted (the draft) or bare (Stripe), then it is the same key', async () => {
    // Arrange
    const { api } = await signIn(t);
    const key = randomUUID();

    // Act
    const bare = await api.post(
      CUSTOMERS,
      { first_name: 'Q', second_name: 'B', phone: '+254712000001' },
      withKey(key),
    );
    const quoted = await api.post(
      CUSTOMERS,
      { first_name: 'Q', second_name: 'B', phone: '+254712000001' },
      withKey(`"${key}"`),
    );

    // Assert
    expect(bare.statusCode).toBe(201);
    expect(quoted.headers['idempotent-replayed']).toBe('true');
    expect(quoted.body).toBe(bare.body);
  });

  test.each([
    ['another body', (customer: number) => ({ url: ORDERS, body: orderBody(customer, { quantity: 4 }) })],
    [
      'another path',
      () => ({ url: CUSTOMERS, body: { first_name: 'A', second_name: 'B', phone: '+254712000002' } }),
    ],
  ])(
    'when the key is reused with %s, then 422 idempotency_key_mismatch and nothing is written',
    async (_case, other) => {
      // Arrange
      const { api } = await signIn(t);
      const customer = await postCustomer(api);
      const key = randomUUID();
      await api.post(ORDERS, orderBody(customer.id), withKey(key));
      const { url, body } = other(customer.id);

      // Act
      const response = await api.post(url, body, withKey(key));

      // Assert
      expectProblem(response, 422, 'idempotency_key_mismatch');
      expect((await holdings(api)).orders).toBe(1);
      expect((await api.get(CUSTOMERS)).data.count).toBe(1);
    },
  );

  test('when the same body comes with its keys in another order, then it is the same request', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();
    const body = orderBody(customer.id);
    const reordered = Object.fromEntries(Object.entries(body).reverse());

    // Act
    const first = await api.post(ORDERS, body, withKey(key));
    const retry = await api.post(ORDERS, reordered, withKey(key));

    // Assert
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
  });

  test("when another user sends the same key, then their request runs as their own: keys never reach another caller's response", async () => {
    // Arrange
    const alice = await signIn(t);
    const bob = await signIn(t);
    const key = randomUUID();
    const body = { first_name: 'Same', second_name: 'Body', phone: '+254712000003' };
    const first = await alice.api.post(CUSTOMERS, body, withKey(key));

    // Act
    const other = await bob.api.post(CUSTOMERS, body, withKey(key));

    // Assert
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBe('false');
    expect(other.data.owner).toBe(bob.user.id);
    expect(other.data.id).not.toBe(first.data.id);
  });

  test('when the first request was refused (404), then the retry gets the same refusal, even once the reason is gone', async () => {
    // Arrange
    const { api } = await signIn(t);
    const key = randomUUID();
    const first = await api.post(
      ORDERS,
      orderBody(1, { customer: undefined, customer_code: 'ZZZZ9' }),
      withKey(key),
    );
    await postCustomer(api, { code: 'ZZZZ9' });

    // Act
    const retry = await api.post(
      ORDERS,
      orderBody(1, { customer: undefined, customer_code: 'ZZZZ9' }),
      withKey(key),
    );

    // Assert
    expectProblem(first, 404, 'not_found');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(essentials(retry)).toEqual(essentials(first));
    expect(retry.headers['x-api-error-code']).toBe('not_found');
    expect((await holdings(api)).orders).toBe(0);
  });

  test('when the body fails validation, then nothing is stored: the corrected request may use the same key', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();
    const invalid = await api.post(ORDERS, orderBody(customer.id, { quantity: 0 }), withKey(key));

    // Act
    const corrected = await api.post(ORDERS, orderBody(customer.id), withKey(key));

    // Assert
    expectProblem(invalid, 400, 'validation_error');
    expect(corrected.statusCode).toBe(201);
    expect(corrected.headers['idempotent-replayed']).toBe('false');
  });

  test.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'two words'],
    ['not ASCII', 'clé'],
  ])('when the key is %s, then 400 naming the header', async (_case, key) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(
      CUSTOMERS,
      { first_name: 'K', second_name: 'K', phone: '+254712000004' },
      withKey(key),
    );

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'idempotency-key' })]);
    expect((await api.get(CUSTOMERS)).data.count).toBe(0);
  });

  test('when a cancel is retried with its key, then the retry gets the first 200 (not 409) and one cancellation SMS', async () => {
    // Arrange
    const { api } = await signIn(t);
    const order = await postOrder(api, (await postCustomer(api)).id);
    const key = randomUUID();

    // Act
    const first = await api.post(`${orderUrl(order.id)}cancel/`, undefined, withKey(key));
    const retry = await api.post(`${orderUrl(order.id)}cancel/`, undefined, withKey(key));
    const withoutKey = await api.post(`${orderUrl(order.id)}cancel/`);

    // Assert
    expect(first.statusCode).toBe(200);
    expect(essentials(retry)).toEqual(essentials(first));
    expectProblem(withoutKey, 409, 'invalid_transition');
    const events = (await holdings(api)).notifications.map((n) => n.event).sort();
    expect(events).toEqual(['order_cancelled', 'order_placed']);
  });

  test('when a notification retry is repeated with its key, then it is queued once and both answers agree', async () => {
    // Arrange
    const { api: staff } = await signIn(t);
    const order = await postOrder(staff, (await postCustomer(staff)).id);
    const { api: admin } = await signIn(t, 'admin');
    const [notification] = (await staff.get(`${orderUrl(order.id)}notifications/`)).data.results;
    await t.deps.database.db.execute(
      sql`update notifications set status = 'failed' where id = ${notification.id}`,
    );
    const key = randomUUID();

    // Act
    const first = await admin.post(
      `/api/v1/notifications/${notification.id}/retry/`,
      undefined,
      withKey(key),
    );
    const retry = await admin.post(
      `/api/v1/notifications/${notification.id}/retry/`,
      undefined,
      withKey(key),
    );

    // Assert
    expect(first.statusCode).toBe(200);
    expect(first.data.status).toBe('pending');
    expect(essentials(retry)).toEqual(essentials(first));
  });

  test('when storing the outcome fails, then the order is not kept either, and the retry places it once', async () => {
    // Arrange: the outcome's INSERT fails inside the request's transaction, after the order's.
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();
    const db = t.deps.database.db;
    await db.execute(
      sql`alter table idempotency_keys add constraint no_keys_for_now check (false) not valid`,
    );
    let failed: ApiResponse;
    try {
      // Act
      failed = await api.post(ORDERS, orderBody(customer.id), withKey(key));
    } finally {
      await db.execute(sql`alter table idempotency_keys drop constraint no_keys_for_now`);
    }
    const afterFailure = await holdings(api);
    const retry = await api.post(ORDERS, orderBody(customer.id), withKey(key));

    // Assert
    expectProblem(failed, 500, 'internal_error');
    expect(afterFailure).toEqual({ orders: 0, notifications: [] });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('false');
    expect((await holdings(api)).orders).toBe(1);
  });

  test('when a key has expired, then it runs as a new request, and the sweep forgets expired keys', async () => {
    // Arrange
    const { api, user } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();
    const first = await api.post(ORDERS, orderBody(customer.id), withKey(key));
    const db = t.deps.database.db;
    await db.execute(
      sql`update idempotency_keys set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );

    // Act
    const later = await api.post(ORDERS, orderBody(customer.id), withKey(key));
    await db.execute(
      sql`update idempotency_keys set expires_at = now() - interval '1 second' where user_id = ${user.id}`,
    );
    await deleteExpiredKeys(db);

    // Assert
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBe('false');
    expect(later.data.id).not.toBe(first.data.id);
    const left = await db.execute(
      sql`select count(*)::int as n from idempotency_keys where user_id = ${user.id}`,
    );
    expect((left as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(0);
  });

  test('when the OpenAPI document is read, then every POST that creates or acts documents the header, 409 and 422', async () => {
    // Act
    const spec = openApiDocument(t.app, 'v1') as unknown as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: object }>
      >;
    };

    // Assert
    for (const path of [
      '/api/v1/customers/',
      '/api/v1/orders/',
      '/api/v1/orders/{id}/close/',
      '/api/v1/orders/{id}/cancel/',
      '/api/v1/notifications/{id}/retry/',
    ]) {
      const operation = spec.paths[path]?.post;
      expect(operation?.parameters, path).toContainEqual(
        expect.objectContaining({ name: 'idempotency-key', in: 'header' }),
      );
      expect(Object.keys(operation?.responses ?? {}), path).toEqual(expect.arrayContaining(['409', '422']));
    }
  });
});

describe.skipIf(!onRealPostgres)('a retry while the first request runs (PostgreSQL server)', () => {
  test('when a retry comes while the first is still running, then 409 idempotency_key_in_use with Retry-After, and later the first outcome', async () => {
    // Arrange: another connection holds the customer row, so the first request waits inside its transaction.
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const key = randomUUID();
    const blocker = new pg.Client({ connectionString: 'url' in t.target ? t.target.url : '' });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select id from customers where id = $1 for update', [customer.id]);
    const running = api.post(ORDERS, orderBody(customer.id), withKey(key));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // Act
    const duringRun = await api.post(ORDERS, orderBody(customer.id), withKey(key));
    await blocker.query('commit');
    await blocker.end();
    const first = await running;
    const afterRun = await api.post(ORDERS, orderBody(customer.id), withKey(key));

    // Assert
    expectProblem(duringRun, 409, 'idempotency_key_in_use');
    expect(duringRun.headers['retry-after']).toBe('1');
    expect(first.statusCode).toBe(201);
    expect(essentials(afterRun)).toEqual(essentials(first));
  });
});

describe(`one key from many clients at once (${onRealPostgres ? 'PostgreSQL server' : 'PGlite'})`, () => {
  test('when 50 identical orders with one key reach two API instances at once, then one order, one SMS, and 50 identical responses', async () => {
    // Arrange
    const { api, user } = await signIn(t);
    const customer = await postCustomer(api);
    const second = await buildSecondInstance(t);
    const key = randomUUID();
    const apis = [api, client(second.app, user.token)];
    const inUse: number[] = [];
    /** A client that honours 409 + Retry-After, as the header's description asks. */
    const send = async (i: number): Promise<ApiResponse> => {
      for (;;) {
        const response = await (apis[i % 2] as Api).post(ORDERS, orderBody(customer.id), withKey(key));
        if (response.statusCode !== 409) return response;
        inUse.push(i);
        await new Promise((resolve) => setTimeout(resolve, Number(response.headers['retry-after']) * 1000));
      }
    };
    try {
      // Act
      const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => send(i)));

      // Assert
      const [first] = responses;
      for (const response of responses)
        expect(essentials(response)).toEqual(essentials(first as ApiResponse));
      expect(first?.statusCode).toBe(201);
      expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
      expect(await holdings(api)).toEqual({
        orders: 1,
        notifications: [expect.objectContaining({ event: 'order_placed' })],
      });
      if (onRealPostgres) expect(inUse.length).toBeGreaterThan(0);
    } finally {
      await second.close();
    }
  });
});
