import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  customerUrl,
  expectProblem,
  ORDERS,
  orderUrl,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

const DEPRECATED_AT = '2026-03-01T00:00:00Z';
const SUNSET_AT = '2026-09-01T00:00:00Z';
const ORIGIN = 'http://localhost';
const GUIDE_LINK = `<${ORIGIN}/docs/migrating-to-v2>; rel="deprecation"`;
const successorLink = (path: string) => `${GUIDE_LINK}, <${ORIGIN}${path}>; rel="successor-version"`;

/** A clock the test sets: the app goes by it. */
function testClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, set: (at: string) => (now = new Date(at)) };
}

const time = testClock('2026-01-01T00:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp(
    {
      API_V1_DEPRECATED_AT: DEPRECATED_AT,
      API_V1_SUNSET_AT: SUNSET_AT,
      CORS_ORIGINS: 'https://app.example.com',
    },
    { clock: time.clock },
  );
});
afterAll(() => t.close());

describe('before the deprecation date', () => {
  test('when v1 is called, then nothing announces a deprecation', async () => {
    // Arrange
    time.set('2026-02-28T23:59:59.999Z');
    const { api } = await signIn(t);

    // Act
    const responses = [await api.get('/api/v1/customers/'), await client(t.app).get('/api/v1/nope/')];

    // Assert
    expect(responses.map((response) => response.statusCode)).toEqual([200, 404]);
    for (const response of responses) {
      expect(response.headers.deprecation).toBeUndefined();
      expect(response.headers.sunset).toBeUndefined();
      expect(response.headers.link).toBeUndefined();
    }
  });
});

