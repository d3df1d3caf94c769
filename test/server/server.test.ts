import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDatabase, startServer } from '../helpers/processes.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
beforeAll(async () => {
  // A data directory that does not exist yet, as on a first `npm start`: the server creates the cluster.
  ({ env, drop } = await processDatabase({ fresh: true }));
});
afterAll(() => drop());

const oidcSettings = (issuer: string) => ({
  OIDC_ISSUER: issuer,
  OIDC_CLIENT_ID: 'orderly',
  OIDC_CLIENT_SECRET: 'secret',
});

/** A loopback HTTP server that answers every request with `handler`. */
async function listen(handler: RequestListener) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const TOKEN_LINE = /Its API token \(shown once\):\n\n {2}(oly_[A-Za-z0-9_-]{43})\n/;

describe('the server process', { timeout: 120_000 }, () => {
  it('when it first starts on an empty database, then it prints a bootstrap admin token once, and data survives a restart', async () => {
    const first = await startServer(env);
    let token: string;
    let customerUrl: string;
    try {
      token = TOKEN_LINE.exec(first.output())?.[1] ?? '';
      expect(token).not.toBe('');
      expect(first.output()).toMatch(
        /Open the staff console at http:\/\/localhost:\d+\/console\/ and paste the token/,
      );
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
    expect(first.output()).toContain('OpenID Connect sign-in is off (OIDC_ISSUER is unset)');

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

  it('when a URL carries an authorization code or a token, then the logs show the request without it', async () => {
    const server = await startServer(env);
    try {
      await fetch(
        `${server.url}/api/v1/api-auth/callback/?code=secret-code-123&state=secret-state-456&iss=x`,
      );
      await fetch(`${server.url}/api/v1/customers/?access_token=secret-token-789`);
      await fetch(`${server.url}/api/v1/notifications/callbacks/africastalking/?secret=secret-callback-000`, {
        method: 'POST',
      });
    } finally {
      expect(await server.stop()).toBe(0);
    }
    // Its request line names the route template, never the URL.
    expect(server.output()).toContain('"route":"/api/v1/api-auth/callback/"');
    expect(server.output()).not.toMatch(/secret-(code|state|token|callback)/);
  });

  it('when the OpenID provider cannot be reached at start, then the server starts anyway and says so', async () => {
    const silent = await listen((request) => request.socket.destroy());
    const server = await startServer({ ...env, ...oidcSettings(silent.url) });
    try {
      expect(server.output()).toMatch(/OIDC_ISSUER http:\/\/127\.0\.0\.1:\d+ cannot be reached/);
      const response = await fetch(`${server.url}/api/v1/api-auth/authenticate/`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toBe('oidc_unavailable');
    } finally {
      expect(await server.stop()).toBe(0);
      await silent.close();
    }
  });

  it('when OIDC_ISSUER is not an OpenID provider, then it exits with a message naming the setting', async () => {
    const notAProvider = await listen((_request, response) => response.writeHead(404).end('Not Found'));
    try {
      await expect(startServer({ ...env, ...oidcSettings(notAProvider.url) })).rejects.toThrow(
        /OIDC_ISSUER http:\/\/127\.0\.0\.1:\d+ is not a usable OpenID provider/,
      );
    } finally {
      await notAProvider.close();
    }
  });

  it('when OIDC settings are incomplete, then it exits naming them', async () => {
    await expect(startServer({ ...env, OIDC_CLIENT_ID: 'orderly' })).rejects.toThrow(
      /OIDC_ISSUER is required with OIDC_CLIENT_ID/,
    );
  });

  it('when an SMS template names an unknown placeholder, then it exits naming the setting and the placeholder', async () => {
    await expect(startServer({ ...env, SMS_TEMPLATE_ORDER_PLACED: 'Hi {nmae}, thanks' })).rejects.toThrow(
      /SMS_TEMPLATE_ORDER_PLACED: Unknown placeholder \{nmae\}/,
    );
  });

  it('when SMS settings do not fit together, then it exits naming them', async () => {
    await expect(
      startServer({ ...env, SMS_PROVIDER: 'africastalking', SMS_TIME_ZONE: 'Mars/Olympus_Mons' }),
    ).rejects.toThrow(
      /AT_USERNAME is required.*AT_API_KEY is required.*SMS_TIME_ZONE Mars\/Olympus_Mons is not an IANA time zone/,
    );
  });

  it('when DEFAULT_CURRENCY is not an ISO 4217 code, then it exits naming the setting', async () => {
    await expect(startServer({ ...env, DEFAULT_CURRENCY: 'XYZ' })).rejects.toThrow(
      /DEFAULT_CURRENCY XYZ is not an ISO 4217 code/,
    );
    await expect(startServer({ ...env, DEFAULT_CURRENCY: 'kes' })).rejects.toThrow(
      /DEFAULT_CURRENCY must match/,
    );
  });

  it('when the configuration is invalid, then it exits with a message naming the setting', async () => {
    await expect(startServer({ ...env, PORT: 'eighty' })).rejects.toThrow(
      /Invalid configuration: PORT must be integer/,
    );
  });
});
