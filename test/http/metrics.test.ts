import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { openApiDocument } from '../../src/http/docs.js';
import { createDispatcher } from '../../src/notifications/delivery.js';
import {
  CUSTOMERS,
  customerUrl,
  expectProblem,
  ITEMS,
  postCustomer,
  postItem,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { itemBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';
import { Scrape } from '../helpers/metrics.js';

const METRICS_TOKEN = randomBytes(24).toString('base64url');
const REQUESTS = 'orderly_http_requests_total';
const DURATIONS = 'orderly_http_request_duration_seconds_count';
const silent = { info: () => {}, error: () => {} };

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({
    METRICS_TOKEN,
    // v1 is deprecated (not switched off), so that its calls are counted.
    API_V1_DEPRECATED_AT: '2026-01-01T00:00:00Z',
    SMS_PROVIDER: 'console',
  });
});
afterAll(() => t?.close());

const scrapeRequest = (app: FastifyInstance, token: string | undefined, method: 'GET' | 'POST' = 'GET') =>
  app.inject({
    method,
    url: '/metrics',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });

/** Scrapes `app` with the metrics token (asserted 200). */
async function scrape(app: FastifyInstance = t.app): Promise<Scrape> {
  const response = await scrapeRequest(app, METRICS_TOKEN);
  expect(response.statusCode, response.body).toBe(200);
  return new Scrape(response.body);
}

describe('GET /metrics on the main port', () => {
  test('when the operator token is sent, then the Prometheus text format is served with the Node.js defaults and no rate-limit or cache headers', async () => {
    const response = await scrapeRequest(t.app, METRICS_TOKEN);

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.ratelimit).toBeUndefined();
    const metrics = new Scrape(response.body);
    for (const name of [
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
      'nodejs_gc_duration_seconds',
      'process_resident_memory_bytes',
      REQUESTS,
      'orderly_http_request_duration_seconds',
      'orderly_rate_limit_refusals_total',
      'orderly_auth_failures_total',
      'orderly_deprecated_api_requests_total',
      'orderly_sms_sends_total',
      'orderly_dispatcher_claim_errors_total',
      'orderly_outbox_pending_notifications',
      'orderly_outbox_oldest_pending_age_seconds',
    ]) {
      expect(metrics.declares(name), name).toBe(true);
    }
  });

  test('when the token is missing or wrong, or another method is used, then the answer is the 404 of an unknown path', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/metricz' });
    expectProblem(Object.assign(unknown, { data: unknown.json() }), 404, 'not_found');

    for (const response of [
      await scrapeRequest(t.app, undefined),
      await scrapeRequest(t.app, `${METRICS_TOKEN}x`),
      await scrapeRequest(t.app, METRICS_TOKEN, 'POST'),
      await t.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: METRICS_TOKEN } }),
    ]) {
      const problem = Object.assign(response, { data: response.json() });
      expectProblem(problem, 404, 'not_found');
      expect(problem.data.detail).toBe('Nothing is at /metrics.');
      expect(Object.keys(response.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
    }
  });

  test('when it is scraped more often than the rate limit allows, then every scrape is served', async () => {
    const limited = await buildTestApp({ METRICS_TOKEN, RATE_LIMIT_PER_MINUTE: '2' });
    try {
      for (let i = 0; i < 5; i++) await scrape(limited.app);
    } finally {
      await limited.close();
    }
  });

  test('when METRICS_TOKEN is unset, then /metrics is not on the main port, whatever the token', async () => {
    const closed = await buildTestApp({});
    try {
      for (const token of [undefined, METRICS_TOKEN]) {
        const response = await scrapeRequest(closed.app, token);
        expectProblem(Object.assign(response, { data: response.json() }), 404, 'not_found');
      }
    } finally {
      await closed.close();
    }
  });

  test('when the OpenAPI documents are read, then /metrics is in neither', () => {
    for (const version of ['v1', 'v2'] as const) {
      const paths = Object.keys((openApiDocument(t.app, version) as { paths: object }).paths);
      expect(paths.filter((path) => path.includes('metrics'))).toEqual([]);
    }
  });
});