describe('once deprecated', () => {
  test('when a resource is read, then the response carries Deprecation, Sunset and links to the guide and its v2 successor', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');
    const { api } = await signIn(t);
    const customer = await postCustomer(api);

    // Act
    const response = await api.get(customerUrl(customer.id));

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers.deprecation).toBe(`@${Date.parse(DEPRECATED_AT) / 1000}`);
    expect(response.headers.deprecation).toBe('@1772323200');
    expect(response.headers.sunset).toBe('Tue, 01 Sep 2026 00:00:00 GMT');
    expect(response.headers.link).toBe(successorLink(`/api/v2/customers/${customer.id}/`));
  });

  test.each([
    ['GET', '/api/v1/', '/api/v2/'],
    ['GET', '/api/v1', '/api/v2/'],
    ['GET', '/api/v1/me/', '/api/v2/me/'],
    ['GET', '/api/v1/customers/?limit=5&offset=5', '/api/v2/customers/'],
    ['GET', '/api/v1/orders', '/api/v2/orders/'],
    ['GET', '/api/v1/notifications/', '/api/v2/notifications/'],
  ])('when %s %s is answered, then its successor is %s', async (method, url, successor) => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');
    const { api } = await signIn(t);

    // Act
    const response = await api.send({ method, url });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers.link).toBe(successorLink(successor));
  });

  test('when an order is closed, then the successor is the same action in v2', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');
    const { api } = await signIn(t);
    const order = await postOrder(api, (await postCustomer(api)).id);

    // Act
    const closed = await api.post(`${orderUrl(order.id)}close/`);
    const notifications = await api.get(`${orderUrl(order.id)}notifications/`);

    // Assert
    expect(closed.statusCode).toBe(200);
    expect(closed.headers.link).toBe(successorLink(`/api/v2/orders/${order.id}/close/`));
    expect(notifications.headers.link).toBe(successorLink(`/api/v2/orders/${order.id}/notifications/`));
  });

  test('when v1 answers with an error (401, 404, 405, 400), then the error carries the same headers', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');
    const { api } = await signIn(t);

    // Act
    const unauthenticated = await client(t.app).get(ORDERS);
    const badToken = await client(t.app, 'oly_not-a-token').get(ORDERS);
    const missing = await api.get(customerUrl(999_999_999));
    const wrongMethod = await api.delete('/api/v1/customers/');
    const invalid = await api.get('/api/v1/customers/?limit=0');

    // Assert
    expectProblem(unauthenticated, 401, 'unauthorized');
    expectProblem(badToken, 401, 'invalid_token');
    expectProblem(missing, 404, 'not_found');
    expectProblem(wrongMethod, 405, 'method_not_allowed');
    expectProblem(invalid, 400, 'validation_error');
    for (const response of [unauthenticated, badToken, missing, wrongMethod, invalid]) {
      expect(response.headers.deprecation).toBe('@1772323200');
      expect(response.headers.sunset).toBe('Tue, 01 Sep 2026 00:00:00 GMT');
    }
    expect(unauthenticated.headers.link).toBe(successorLink('/api/v2/orders/'));
    expect(missing.headers.link).toBe(successorLink('/api/v2/customers/999999999/'));
    expect(wrongMethod.headers.link).toBe(successorLink('/api/v2/customers/'));
  });

  test('when an unknown v1 path is called, then its 404 is deprecated too, without a successor', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');

    // Act
    const response = await client(t.app).get('/api/v1/nope/deeper/');

    // Assert
    expectProblem(response, 404, 'not_found');
    expect(response.headers.deprecation).toBe('@1772323200');
    expect(response.headers.link).toBe(GUIDE_LINK);
  });

  test.each([
    ['GET', '/api/v1/health/'],
    ['GET', '/api/v1/api-auth/authenticate/'],
    ['POST', '/api/v1/notifications/callbacks/africastalking/'],
  ])(
    'when %s %s (not retired with v1: no v2 equivalent) is answered, then it carries no lifecycle headers',
    async (method, url) => {
      // Arrange
      time.set('2026-04-01T12:00:00Z');

      // Act
      const response = await client(t.app).send({ method, url });

      // Assert
      expect(response.headers.deprecation).toBeUndefined();
      expect(response.headers.sunset).toBeUndefined();
      expect(response.headers.link).toBeUndefined();
    },
  );

  test('when a browser app on an allowed origin reads a response, then CORS exposes Deprecation, Sunset and Link', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');

    // Act
    const response = await client(t.app).get('/api/v1/', { headers: { origin: 'https://app.example.com' } });

    // Assert
    const exposed = String(response.headers['access-control-expose-headers']).split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['Deprecation', 'Sunset', 'Link']));
  });

  test('when the docs pages are read, then they carry no deprecation of their own', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');

    // Act
    const response = await client(t.app).get('/api/v1/docs/');

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers.deprecation).toBeUndefined();
  });
});

