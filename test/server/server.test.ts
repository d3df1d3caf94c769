import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase, startServer } from '../helpers/processes.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ env, drop } = await processDatabase());
});
afterAll(() => drop());

const TOKEN_LINE = /Its API token \(shown once\):\n\n {2}(oly_[A-Za-z0-9_-]{43})\n/;

describe('the server process', { timeout: 120_000 }, () => {
  it('when it first starts on an empty database, then it prints a bootstrap admin token once, and data survives a restart', async () => {
    const first = await startServer(env);
    let token: string;
    let customerUrl: string;
    try {
      token = TOKEN_LINE.exec(first.output())?.[1] ?? '';
      expect(token).not.toBe('');
      const created = await fetch(`${first.url}/api/v1/customers/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          first_name: 'Persisted',
          second_name: 'Customer',
          phone: '+254712345678',
          code: 'KEEP1',
        }),
      });
      expect(created.status).toBe(201);
      customerUrl = new URL(String(created.headers.get('location'))).pathname;
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(first.output()).toContain('shutting down');

    const second = await startServer(env);
    try {
      expect(second.output()).not.toMatch(TOKEN_LINE);
      const read = await fetch(`${second.url}${customerUrl}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({
        first_name: 'Persisted',
        code: 'KEEP1',
        phone: '+254712345678',
      });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('when NODE_ENV is production, then no bootstrap user or token is created', async () => {
    const isolated = await processDatabase();
    const server = await startServer({ ...isolated.env, NODE_ENV: 'production' });
    try {
      expect(server.output()).not.toMatch(/token/i);
      const response = await fetch(`${server.url}/api/v1/customers/`);
      expect(response.status).toBe(401);
    } finally {
      expect(await server.stop()).toBe(0);
      await isolated.drop();
    }
  });

  it('when the configuration is invalid, then it exits with a message naming the setting', async () => {
    await expect(startServer({ ...env, PORT: 'eighty' })).rejects.toThrow(
      /Invalid configuration: PORT must be integer/,
    );
  });
});
