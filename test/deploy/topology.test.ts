import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';
import {
  processDatabase,
  type RunningProcess,
  runCli,
  type ServerProcess,
  startServer,
  startWorker,
} from '../helpers/processes.js';

/**
 * The topology of deploy/ (compose.yaml, kubernetes/) as processes on this machine: the migration run once,
 * 2 API processes with DISPATCHER_IN_API=false, 2 `orderly worker` processes, one PostgreSQL database and,
 * when REDIS_URL is set, one Redis. No proxy: the test calls each API directly, as a balancer would.
 */

/** The path a balancer asks before it sends traffic to an API process. */
const READINESS_PATH = '/readyz';

/** Waits until an API process answers its readiness path with 200 (it listens before it is ready). */
async function waitUntilReady(api: ServerProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const response = await fetch(`${api.url}${READINESS_PATH}`).catch((error: Error) => error);
    if (!(response instanceof Error) && response.status === 200) return;
    last = response instanceof Error ? response.message : `${response.status}`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${api.url}${READINESS_PATH} was not ready within ${timeoutMs} ms (last: ${last})`);
}

interface Json {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: the bodies are the API's, checked by the assertions.
  body: any;
}

async function call(api: ServerProcess, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

/** Places an order for a new customer with phone `phone`, through `api`. */
async function placeOrder(api: ServerProcess, token: string, phone: string): Promise<void> {
  const customer = await call(api, token, 'POST', '/api/v1/customers/', {
    first_name: 'Njeri',
    second_name: 'Odhiambo',
    phone,
  });
  expect(customer.status, JSON.stringify(customer.body)).toBe(201);
  const order = await call(api, token, 'POST', '/api/v1/orders/', {
    customer: customer.body.id,
    item: 'Rice 5kg',
    quantity: 1,
    price_per_unit: '950.00',
  });
  expect(order.status, JSON.stringify(order.body)).toBe(201);
}

/** The RateLimit field's remaining count (draft-ietf-httpapi-ratelimit-headers: `"policy";r=N;t=N`). */
const remaining = (response: Json) => Number(/;r=(\d+);/.exec(response.headers.get('ratelimit') ?? '')?.[1]);

/** Per token or session, per minute: room for the other tests' requests, few enough to run out here. */
const RATE_LIMIT_PER_MINUTE = 100;

describe.skipIf(!onRealPostgres)(
  'the deployed topology as processes (PostgreSQL only: an embedded database is open in one process only)',
  { timeout: 60_000 },
  () => {
    const gateways: FakeAfricasTalking[] = [];
    const apis: ServerProcess[] = [];
    const workers: RunningProcess[] = [];
    let drop = async () => {};
    let adminToken = '';
    let staffId = 0;

    beforeAll(async () => {
      const database = await processDatabase();
      drop = database.drop;
      // Keys of their own in a shared Redis, the same for both APIs so that they count together.
      const env = {
        ...database.env,
        NODE_ENV: 'production',
        RATE_LIMIT_PREFIX: `orderly-test:${randomUUID()}:`,
      };

      // The migration service (Job) runs first and alone; the operator then creates the first admin.
      const migrated = await runCli(['migrate'], env);
      expect(migrated.code, migrated.stderr).toBe(0);
      expect((await runCli(['users', 'create', 'ops@example.com', '--admin'], env)).code).toBe(0);
      const staff = await runCli(['users', 'create', 'clerk@example.com'], env);
      staffId = Number(/\(id (\d+)\)/.exec(staff.stdout)?.[1]);
      adminToken = (await runCli(['tokens', 'create', 'ops@example.com'], env)).stdout.trim();

      // One gateway per worker, so that the test can tell which worker sent what; one send at a time each,
      // slowed down, so that neither worker can take all the work while the other sleeps.
      gateways.push(
        ...(await Promise.all([
          startFakeAfricasTalking({ latencyMs: 150 }),
          startFakeAfricasTalking({ latencyMs: 150 }),
        ])),
      );
      const apiEnv = {
        ...env,
        DISPATCHER_IN_API: 'false',
        RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      };
      apis.push(...(await Promise.all([startServer(apiEnv), startServer(apiEnv)])));
      workers.push(
        ...(await Promise.all(
          gateways.map((gateway) =>
            startWorker({
              ...env,
              SMS_PROVIDER: 'africastalking',
              AT_USERNAME: gateway.username,
              AT_API_KEY: gateway.apiKey,
              AT_BASE_URL: gateway.url,
              SMS_CONCURRENCY: '1',
            }),
          ),
        )),
      );
      await Promise.all(apis.map((api) => waitUntilReady(api)));
    }, 90_000);

    afterAll(async () => {
      const codes = await Promise.all([...apis, ...workers].map((process) => process.stop()));
      await drop();
      await Promise.all(gateways.map((gateway) => gateway.close()));
      expect(codes.every((code) => code === 0)).toBe(true);
    });

    test('when orders are placed through both APIs, then the two workers share the SMS and send each exactly once', async () => {
      // Arrange
      const [first, second] = apis as [ServerProcess, ServerProcess];
      const phones = Array.from({ length: 12 }, (_, i) => `+2547120000${String(i).padStart(2, '0')}`);

      // Act
      for (const [i, phone] of phones.entries())
        await placeOrder(i % 2 === 0 ? first : second, adminToken, phone);

      // Assert
      const sent = () =>
        gateways.flatMap((gateway) => gateway.received).filter((sms) => phones.includes(sms.to));
      await expect.poll(() => sent().length, { timeout: 20_000, interval: 100 }).toBeGreaterThanOrEqual(12);
      expect(
        sent()
          .map((sms) => sms.to)
          .sort(),
      ).toEqual(phones);
      expect(gateways.map((gateway) => gateway.received.length).every((count) => count > 0)).toBe(true);
      // Each recorded as sent after one attempt: no worker claims it again, so no later duplicate either.
      await expect
        .poll(
          async () => {
            const list = await call(second, adminToken, 'GET', '/api/v1/notifications/?limit=100');
            return list.body.results.map(
              (n: { status: string; attempts: number }) => `${n.status}/${n.attempts}`,
            );
          },
          { timeout: 10_000, interval: 200 },
        )
        .toEqual(phones.map(() => 'sent/1'));
      expect(workers.map((worker) => worker.output()).join('')).not.toMatch(/"level":(40|50)/);
    });

    test('when a token is made through one API, then the other accepts it at once, and refuses it once revoked through the first', async () => {
      // Arrange
      const [first, second] = apis as [ServerProcess, ServerProcess];
      const created = await call(first, adminToken, 'POST', '/api/v2/admin/tokens/', {
        user: staffId,
        name: 'Till 2',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);

      // Act
      const onSecond = await call(second, created.body.token, 'GET', '/api/v1/me/');
      const revoked = await call(
        first,
        adminToken,
        'POST',
        `/api/v2/admin/tokens/${created.body.id}/revoke/`,
      );

      // Assert
      expect(onSecond.status).toBe(200);
      expect(onSecond.body).toMatchObject({ id: staffId, email: 'clerk@example.com' });
      expect(revoked.status).toBe(200);
      await expect
        .poll(async () => (await call(second, created.body.token, 'GET', '/api/v1/me/')).status)
        .toBe(401);
    });

    test.skipIf(!process.env.REDIS_URL)(
      'when one caller’s requests are spread over both APIs, then they spend one budget in Redis, and once the first runs it out the second refuses too (needs REDIS_URL)',
      async () => {
        // Arrange
        const [first, second] = apis as [ServerProcess, ServerProcess];
        const created = await call(first, adminToken, 'POST', '/api/v2/admin/tokens/', {
          user: staffId,
          name: 'Budget',
        });
        const token: string = created.body.token;
        const alternating: Json[] = [];
        for (let i = 0; i < 6; i++)
          alternating.push(await call(i % 2 === 0 ? first : second, token, 'GET', '/api/v1/me/'));

        // Act
        let last = alternating.at(-1) as Json;
        for (let i = 0; i < RATE_LIMIT_PER_MINUTE && last.status === 200; i++) {
          last = await call(first, token, 'GET', '/api/v1/me/');
        }
        const onSecond = await call(second, token, 'GET', '/api/v1/me/');

        // Assert
        expect(alternating.map(remaining)).toEqual(
          [0, 1, 2, 3, 4, 5].map((i) => RATE_LIMIT_PER_MINUTE - 1 - i),
        );
        expect(last.status).toBe(429);
        expect(onSecond.status).toBe(429);
        expect(onSecond.body).toMatchObject({ error: 'rate_limited' });
      },
    );
  },
);
