import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CUSTOMERS, expectProblem, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { type ApiResponse, client } from '../helpers/http.js';

const ROOT = '/api/v1/';
const CALLBACK = '/api/v1/notifications/callbacks/africastalking/';
const CALLBACK_SECRET = 'callback-secret-0123456789';

/** Small budgets, so that a test can run one out. */
const LIMITS = {
  RATE_LIMIT_PER_MINUTE: '3',
  RATE_LIMIT_SIGN_IN_PER_MINUTE: '2',
  RATE_LIMIT_CALLBACK_PER_MINUTE: '2',
  RATE_LIMIT_AUTH_FAILURES: '3',
  AT_CALLBACK_SECRET: CALLBACK_SECRET,
};

/** Keys of this run only, so that runs sharing a Redis do not count together. */
const redisEnv = (url: string) => ({ REDIS_URL: url, RATE_LIMIT_PREFIX: `orderly-test:${randomUUID()}:` });

const stores: [string, Record<string, string>][] = [['in memory', {}]];
if (process.env.REDIS_URL) stores.push(['in Redis', redisEnv(process.env.REDIS_URL)]);

/** Collects an app's log lines. */
function logSink() {
  const lines: string[] = [];
  return { write: (line: string) => void lines.push(line), text: () => lines.join('') };
}

/** A caller from this client IP. */
const from = (remoteAddress: string) => ({ remoteAddress });

/** A token the API never issued, in the API's format. */
const madeUpToken = () => `oly_${randomBytes(32).toString('base64url')}`;

/** The RateLimit field as numbers. */
function rateLimit(response: ApiResponse) {
  const match = /^"([a-z_]+)";r=(\d+);t=(\d+)$/.exec(String(response.headers.ratelimit));
  expect(match, `RateLimit: ${response.headers.ratelimit}`).not.toBeNull();
  const [, policy, remaining, reset] = match as RegExpExecArray;
  return { policy, remaining: Number(remaining), reset: Number(reset) };
}

