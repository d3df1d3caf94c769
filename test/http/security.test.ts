import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CUSTOMERS, postCustomer, signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp, useTestApp } from '../helpers/app.js';

const APP_ORIGIN = 'https://app.example.com';

describe('security headers', () => {
  const t = useTestApp();

  test.each([
    ['a JSON response', '/api/v1/'],
    ['an error', '/api/v1/nothing-here/'],
    ['the OpenAPI document', '/api/schema/'],
  ])('when %s is served, then it carries the security headers and no X-Powered-By', async (_case, url) => {
    // Act
    const response = await t.app.inject({ method: 'GET', url });

    // Assert
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(response.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  test('when TRUST_PROXY is off and a client sends X-Forwarded-Proto: https itself, then no HSTS and no https links follow from it', async () => {
    // Act
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/',
      headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' },
    });

    // Assert
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.json().customers).toBe('http://localhost/api/v1/customers/');
  });

  test('when the docs pages are served, then each has its own policy that lets its scripts run', async () => {
    // Act
    const redoc = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    const swagger = await t.app.inject({ method: 'GET', url: '/api/v1/swagger-docs/static/index.html' });

    // Assert
    expect(redoc.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(swagger.headers['content-security-policy']).toMatch(/script-src 'self'/);
  });

  test('when CORS_ORIGINS is empty, then a cross-origin caller gets no CORS permission', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/', headers: { origin: APP_ORIGIN } });

    // Assert
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  test('when a large list is asked for with Accept-Encoding, then it is compressed (br, else gzip); small bodies are not', async () => {
    // Arrange
    const { api, user } = await signIn(t);
    for (let i = 0; i < 12; i++) await postCustomer(api);
    const headers = (encoding: string) => ({
      authorization: `Bearer ${user.token}`,
      'accept-encoding': encoding,
    });

    // Act
    const br = await t.app.inject({
      method: 'GET',
      url: `${CUSTOMERS}?limit=12`,
      headers: headers('br, gzip'),
    });
    const gzip = await t.app.inject({
      method: 'GET',
      url: `${CUSTOMERS}?limit=12`,
      headers: headers('gzip'),
    });
    const plain = await t.app.inject({
      method: 'GET',
      url: `${CUSTOMERS}?limit=12`,
      headers: headers('identity'),
    });
    const small = await t.app.inject({
      method: 'GET',
      url: `${CUSTOMERS}?limit=1`,
      headers: headers('gzip'),
    });

    // Assert
    expect(br.headers['content-encoding']).toBe('br');
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(String(br.headers.vary)).toMatch(/Authorization/);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body).results).toHaveLength(12);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('over HTTPS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ PUBLIC_URL: 'https://api.example.com' });
  });
  afterAll(() => t?.close());

  test('when the API is served over HTTPS, then responses carry Strict-Transport-Security', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/' });

    // Assert
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});

describe('behind a TLS-terminating proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ TRUST_PROXY: 'true' });
  });
  afterAll(() => t?.close());

  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' };

  test('when TRUST_PROXY=true and the proxy forwards an HTTPS request, then the response carries HSTS and https links', async () => {
    // Act
    const proxied = await t.app.inject({ method: 'GET', url: '/api/v1/', headers: forwarded });
    const direct = await t.app.inject({ method: 'GET', url: '/api/v1/' });

    // Assert
    expect(proxied.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(proxied.json().customers).toBe('https://api.example.com/api/v1/customers/');
    expect(direct.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('CORS for listed origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ CORS_ORIGINS: `${APP_ORIGIN}, https://admin.example.com` });
  });
  afterAll(() => t?.close());

  test('when a listed origin sends a preflight, then it may send credentials, Authorization and JSON', async () => {
    // Act
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: CUSTOMERS,
      headers: {
        origin: APP_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

    // Assert
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(String(response.headers['access-control-allow-methods'])).toMatch(/POST/);
    expect(response.headers.vary).toMatch(/Origin/);
  });

  test('when a listed origin reads, then it may see the response and its Location, ETag, error, replay and rate-limit headers', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/', headers: { origin: APP_ORIGIN } });

    // Assert
    expect(response.headers['access-control-allow-origin']).toBe(APP_ORIGIN);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/X-API-Error-Code/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/\bRateLimit\b/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/RateLimit-Policy/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/Retry-After/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/\bETag\b/);
    expect(String(response.headers['access-control-expose-headers'])).toMatch(/Idempotent-Replayed/);
  });

  test('when a listed origin reads authenticated data, then Vary names both the origin and the credentials', async () => {
    // Arrange
    const { user } = await signIn(t);

    // Act
    const response = await t.app.inject({
      method: 'GET',
      url: CUSTOMERS,
      headers: { origin: APP_ORIGIN, authorization: `Bearer ${user.token}` },
    });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(String(response.headers.vary)).toMatch(/Origin/);
    expect(String(response.headers.vary)).toMatch(/Authorization/);
  });

  test('when an unlisted origin calls, then the browser is given no permission', async () => {
    // Act
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/',
      headers: { origin: 'https://evil.example' },
    });

    // Assert
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('caching of authenticated data', () => {
  const t = useTestApp();

  test('when a caller reads their data, then it is private, revalidated, and varies by credentials; HEAD answers like GET without a body', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomer(api);

    // Act
    const get = await api.get(`${CUSTOMERS}${customer.id}/`);
    const head = await api.head(`${CUSTOMERS}${customer.id}/`);

    // Assert
    expect(get.headers['cache-control']).toBe('private, no-cache');
    expect(String(get.headers.vary)).toMatch(/Authorization/);
    expect(String(get.headers.vary)).toMatch(/Cookie/);
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe(get.headers['content-type']);
    expect(head.headers['cache-control']).toBe('private, no-cache');
  });

  test('when an error is about credentials, then it is not cached either', async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: CUSTOMERS });

    // Assert
    expect(response.statusCode).toBe(401);
    expect(response.headers['cache-control']).toBe('private, no-cache');
  });
});
