import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase, runCli, startServer } from '../helpers/processes.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ env, drop } = await processDatabase());
});
afterAll(() => drop());

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}

const INFO = 30;

/** Every line of a JSON log (asserting that each line is one JSON object). */
function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      expect(() => JSON.parse(line), line).not.toThrow();
      return JSON.parse(line) as LogLine;
    });
}

/** A user and an API token minted by the CLI, as an operator would in production (no bootstrap token). */
async function operatorToken(email: string): Promise<{ userId: number; token: string }> {
  const created = await runCli(['users', 'create', email], env);
  expect(created.code, created.stderr).toBe(0);
  const userId = Number(/\(id (\d+)\)/.exec(created.stdout)?.[1]);
  const minted = await runCli(['tokens', 'create', email], env);
  expect(minted.code, minted.stderr).toBe(0);
  return { userId, token: minted.stdout.trim() };
}

describe('request logs of the server process', { timeout: 120_000 }, () => {
  it('when requests carry a token, a phone number, a secret query and an SMS is sent, then each request has one info line with its id, user, route, status and duration, and no line holds a secret', async () => {
    const { userId, token } = await operatorToken(`logs-${randomUUID()}@example.test`);
    const server = await startServer({ ...env, NODE_ENV: 'production', SMS_PROVIDER: 'console' });
    const phone = '+254711222333';
    const firstName = 'Nyokabimarker';
    const querySecret = `s3cr3t-${randomUUID()}`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let customerId: number;
    try {
      const customer = await fetch(`${server.url}/api/v1/customers/`, {
        method: 'POST',
        headers: { ...headers, 'x-request-id': 'log-test-create' },
        body: JSON.stringify({ first_name: firstName, second_name: 'Kamau', phone }),
      });
      expect(customer.status).toBe(201);
      customerId = ((await customer.json()) as { id: number }).id;
      const order = await fetch(`${server.url}/api/v1/orders/`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          customer: customerId,
          item: 'Sugar 1kg',
          quantity: 2,
          price_per_unit: '1.50',
        }),
      });
      expect(order.status).toBe(201);
      const read = await fetch(`${server.url}/api/v1/customers/${customerId}/?token=${querySecret}`, {
        headers: { ...headers, 'x-request-id': 'log-test-read' },
      });
      expect(read.status).toBe(200);
      const refused = await fetch(`${server.url}/api/v1/customers/`, {
        headers: { authorization: `Bearer ${token}x`, 'x-request-id': 'log-test-refused' },
      });
      expect(refused.status).toBe(401);
      const unknown = await fetch(`${server.url}/nowhere/${querySecret}?secret=${querySecret}`, {
        headers: { 'x-request-id': 'log-test-unknown' },
      });
      expect(unknown.status).toBe(404);
      await expect
        .poll(() => server.output().includes('SMS not sent: the console provider logs it'), {
          timeout: 10_000,
        })
        .toBe(true);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const output = server.output();
    for (const secret of [token, phone, phone.slice(4), firstName, querySecret]) {
      expect(output).not.toContain(secret);
    }
    const lines = logLines(output);
    const completed = (reqId: string) =>
      lines.filter((line) => line.reqId === reqId && line.level === INFO && line.msg === 'request completed');
    const [created] = completed('log-test-create');
    expect(completed('log-test-create')).toHaveLength(1);
    expect(created).toMatchObject({ userId, method: 'POST', route: '/api/v1/customers/', status: 201 });
    expect(created?.durationMs).toEqual(expect.any(Number));
    expect(completed('log-test-read')).toEqual([
      expect.objectContaining({ userId, method: 'GET', route: '/api/v1/customers/:id/', status: 200 }),
    ]);
    const [refusal] = completed('log-test-refused');
    expect(refusal).toMatchObject({ method: 'GET', route: '/api/v1/customers/', status: 401 });
    expect(refusal).not.toHaveProperty('userId');
    expect(completed('log-test-unknown')).toEqual([
      expect.objectContaining({ route: 'unmatched', status: 404 }),
    ]);
    // Fastify's own two lines per request are gone.
    expect(lines.filter((line) => line.msg === 'incoming request')).toEqual([]);
    const sms = lines.find((line) => line.msg === 'SMS not sent: the console provider logs it');
    expect(sms?.to).toBe('+2547******33');
  });

  it('when LOG_FORMAT is pretty, then the lines are for people, not JSON', async () => {
    const server = await startServer({ ...env, LOG_FORMAT: 'pretty' });
    try {
      expect((await fetch(`${server.url}/api/v1/`)).status).toBe(200);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('Server listening') || line.includes('request completed'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      expect(line.trimStart().startsWith('{')).toBe(false);
      expect(line).toMatch(/INFO/);
    }
  });
});