describe('HTTP request series', () => {
  test('when a resource is read by its id, then the request is counted under its route template, method and status class, never the id', async () => {
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const before = await scrape();
    const template = { method: 'GET', route: '/api/v1/customers/:id/' };

    expect((await api.get(customerUrl(customer.id))).statusCode).toBe(200);
    expect((await api.get(customerUrl(customer.id))).statusCode).toBe(200);
    expect((await api.get(customerUrl(987654321))).statusCode).toBe(404);
    const after = await scrape();

    const ok = { ...template, status_class: '2xx' };
    const missing = { ...template, status_class: '4xx' };
    expect(after.count(REQUESTS, ok) - before.count(REQUESTS, ok)).toBe(2);
    expect(after.count(REQUESTS, missing) - before.count(REQUESTS, missing)).toBe(1);
    expect(after.count(DURATIONS, ok) - before.count(DURATIONS, ok)).toBe(2);
    expect(after.value('orderly_http_request_duration_seconds_sum', ok)).toBeGreaterThan(0);
    expect(after.count(REQUESTS, { method: 'POST', route: CUSTOMERS, status_class: '2xx' })).toBeGreaterThan(
      0,
    );
    // No path segment of a label value is an id.
    for (const route of after.labelValues(REQUESTS, 'route')) expect(route).not.toMatch(/\/\d+(\/|$)/);
  });

  test('when random unknown URLs are requested, then they share the `unmatched` label and add no label value', async () => {
    const before = await scrape();
    const unmatched = { method: 'GET', route: 'unmatched', status_class: '4xx' };
    const paths = [`/${randomUUID()}`, `/api/v1/${randomUUID()}/`, `/api/v2/customers/x/${randomUUID()}?q=1`];

    for (const path of paths) expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const after = await scrape();

    expect(after.count(REQUESTS, unmatched) - before.count(REQUESTS, unmatched)).toBe(3);
    const routes = after.labelValues(REQUESTS, 'route');
    expect([...routes].filter((route) => !before.labelValues(REQUESTS, 'route').has(route))).toEqual(
      before.count(REQUESTS, unmatched) === 0 ? ['unmatched'] : [],
    );
    for (const path of paths) expect(after.text).not.toContain(path.slice(1, 20));
  });
});

describe('authentication, rate-limit and deprecation series', () => {
  test('when credentials fail, then authentication failures are counted by the kind of credential sent', async () => {
    const failures = 'orderly_auth_failures_total';
    const before = await scrape();
    const attempts: [Record<string, string>, string][] = [
      [{ authorization: `Bearer oly_${randomBytes(32).toString('base64url')}` }, 'api_token'],
      [{ authorization: `Bearer ${randomBytes(32).toString('base64url')}` }, 'provider_token'],
      [{ cookie: `orderly_session=${randomBytes(32).toString('base64url')}` }, 'session'],
      [{}, 'none'],
      [{ authorization: 'Basic dXNlcjpwYXNz' }, 'none'],
    ];

    for (const [headers] of attempts) {
      expect((await t.app.inject({ method: 'GET', url: CUSTOMERS, headers })).statusCode).toBe(401);
    }
    const after = await scrape();

    for (const method of ['api_token', 'provider_token', 'session', 'none']) {
      const expected = attempts.filter(([, kind]) => kind === method).length;
      expect(after.count(failures, { method }) - before.count(failures, { method }), method).toBe(expected);
    }
  });

  test('when a caller runs out of its budget, then the refusals are counted by budget', async () => {
    const limited = await buildTestApp({
      METRICS_TOKEN,
      RATE_LIMIT_PER_MINUTE: '2',
      RATE_LIMIT_AUTH_FAILURES: '1',
    });
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await limited.app.inject({ method: 'GET', url: '/api/v1/' })).statusCode);
      expect(statuses).toEqual([200, 200, 429, 429]);
      const badToken = { authorization: `Bearer oly_${randomBytes(32).toString('base64url')}` };
      const refused = [];
      for (let i = 0; i < 2; i++) {
        refused.push(
          (await limited.app.inject({ method: 'GET', url: CUSTOMERS, headers: badToken })).statusCode,
        );
      }
      expect(refused).toEqual([401, 429]);

      const metrics = await scrape(limited.app);
      expect(metrics.value('orderly_rate_limit_refusals_total', { budget: 'default' })).toBe(2);
      expect(metrics.value('orderly_rate_limit_refusals_total', { budget: 'auth_failures' })).toBe(1);
      expect(metrics.value('orderly_rate_limit_refusals_total', { budget: 'sign_in' })).toBe(0);
    } finally {
      await limited.close();
    }
  });

  test('when a deprecated version is called, then the call is counted by version and route template', async () => {
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    const labels = { version: 'v1', route: '/api/v1/customers/:id/' };
    const before = await scrape();

    expect((await api.get(customerUrl(customer.id))).headers.deprecation).toBeDefined();
    expect((await client(t.app).get(`/api/v1/${randomUUID()}/`)).statusCode).toBe(404);
    const after = await scrape();

    const deprecated = 'orderly_deprecated_api_requests_total';
    expect(after.count(deprecated, labels) - before.count(deprecated, labels)).toBe(1);
    const unmatched = { version: 'v1', route: 'unmatched' };
    expect(after.count(deprecated, unmatched) - before.count(deprecated, unmatched)).toBe(1);
    expect(after.count(deprecated, { version: 'v2' })).toBe(0);
  });
});

