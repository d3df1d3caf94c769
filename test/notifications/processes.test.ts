import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../helpers/fake-africastalking.js';
import { processDatabase, startServer, startWorker } from '../helpers/processes.js';

const TOKEN_LINE = /Its API token \(shown once\):\n\n {2}(oly_[A-Za-z0-9_-]{43})\n/;

let fake: FakeAfricasTalking;
beforeAll(async () => {
  fake = await startFakeAfricasTalking();
});
afterAll(() => fake?.close());

const gatewayEnv = () => ({
  SMS_PROVIDER: 'africastalking',
  AT_USERNAME: fake.username,
  AT_API_KEY: fake.apiKey,
  AT_BASE_URL: fake.url,
});

/** Places an order, over HTTP, for a new customer with phone `phone`. */
async function placeOrder(url: string, token: string, phone: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const customer = await fetch(`${url}/api/v1/customers/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ first_name: 'Wanjiru', second_name: 'Kamau', phone }),
  });
  expect(customer.status).toBe(201);
  const { id } = (await customer.json()) as { id: number };
  const order = await fetch(`${url}/api/v1/orders/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ customer: id, item: 'Sugar 1kg', quantity: 2, price_per_unit: '1.50' }),
  });
  expect(order.status).toBe(201);
}

const smsTo = (phone: string) =>
  expect.poll(() => fake.received.filter((sms) => sms.to === phone).length, {
    timeout: 10_000,
    interval: 50,
  });

describe('SMS from running processes', { timeout: 60_000 }, () => {
  test('when an order is placed on the server, then its own dispatcher wakes and sends the SMS', async () => {
    // Arrange
    const { env, drop } = await processDatabase();
    const server = await startServer({ ...env, ...gatewayEnv() });
    try {
      const token = TOKEN_LINE.exec(server.output())?.[1] ?? '';

      // Act
      await placeOrder(server.url, token, '+254711000101');

      // Assert
      await smsTo('+254711000101').toBe(1);
    } finally {
      expect(await server.stop()).toBe(0);
      await drop();
    }
  });

  test('when the server gets SIGTERM during a send, then it finishes and records that send before it exits', async () => {
    // Arrange
    const { env, drop } = await processDatabase();
    const server = await startServer({ ...env, ...gatewayEnv() });
    const token = TOKEN_LINE.exec(server.output())?.[1] ?? '';
    fake.behave({ kind: 'slow', ms: 1_500 });
    try {
      await placeOrder(server.url, token, '+254711000303');
      await smsTo('+254711000303').toBe(1);

      // Act
      const code = await server.stop();

      // Assert
      expect(code).toBe(0);
    } finally {
      fake.behave({ kind: 'success' });
    }
    const again = await startServer({ ...env, ...gatewayEnv() });
    try {
      const list = await fetch(`${again.url}/api/v1/notifications/`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const [notification] = ((await list.json()) as { results: { status: string; attempts: number }[] })
        .results;
      expect(notification).toMatchObject({ status: 'sent', attempts: 1 });
      expect(fake.received.filter((sms) => sms.to === '+254711000303')).toHaveLength(1);
    } finally {
      expect(await again.stop()).toBe(0);
      await drop();
    }
  });

  test.runIf(onRealPostgres)(
    'when the dispatcher runs as `orderly worker` beside the API, then it sends, and SIGTERM stops it cleanly',
    async () => {
      // Arrange
      const { env, drop } = await processDatabase();
      const server = await startServer({ ...env, ...gatewayEnv(), DISPATCHER_IN_API: 'false' });
      const worker = await startWorker({ ...env, ...gatewayEnv() });
      try {
        const token = TOKEN_LINE.exec(server.output())?.[1] ?? '';

        // Act
        await placeOrder(server.url, token, '+254711000202');

        // Assert
        await smsTo('+254711000202').toBe(1);
        expect(server.output()).not.toMatch(/SMS dispatcher started/);
      } finally {
        expect(await worker.stop()).toBe(0);
        expect(worker.output()).toContain('Worker stopped.');
        expect(await server.stop()).toBe(0);
        await drop();
      }
    },
  );
});