describe.each(stores)('rate limits counted %s', (_store, storeEnv) => {
  let t: TestApp;
  const log = logSink();
  beforeAll(async () => {
    t = await buildTestApp({ ...LIMITS, ...storeEnv }, { log });
  });
  afterAll(() => t?.close());

  test('when a caller sends a request, then the response states the policy and what is left of it', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(CUSTOMERS);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['ratelimit-policy']).toBe('"default";q=3;w=60');
    const left = rateLimit(response);
    expect(left).toMatchObject({ policy: 'default', remaining: 2 });
    expect(left.reset).toBeGreaterThanOrEqual(59);
    expect(left.reset).toBeLessThanOrEqual(60);
  });

  test('when a caller sends one request more than its quota, then it gets 429 rate_limited with Retry-After', async () => {
    // Arrange
    const { api } = await signIn(t);
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await api.get(CUSTOMERS));

    // Act
    const response = await api.get(CUSTOMERS);

    // Assert
    expect(allowed.map((r) => [r.statusCode, rateLimit(r).remaining])).toEqual([
      [200, 2],
      [200, 1],
      [200, 0],
    ]);
    expectProblem(response, 429, 'rate_limited');
    expect(response.data.details).toEqual({ policy: 'default', quota: 3, window_seconds: 60 });
    const left = rateLimit(response);
    expect(left).toMatchObject({ policy: 'default', remaining: 0 });
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(Math.max(1, left.reset));
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  test('when two tokens call, then each has a budget of its own', async () => {
    // Arrange
    const first = await signIn(t);
    const second = await signIn(t);
    for (let i = 0; i < 3; i++) await first.api.get(CUSTOMERS);

    // Act
    const spent = await first.api.get(CUSTOMERS);
    const fresh = await second.api.get(CUSTOMERS);

    // Assert
    expect(spent.statusCode).toBe(429);
    expect(fresh.statusCode).toBe(200);
    expect(rateLimit(fresh).remaining).toBe(2);
  });

  test('when callers send no credentials, then they are counted by client IP, whatever the path', async () => {
    // Arrange
    const anonymous = client(t.app);
    const { api } = await signIn(t);
    await anonymous.get(ROOT, from('192.0.2.10'));
    await anonymous.get('/api/v1/health/', from('192.0.2.10'));
    await anonymous.get(CUSTOMERS, from('192.0.2.10'));

    // Act
    const spent = await anonymous.get(ROOT, from('192.0.2.10'));
    const otherAddress = await anonymous.get(ROOT, from('192.0.2.11'));
    const withToken = await api.get(CUSTOMERS, from('192.0.2.10'));

    // Assert
    expectProblem(spent, 429, 'rate_limited');
    expect(otherAddress.statusCode).toBe(200);
    expect(rateLimit(otherAddress).remaining).toBe(2);
    expect(withToken.statusCode).toBe(200);
  });

  test.each([
    ['GET', '/api/v1/api-auth/authenticate/', '198.51.100.1'],
    ['GET', '/api/v1/api-auth/callback/?code=x&state=y', '198.51.100.2'],
    ['POST', '/api/v1/api-auth/logout/', '198.51.100.3'],
  ])(
    'when %s %s is called, then it counts per client IP against the sign-in budget, even with a token',
    async (method, url, ip) => {
      // Arrange
      const { api } = await signIn(t);
      const anonymous = client(t.app);
      const first = await api.send({ method, url, ...from(ip) });
      const second = await anonymous.send({ method, url, ...from(ip) });

      // Act
      const third = await api.send({ method, url, ...from(ip) });
      const elsewhere = await api.get(CUSTOMERS, from(ip));

      // Assert
      expect(first.headers['ratelimit-policy']).toBe('"sign_in";q=2;w=60');
      expect([rateLimit(first).remaining, rateLimit(second).remaining]).toEqual([1, 0]);
      expectProblem(third, 429, 'rate_limited');
      expect(rateLimit(third).policy).toBe('sign_in');
      expect(elsewhere.statusCode).toBe(200);
      expect(rateLimit(elsewhere)).toMatchObject({ policy: 'default', remaining: 2 });
    },
  );

  test("when Africa's Talking posts delivery reports, then they count per client IP against the callback budget", async () => {
    // Arrange
    const report = () =>
      client(t.app).send({
        method: 'POST',
        url: `${CALLBACK}?secret=${CALLBACK_SECRET}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ id: randomUUID(), status: 'Success' }).toString(),
        ...from('198.51.100.20'),
      });
    const accepted = [await report(), await report()];

    // Act
    const response = await report();

    // Assert
    expect(accepted.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(accepted[0]?.headers['ratelimit-policy']).toBe('"callback";q=2;w=60');
    expectProblem(response, 429, 'rate_limited');
    expect(rateLimit(response).policy).toBe('callback');
  });

  test('when one IP keeps failing authentication, then its requests with credentials get 429, and the log names the IP but no token', async () => {
    // Arrange
    const attacker = '203.0.113.9';
    const { user } = await signIn(t);
    const tried = [madeUpToken(), madeUpToken(), madeUpToken()];
    const failures = [];
    for (const token of tried) failures.push(await client(t.app, token).get(CUSTOMERS, from(attacker)));

    // Act
    const newToken = madeUpToken();
    const next = await client(t.app, newToken).get(CUSTOMERS, from(attacker));
    const validFromThere = await client(t.app, user.token).get(CUSTOMERS, from(attacker));
    const validElsewhere = await client(t.app, user.token).get(CUSTOMERS, from('203.0.113.10'));
    const anonymousFromThere = await client(t.app).get(ROOT, from(attacker));

    // Assert
    expect(failures.map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectProblem(next, 429, 'rate_limited');
    expect(next.headers['ratelimit-policy']).toBe('"auth_failures";q=3;w=300');
    expect(Number(next.headers['retry-after'])).toBeGreaterThanOrEqual(rateLimit(next).reset);
    expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(300);
    expectProblem(validFromThere, 429, 'rate_limited');
    expect(validElsewhere.statusCode).toBe(200);
    expect(anonymousFromThere.statusCode).toBe(200);
    const warnings = log
      .text()
      .split('\n')
      .filter((line) => line.includes('repeated authentication failures'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: 40, ip: attacker, failures: 3 });
    for (const token of [...tried, newToken, user.token]) expect(log.text()).not.toContain(token);
  });
});

describe.skipIf(!process.env.REDIS_URL)('rate limits shared through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    const env = { ...LIMITS, ...redisEnv(process.env.REDIS_URL as string) };
    [first, second] = await Promise.all([buildTestApp(env), buildTestApp(env)]);
  });
  afterAll(() => Promise.all([first?.close(), second?.close()]));

  test('when requests are spread over two instances on one Redis, then they run out of one budget together', async () => {
    // Arrange
    const [a, b] = [client(first.app), client(second.app)];
    const allowed = [
      await a.get(ROOT, from('192.0.2.50')),
      await b.get(ROOT, from('192.0.2.50')),
      await a.get(ROOT, from('192.0.2.50')),
    ];

    // Act
    const onSecond = await b.get(ROOT, from('192.0.2.50'));
    const onFirst = await a.get(ROOT, from('192.0.2.50'));

    // Assert
    expect(allowed.map((r) => rateLimit(r).remaining)).toEqual([2, 1, 0]);
    expectProblem(onSecond, 429, 'rate_limited');
    expectProblem(onFirst, 429, 'rate_limited');
  });
});

describe('when Redis cannot be reached', () => {
  let t: TestApp;
  const log = logSink();
  beforeAll(async () => {
    // Nothing listens on port 1; the password must not reach the log.
    t = await buildTestApp({ ...LIMITS, ...redisEnv('redis://:hunter2-password@127.0.0.1:1') }, { log });
  });
  afterAll(() => t?.close());

  test('then the API still answers, each process counts in memory, and the log says so without the password', async () => {
    // Arrange
    const anonymous = client(t.app);
    const allowed = [await anonymous.get(ROOT), await anonymous.get(ROOT), await anonymous.get(ROOT)];

    // Act
    const response = await anonymous.get(ROOT);

    // Assert
    expect(allowed.map((r) => [r.statusCode, rateLimit(r).remaining])).toEqual([
      [200, 2],
      [200, 1],
      [200, 0],
    ]);
    expectProblem(response, 429, 'rate_limited');
    await vi.waitFor(() => expect(log.text()).toContain('Redis cannot be reached'));
    expect(log.text()).toContain('127.0.0.1:1');
    expect(log.text()).not.toContain('hunter2');
  });
});

describe('when RATE_LIMIT_PER_MINUTE is 0', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ ...LIMITS, RATE_LIMIT_PER_MINUTE: '0' });
  });
  afterAll(() => t?.close());

  test('then nothing is limited and no rate-limit fields are sent', async () => {
    // Arrange
    const anonymous = client(t.app);
    const signInRoute = '/api/v1/api-auth/authenticate/';
    for (let i = 0; i < 4; i++) {
      await anonymous.get(ROOT);
      await anonymous.get(signInRoute);
    }

    // Act
    const response = await anonymous.get(ROOT);
    const signIn = await anonymous.get(signInRoute);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(signIn.statusCode).toBe(404);
    expect(response.headers.ratelimit).toBeUndefined();
    expect(response.headers['ratelimit-policy']).toBeUndefined();
  });
});

describe('rate-limit settings', () => {
  test.each([
    ['RATE_LIMIT_PER_MINUTE', '-1'],
    ['RATE_LIMIT_SIGN_IN_PER_MINUTE', '0'],
    ['RATE_LIMIT_AUTH_FAILURES', 'ten'],
    ['REDIS_URL', 'http://127.0.0.1:6379'],
  ])('when %s is %s, then the configuration is refused naming it', (setting, value) => {
    // Act
    const load = () => loadConfig({ [setting]: value });

    // Assert
    expect(load).toThrow(new RegExp(`Invalid configuration: .*${setting}`));
  });
});
