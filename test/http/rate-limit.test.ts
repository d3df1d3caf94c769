import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { CUSTOMERS, expectProblem, signIn } from '../helpers/api.js';
import { buildSecondInstance, buildTestApp, type TestApp } from '../helpers/app.js';
import { type ApiResponse, client } from '../helpers/http.js';
import { startTestIdp, type TestIdp } from '../helpers/idp.js';
import {
  API_ORIGIN,
  ME,
  newLogin,
  oidcEnv,
  CALLBACK as SIGN_IN_CALLBACK,
  signInWithBrowser,
} from '../helpers/oidc.js';
import { startRedis, type TestRedis } from '../helpers/redis.js';

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

/** The budgets of a deployment that sets none (the test helper raises some for the other files). */
const defaults = loadConfig({});
const DEFAULT_BUDGETS = {
  RATE_LIMIT_PER_MINUTE: String(defaults.RATE_LIMIT_PER_MINUTE),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: String(defaults.RATE_LIMIT_SIGN_IN_PER_MINUTE),
  RATE_LIMIT_AUTH_FAILURES: String(defaults.RATE_LIMIT_AUTH_FAILURES),
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
    await anonymous.get('/api/v2/', from('192.0.2.10'));
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

  test('when one IP keeps failing authentication, then its further failures get 429 while valid credentials from it are served, and the log names the IP but no token', async () => {
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
    const laterToken = madeUpToken();
    const failingAfterValid = await client(t.app, laterToken).get(CUSTOMERS, from(attacker));
    const validElsewhere = await client(t.app, user.token).get(CUSTOMERS, from('203.0.113.10'));
    const anonymousFromThere = await client(t.app).get(ROOT, from(attacker));

    // Assert
    expect(failures.map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectProblem(next, 429, 'rate_limited');
    expect(next.headers['ratelimit-policy']).toBe('"auth_failures";q=3;w=300');
    expect(Number(next.headers['retry-after'])).toBeGreaterThanOrEqual(rateLimit(next).reset);
    expect(Number(next.headers['retry-after'])).toBeLessThanOrEqual(300);
    expect(validFromThere.statusCode).toBe(200);
    expect(rateLimit(validFromThere).policy).toBe('default');
    expectProblem(failingAfterValid, 429, 'rate_limited');
    expect(validElsewhere.statusCode).toBe(200);
    expect(anonymousFromThere.statusCode).toBe(200);
    const warnings = log
      .text()
      .split('\n')
      .filter((line) => line.includes('repeated authentication failures'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0] as string)).toMatchObject({ level: 40, ip: attacker, failures: 3 });
    for (const token of [...tried, newToken, laterToken, user.token]) expect(log.text()).not.toContain(token);
  });
});

