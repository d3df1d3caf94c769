import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Api, CUSTOMERS, customerUrl, expectProblem, postCustomer, signIn } from '../helpers/api.js';
import { buildSecondInstance, buildTestApp, type TestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

const REPORT = '/api/v2/admin/version-usage/';
const env = { API_V1_DEPRECATED_AT: '2026-03-01T00:00:00Z', API_V1_SUNSET_AT: '2027-01-01T00:00:00Z' };

/** A clock the test sets: the app goes by it. */
function testClock(start: string) {
  let now = new Date(start);
  return { clock: () => now, set: (at: string) => (now = new Date(at)) };
}

const time = testClock('2026-04-01T00:00:00Z');
let t: TestApp;
let admin: Api;
beforeAll(async () => {
  t = await buildTestApp(env, { clock: time.clock });
  ({ api: admin } = await signIn(t, 'admin'));
});
afterAll(() => t.close());

/** The rows of the usage report for one caller, as an admin sees them. */
async function usageOf(caller: string, query = '') {
  const response = await admin.get(`${REPORT}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.data.results as { caller: string; day: string }[]).filter((row) => row.caller === caller);
}

describe('who calls a deprecated version', () => {
  test('when a user and an anonymous client call v1, then an admin sees each per day with its count and last route', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    time.set('2026-04-01T09:00:00Z');
    const customer = await postCustomer(api);
    time.set('2026-04-01T09:30:00Z');
    await api.get(CUSTOMERS);
    time.set('2026-04-01T10:00:00Z');
    await api.get(customerUrl(customer.id));
    await client(t.app).send({ method: 'GET', url: '/api/v1/', remoteAddress: '203.0.113.7' });

    // Act
    time.set('2026-04-02T08:00:00Z');
    await api.get(`${CUSTOMERS}?limit=5`);
    const userRows = await usageOf(`user:${user.id}`);
    const anonymousRows = await usageOf('ip:203.0.113.7');

    // Assert
    expect(userRows).toEqual([
      {
        version: 'v1',
        day: '2026-04-02',
        caller: `user:${user.id}`,
        user: { id: user.id, email: user.email },
        requests: 1,
        last_path: '/api/v1/customers/',
        last_seen_at: '2026-04-02T08:00:00.000Z',
      },
      {
        version: 'v1',
        day: '2026-04-01',
        caller: `user:${user.id}`,
        user: { id: user.id, email: user.email },
        requests: 3,
        last_path: '/api/v1/customers/:id/',
        last_seen_at: '2026-04-01T10:00:00.000Z',
      },
    ]);
    expect(anonymousRows).toEqual([
      {
        version: 'v1',
        day: '2026-04-01',
        caller: 'ip:203.0.113.7',
        user: null,
        requests: 1,
        last_path: '/api/v1',
        last_seen_at: '2026-04-01T10:00:00.000Z',
      },
    ]);
  });

  test('when a call fails authentication or reaches an unknown path, then it counts for the client address', async () => {
    // Arrange
    time.set('2026-04-03T10:00:00Z');
    const stranger = client(t.app, 'oly_not-a-token');

    // Act
    await stranger.send({ method: 'GET', url: CUSTOMERS, remoteAddress: '198.51.100.20' });
    await stranger.send({ method: 'GET', url: '/api/v1/nope/?token=secret', remoteAddress: '198.51.100.20' });
    const rows = await usageOf('ip:198.51.100.20');

    // Assert
    expect(rows).toMatchObject([{ day: '2026-04-03', requests: 2, last_path: '/api/v1/nope/', user: null }]);
  });

  test('when v1 is called before its deprecation date, then nothing is recorded', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    time.set('2026-02-28T23:59:59Z');

    // Act
    await api.get(CUSTOMERS);
    time.set('2026-03-05T00:00:00Z');
    const rows = await usageOf(`user:${user.id}`, '?days=90');

    // Assert
    expect(rows).toEqual([]);
  });

  test('when days and version filter the report, then only those days and that version are listed', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    time.set('2026-05-01T12:00:00Z');
    await api.get(CUSTOMERS);
    time.set('2026-05-03T12:00:00Z');
    await api.get(CUSTOMERS);

    // Act
    const today = await usageOf(`user:${user.id}`, '?days=1');
    const twoDays = await usageOf(`user:${user.id}`, '?days=2');
    const threeDays = await usageOf(`user:${user.id}`, '?days=3&version=v1');
    const otherVersion = await usageOf(`user:${user.id}`, '?version=v2');

    // Assert
    expect(today.map((row) => row.day)).toEqual(['2026-05-03']);
    expect(twoDays.map((row) => row.day)).toEqual(['2026-05-03']);
    expect(threeDays.map((row) => row.day)).toEqual(['2026-05-03', '2026-05-01']);
    expect(otherVersion).toEqual([]);
  });

  test('when two instances on one database serve the same caller, then the report adds up their counts', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    const second = await buildSecondInstance(t, env, { clock: time.clock });
    const onSecond = client(second.app, user.token);
    time.set('2026-06-01T10:00:00Z');
    await api.get(CUSTOMERS);
    await api.get(CUSTOMERS);
    try {
      time.set('2026-06-01T11:00:00Z');
      await onSecond.get('/api/v1/me/');
      await onSecond.get('/api/v1/me/');
      await onSecond.get('/api/v1/me/');
    } finally {
      // Act: the second instance writes its counts as it closes.
      await second.close();
    }
    const rows = await usageOf(`user:${user.id}`);

    // Assert
    expect(rows).toMatchObject([
      { day: '2026-06-01', requests: 5, last_path: '/api/v1/me/', last_seen_at: '2026-06-01T11:00:00.000Z' },
    ]);
  });
});

describe('the usage report', () => {
  test('when staff ask for it, then 403 admin_only; without credentials, 401', async () => {
    // Arrange
    const { api: staff } = await signIn(t);

    // Act
    const forbidden = await staff.get(REPORT);
    const anonymous = await client(t.app).get(REPORT);

    // Assert
    expectProblem(forbidden, 403, 'admin_only');
    expectProblem(anonymous, 401, 'unauthorized');
  });

  test.each(['days=0', 'days=91', 'days=x', 'version=1', 'other=1'])(
    'when the query is %s, then 400 validation_error',
    async (query) => {
      // Act
      const response = await admin.get(`${REPORT}?${query}`);

      // Assert
      expectProblem(response, 400, 'validation_error');
    },
  );

  test('when it is answered, then it carries no deprecation: it is v2', async () => {
    // Act
    const response = await admin.get(REPORT);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers.deprecation).toBeUndefined();
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });
});

describe('the warning in the log', () => {
  test('when a caller keeps calling v1, then the log warns once per caller per hour, naming the route and the sunset', async () => {
    // Arrange
    const lines: Record<string, unknown>[] = [];
    const clock = testClock('2026-04-01T10:00:00Z');
    const app = await buildTestApp(env, {
      clock: clock.clock,
      log: { write: (line) => lines.push(JSON.parse(line)) },
    });
    try {
      const { user, api } = await signIn(app);
      const customer = await postCustomer(api);
      const warnings = () => lines.filter((line) => line.msg === 'deprecated API v1 called');

      // Act
      await api.get(customerUrl(customer.id));
      clock.set('2026-04-01T10:59:59Z');
      await api.get(customerUrl(customer.id));
      await client(app.app).send({ method: 'GET', url: '/api/v1/', remoteAddress: '203.0.113.9' });
      const withinTheHour = warnings().length;
      clock.set('2026-04-01T11:00:00Z');
      await api.get(customerUrl(customer.id));

      // Assert
      expect(withinTheHour).toBe(2);
      expect(warnings()).toMatchObject([
        {
          level: 40,
          caller: `user:${user.id}`,
          version: 'v1',
          method: 'POST',
          route: '/api/v1/customers/',
          sunset: '2027-01-01T00:00:00.000Z',
        },
        { level: 40, caller: 'ip:203.0.113.9', method: 'GET', route: '/api/v1' },
        { level: 40, caller: `user:${user.id}`, method: 'GET', route: '/api/v1/customers/:id/' },
      ]);
      expect(JSON.stringify(lines)).not.toContain(user.token);
    } finally {
      await app.close();
    }
  });
});