describe('after the sunset', () => {
  test('when an authenticated caller reads a resource, then 410 version_sunset names the date and the v2 URL', async () => {
    // Arrange
    time.set('2026-04-01T12:00:00Z');
    const { api } = await signIn(t);
    const customer = await postCustomer(api);
    time.set(SUNSET_AT);

    // Act
    const response = await api.get(customerUrl(customer.id));

    // Assert
    expectProblem(response, 410, 'version_sunset');
    const body = response.data;
    const successor = `${ORIGIN}/api/v2/customers/${customer.id}/`;
    expect(body.detail).toBe(
      `API v1 was switched off on Tue, 01 Sep 2026 00:00:00 GMT; this resource is now at ${successor}.`,
    );
    expect(body.details).toEqual({
      sunset: '2026-09-01T00:00:00.000Z',
      successor_version: successor,
      migration_guide: `${ORIGIN}/docs/migrating-to-v2`,
    });
    expect(response.headers.sunset).toBe('Tue, 01 Sep 2026 00:00:00 GMT');
    expect(response.headers.deprecation).toBe('@1772323200');
    expect(response.headers.link).toBe(successorLink(`/api/v2/customers/${customer.id}/`));
  });

  test.each([
    ['an anonymous GET', 'GET', ORDERS, undefined, '/api/v2/orders/'],
    ['a bad token', 'GET', ORDERS, 'oly_not-a-token', '/api/v2/orders/'],
    ['an anonymous POST', 'POST', ORDERS, undefined, '/api/v2/orders/'],
    ['the root', 'GET', '/api/v1/', undefined, '/api/v2/'],
    ['an unknown path', 'GET', '/api/v1/nope/', undefined, undefined],
    ['another method of a known path', 'DELETE', '/api/v1/', undefined, '/api/v2/'],
  ])('when %s reaches v1, then 410 version_sunset', async (_what, method, url, token, successor) => {
    // Arrange
    time.set('2026-09-01T00:00:01Z');

    // Act
    const response = await client(t.app, token).send({ method, url });

    // Assert
    expectProblem(response, 410, 'version_sunset');
    expect(response.data.details.successor_version).toBe(successor && `${ORIGIN}${successor}`);
    expect(response.headers.link).toBe(successor ? successorLink(successor) : GUIDE_LINK);
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  test.each([
    ['the health check', 'GET', '/api/v1/health/', 200],
    ['sign-in (no provider configured here)', 'GET', '/api/v1/api-auth/authenticate/', 404],
    [
      'the delivery-report callback (an empty report)',
      'POST',
      '/api/v1/notifications/callbacks/africastalking/',
      400,
    ],
  ])(
    'when %s is called after the sunset, then it answers as before: probes, browsers and the SMS provider keep working',
    async (_what, method, url, status) => {
      // Arrange
      time.set('2026-09-01T00:00:01Z');

      // Act
      const response = await client(t.app).send({ method, url });

      // Assert
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers.sunset).toBeUndefined();
    },
  );

  test('when the docs are read, then the OpenAPI document, Redoc, Swagger UI and the guide still answer', async () => {
    // Arrange
    time.set('2026-09-01T00:00:01Z');
    const anonymous = client(t.app);

    // Act
    const responses = await Promise.all(
      ['/api/schema/', '/api/v1/docs/', '/api/v1/swagger-docs/', '/docs/migrating-to-v2'].map((url) =>
        anonymous.get(url),
      ),
    );

    // Assert
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200, 200]);
  });
});

describe('after the sunset, without the database', () => {
  test('when the database fails, then v1 still answers 410: the refusal comes before authentication and any query', async () => {
    // Arrange: every token is checked against the database, whose tables are gone.
    const clock = testClock('2026-04-01T00:00:00Z');
    const app = await buildTestApp(
      { API_V1_DEPRECATED_AT: DEPRECATED_AT, API_V1_SUNSET_AT: SUNSET_AT, AUTH_CACHE_TTL_MS: '0' },
      { clock: clock.clock },
    );
    try {
      const { api } = await signIn(app);
      const { db } = app.deps.database;
      await db.execute(sql`alter table api_tokens rename to api_tokens_gone`);
      const before = await api.get(ORDERS);
      clock.set(SUNSET_AT);

      // Act
      const responses = [await api.get(ORDERS), await client(app.app).get('/api/v1/')];

      // Assert
      expect(before.statusCode).toBe(500);
      for (const response of responses) expectProblem(response, 410, 'version_sunset');
    } finally {
      await app.close();
    }
  });
});

describe('a sunset without a deprecation date', () => {
  test('when only API_V1_SUNSET_AT is set, then v1 is deprecated from the start, without a Deprecation header', async () => {
    // Arrange
    const clock = testClock('2020-01-01T00:00:00Z');
    const app = await buildTestApp({ API_V1_SUNSET_AT: SUNSET_AT }, { clock: clock.clock });
    try {
      // Act
      const response = await client(app.app).get('/api/v1/');

      // Assert
      expect(response.statusCode).toBe(200);
      expect(response.headers.deprecation).toBeUndefined();
      expect(response.headers.sunset).toBe('Tue, 01 Sep 2026 00:00:00 GMT');
      expect(response.headers.link).toBe(successorLink('/api/v2/'));
    } finally {
      await app.close();
    }
  });
});