describe.each(stores)(
  'the default budgets with sign-in by OpenID Connect, counted %s',
  (_store, storeEnv) => {
    let idp: TestIdp;
    let t: TestApp;
    beforeAll(async () => {
      idp = await startTestIdp({ redirectUris: [`${API_ORIGIN}${SIGN_IN_CALLBACK}`] });
      t = await buildTestApp(oidcEnv(idp, { ...DEFAULT_BUDGETS, ...storeEnv }));
    });
    afterAll(async () => {
      await t?.close();
      await idp?.close();
    });

    /** Spends the auth-failure budget of `ip` and one failure more; returns the answer to that one. */
    async function lockOut(ip: string) {
      for (let i = 0; i < defaults.RATE_LIMIT_AUTH_FAILURES; i++) {
        await client(t.app, madeUpToken()).get(CUSTOMERS, from(ip));
      }
      return client(t.app, madeUpToken()).get(CUSTOMERS, from(ip));
    }

    test('when a client behind a shared address sends a revoked token 20 times, then a valid token from that address is served and the revoked one gets 429 with Retry-After', async () => {
      // Arrange
      const shared = '198.51.100.40';
      const stale = await signIn(t);
      await t.deps.tokens.revoke(stale.user.tokenId);
      const colleague = await signIn(t);
      const failures = [];
      for (let i = 0; i < 20; i++) failures.push(await stale.api.get(CUSTOMERS, from(shared)));

      // Act
      const valid = await colleague.api.get(CUSTOMERS, from(shared));
      const staleAgain = await stale.api.get(CUSTOMERS, from(shared));

      // Assert
      const allowed = defaults.RATE_LIMIT_AUTH_FAILURES;
      expect(failures.map((r) => r.statusCode)).toEqual([
        ...Array(allowed).fill(401),
        ...Array(20 - allowed).fill(429),
      ]);
      expect(valid.statusCode, valid.body).toBe(200);
      expectProblem(staleAgain, 429, 'rate_limited');
      expect(staleAgain.headers['ratelimit-policy']).toBe(`"auth_failures";q=${allowed};w=300`);
      const retryAfter = Number(staleAgain.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(Math.max(1, rateLimit(staleAgain).reset));
      expect(retryAfter).toBeLessThanOrEqual(300);
    });

    test('when an address is locked out, then a valid session cookie and a valid provider JWT from it are served, and a session cookie that fails gets 429', async () => {
      // Arrange
      const shared = '198.51.100.41';
      const login = newLogin();
      const session = await signInWithBrowser(t.app, idp, login);
      const jwt = await idp.signAccessToken(login);
      const lockedOut = await lockOut(shared);

      // Act
      const bySession = await client(t.app).get(ME, {
        cookies: { orderly_session: session.cookie },
        ...from(shared),
      });
      const byJwt = await client(t.app, jwt).get(ME, from(shared));
      const endedSession = await client(t.app).get(ME, {
        cookies: { orderly_session: randomBytes(32).toString('base64url') },
        ...from(shared),
      });

      // Assert
      expectProblem(lockedOut, 429, 'rate_limited');
      expect(bySession.statusCode, bySession.body).toBe(200);
      expect(bySession.data.auth_method).toBe('session');
      expect(byJwt.statusCode, byJwt.body).toBe(200);
      expect(byJwt.data.auth_method).toBe('oidc_jwt');
      expectProblem(endedSession, 429, 'rate_limited');
    });

    test('when 50 people sign in from one address at the same time, then none is refused, with room for as many again', async () => {
      // Arrange
      const office = Array.from({ length: 50 }, () => newLogin('colleague'));

      // Act
      const sessions = await Promise.all(office.map((login) => signInWithBrowser(t.app, idp, login)));

      // Assert (signInWithBrowser asserts that each start redirects to the provider and each callback signs in)
      expect(new Set(sessions.map((session) => session.cookie)).size).toBe(50);
      const left = sessions.map((session) => rateLimit(session.callback));
      expect(new Set(left.map(({ policy }) => policy))).toEqual(new Set(['sign_in']));
      expect(Math.min(...left.map(({ remaining }) => remaining))).toBeGreaterThanOrEqual(100);
    }, 60_000); // 50 complete sign-ins at the test provider
  },
);

describe.skipIf(!process.env.REDIS_URL)('rate limits shared through Redis', () => {
  let first: TestApp;
  let second: Awaited<ReturnType<typeof buildSecondInstance>>;
  beforeAll(async () => {
    const env = { ...LIMITS, ...redisEnv(process.env.REDIS_URL as string) };
    first = await buildTestApp(env);
    // On the first one's database, so that a token works on both, as behind a load balancer.
    second = await buildSecondInstance(first, env);
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

  test('when authentication failures from one address are spread over two instances, then they spend one budget together, and a valid token from it is served by both', async () => {
    // Arrange
    const shared = '192.0.2.51';
    const { user } = await signIn(first);
    const fail = (app: TestApp['app']) => client(app, madeUpToken()).get(CUSTOMERS, from(shared));
    const failures = [await fail(first.app), await fail(second.app), await fail(first.app)];

    // Act
    const failingOnSecond = await fail(second.app);
    const failingOnFirst = await fail(first.app);
    const validOnFirst = await client(first.app, user.token).get(CUSTOMERS, from(shared));
    const validOnSecond = await client(second.app, user.token).get(CUSTOMERS, from(shared));

    // Assert
    expect(failures.map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectProblem(failingOnSecond, 429, 'rate_limited');
    expectProblem(failingOnFirst, 429, 'rate_limited');
    expect(validOnFirst.statusCode).toBe(200);
    expect(validOnSecond.statusCode).toBe(200);
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

describe('when Redis goes away while the API serves and comes back', () => {
  let redis: TestRedis;
  let first: TestApp;
  let second: Awaited<ReturnType<typeof buildSecondInstance>>;
  const log = logSink();
  beforeAll(async () => {
    // A Redis of its own, which the test may stop: never the shared one of REDIS_URL.
    redis = await startRedis();
    const env = { ...LIMITS, ...redisEnv(redis.url) };
    first = await buildTestApp(env, { log });
    second = await buildSecondInstance(first, env);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
    await redis?.destroy();
  });

  /** A client address no other request of this file uses, so that each probe starts a fresh budget. */
  let lastAddress = 0;
  const freshAddress = () => {
    lastAddress++;
    return `198.18.${lastAddress >> 8}.${lastAddress & 255}`;
  };

  /**
   * The request's answer, or a failure if there is none after 2 s: the Redis command timeout is 500 ms,
   * so a request that waits longer waits for a Redis that is not there (a queued command, a reconnect).
   */
  async function answered(request: Promise<ApiResponse>): Promise<ApiResponse> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer within 2 s')), 2000);
    });
    try {
      return await Promise.race([request, hang]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One request from a fresh address to the first instance, then one to the second. */
  async function oneEach() {
    const address = freshAddress();
    const onFirst = await answered(client(first.app).get(ROOT, from(address)));
    const onSecond = await answered(client(second.app).get(ROOT, from(address)));
    expect([onFirst.statusCode, onSecond.statusCode]).toEqual([200, 200]);
    return [rateLimit(onFirst).remaining, rateLimit(onSecond).remaining];
  }

  /** Both instances count one address together: the second sees what the first spent. */
  const sharingOneBudget = async () => expect(await oneEach()).toEqual([2, 1]);

  test('then each process counts in memory while it is away, every request still answered, and they count in Redis again once it is back', async () => {
    // Arrange
    await sharingOneBudget();

    // Act: Redis goes away
    await redis.stop();
    const address = freshAddress();
    const onFirst = [];
    for (let i = 0; i < 4; i++) onFirst.push(await answered(client(first.app).get(ROOT, from(address))));
    const onSecond = await answered(client(second.app).get(ROOT, from(address)));

    // Assert: served, and limited by each process on its own
    expect(onFirst.slice(0, 3).map((r) => [r.statusCode, rateLimit(r).remaining])).toEqual([
      [200, 2],
      [200, 1],
      [200, 0],
    ]);
    expectProblem(onFirst[3] as ApiResponse, 429, 'rate_limited');
    expect(rateLimit(onFirst[3] as ApiResponse)).toMatchObject({ policy: 'default', remaining: 0 });
    expect(onSecond.statusCode).toBe(200);
    expect(rateLimit(onSecond).remaining).toBe(2);
    await vi.waitFor(() => expect(log.text()).toContain('Redis cannot be reached'), { timeout: 5000 });

    // Act: Redis is back, on the same address (and empty, as after a restart without persistence)
    await redis.start();

    // Assert: both instances reconnect by themselves (ioredis retries at most 2 s apart) and share again
    await vi.waitFor(sharingOneBudget, { timeout: 15_000, interval: 200 });
    const shared = freshAddress();
    const together = [
      await client(first.app).get(ROOT, from(shared)),
      await client(second.app).get(ROOT, from(shared)),
      await client(first.app).get(ROOT, from(shared)),
    ];
    const past = await client(second.app).get(ROOT, from(shared));
    expect(together.map((r) => rateLimit(r).remaining)).toEqual([2, 1, 0]);
    expectProblem(past, 429, 'rate_limited');
    await vi.waitFor(() => expect(log.text()).toContain('Redis answers again'), { timeout: 5000 });
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