describe('outbox and SMS series', () => {
  test('when orders wait for their SMS and a dispatcher sends them, then the outbox gauges and the sends by provider and outcome follow', async () => {
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    await postOrder(api, customer.id);
    await postOrder(api, customer.id);
    const waiting = await scrape();
    const sends = { provider: 'console', outcome: 'accepted' };

    const dispatcher = createDispatcher(
      loadConfig({ NODE_ENV: 'test', SMS_PROVIDER: 'console' }),
      t.deps.database.db,
      silent,
      t.app.metrics,
    );
    await dispatcher.drain();
    const sent = await scrape();

    expect(waiting.value('orderly_outbox_pending_notifications')).toBeGreaterThanOrEqual(2);
    expect(waiting.value('orderly_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(0);
    const sentNow =
      sent.count('orderly_sms_sends_total', sends) - waiting.count('orderly_sms_sends_total', sends);
    expect(sentNow).toBeGreaterThanOrEqual(2);
    expect(sent.value('orderly_outbox_pending_notifications')).toBe(
      (waiting.value('orderly_outbox_pending_notifications') ?? 0) - sentNow,
    );
    expect(sent.value('orderly_outbox_oldest_pending_age_seconds')).toBe(0);
    expect(sent.value('orderly_outbox_read_errors_total')).toBe(0);
  });

  test('when the outbox cannot be read at scrape time, then the scrape still answers and reports the read error', async () => {
    const { db } = t.deps.database;
    await db.execute(sql`alter table notifications rename to notifications_away`);
    let broken: Scrape;
    try {
      broken = await scrape();
    } finally {
      await db.execute(sql`alter table notifications_away rename to notifications`);
    }
    const healed = await scrape();

    expect(broken.value('orderly_outbox_read_errors_total')).toBe(1);
    expect(broken.value('orderly_outbox_pending_notifications')).toBeNaN();
    expect(broken.value('orderly_outbox_oldest_pending_age_seconds')).toBeNaN();
    expect(healed.value('orderly_outbox_read_errors_total')).toBe(1);
    expect(healed.value('orderly_outbox_pending_notifications')).not.toBeNaN();
    if (onRealPostgres)
      expect(broken.value('orderly_db_query_errors_total', { kind: 'other' })).toBeGreaterThan(0);
  });
});

describe('database pool series', () => {
  test.runIf(onRealPostgres)(
    'when the database is a PostgreSQL server, then the pool gauges and the query errors by kind are reported',
    async () => {
      const { api } = await signIn(t, 'admin');
      const item = await postItem(api);
      const before = await scrape();

      expectProblem(await api.post(ITEMS, itemBody({ sku: item.sku })), 409, 'sku_taken');
      const after = await scrape();

      expect(after.value('orderly_db_pool_max_connections')).toBe(20);
      expect(after.value('orderly_db_pool_idle_connections')).toBeGreaterThanOrEqual(1);
      expect(after.value('orderly_db_pool_in_use_connections')).toBeGreaterThanOrEqual(0);
      expect(after.value('orderly_db_pool_waiting_queries')).toBe(0);
      const constraint = { kind: 'constraint' };
      expect(after.count('orderly_db_query_errors_total', constraint)).toBeGreaterThan(
        before.count('orderly_db_query_errors_total', constraint),
      );
      expect(after.value('orderly_db_query_errors_total', { kind: 'connection' })).toBe(0);
    },
  );

  test.skipIf(onRealPostgres)(
    'when the database is the embedded one, then there is no pool to report',
    async () => {
      const metrics = await scrape();

      expect(metrics.declares('orderly_db_pool_in_use_connections')).toBe(false);
      expect(metrics.declares('orderly_db_query_errors_total')).toBe(false);
    },
  );
});
