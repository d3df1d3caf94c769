import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openApiDocument } from '../../src/http/docs.js';
import { CUSTOMERS, expectProblem, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp, useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';
import { AUTHENTICATE } from '../helpers/oidc.js';

describe('without OIDC settings', () => {
  const t = useTestApp();

  test('when someone starts a browser login, then 404 oidc_disabled says that only API tokens work', async () => {
    // Act
    const response = await client(t.app).get(AUTHENTICATE);

    // Assert
    expectProblem(response, 404, 'oidc_disabled');
    expect(response.data.detail).toMatch(/OIDC_ISSUER/);
  });

  test('when a bearer token is not an API token, then 401 invalid_token (no provider to ask)', async () => {
    // Act
    const response = await client(t.app, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln').get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when the OpenAPI document is read, then it offers API tokens and the session, not OpenID Connect', async () => {
    // Act
    const schemes = (openApiDocument(t.app, 'v1') as { components: { securitySchemes: object } }).components
      .securitySchemes;

    // Assert
    expect(Object.keys(schemes).sort()).toEqual(['apiToken', 'sessionCookie']);
  });
});

describe('when the provider cannot be reached', () => {
  let silent: Server;
  let t: TestApp;

  beforeAll(async () => {
    // A port that accepts connections and never answers: every provider call times out or is refused.
    silent = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    t = await buildTestApp({
      PUBLIC_URL: 'http://orderly.test',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'orderly',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_AUDIENCE: 'https://orderly.test/api',
    });
  });

  afterAll(async () => {
    await t?.close();
    silent?.close();
  });

  test('then a browser login answers 503 oidc_unavailable with Retry-After, and API tokens still work', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const login = await client(t.app).get(AUTHENTICATE);
    const again = await client(t.app).get(AUTHENTICATE);

    // Assert
    expectProblem(login, 503, 'oidc_unavailable');
    expect(login.headers['retry-after']).toBe('5');
    expectProblem(again, 503, 'oidc_unavailable');
    expect((await api.get(CUSTOMERS)).statusCode).toBe(200);
  });

  test('then a provider JWT answers 503 oidc_unavailable, not 401', async () => {
    // Act
    const response = await client(t.app, 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln').get(CUSTOMERS);

    // Assert
    expectProblem(response, 503, 'oidc_unavailable');
  });
});
