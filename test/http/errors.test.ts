import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, test } from 'vitest';
import { createToken } from '../../src/auth/tokens.service.js';
import { createUser, disableUser } from '../../src/auth/users.service.js';
import { type Api, CUSTOMERS, customerUrl, mergePatch, postCustomer, signIn } from '../helpers/api.js';
import { buildTestApp, useTestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

const t = useTestApp();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** POSTs `payload` to the customers collection byte for byte, labelled as `contentType`. */
const postRaw = (api: Api, payload: string, contentType = 'application/json') =>
  api.send({ method: 'POST', url: CUSTOMERS, headers: { 'content-type': contentType }, payload });

/** Asserts the one error format (RFC 9457 + Orderly's members) and returns the body. */
function expectProblem(response: LightMyRequestResponse, status: number, error: string, path?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(response.body);
  for (const member of [
    'type',
    'title',
    'status',
    'detail',
    'instance',
    'error',
    'message',
    'request_id',
    'timestamp',
  ]) {
    expect(body, `problem member ${member}`).toHaveProperty(member);
  }
  expect(body.status).toBe(status);
  expect(body.error).toBe(error);
  expect(response.headers['x-api-error-code']).toBe(error);
  expect(body.type).toMatch(new RegExp(`/problems/${error}$`));
  expect(body.title).toEqual(expect.stringMatching(/\S/));
  expect(body.detail).toEqual(expect.stringMatching(/\S/));
  expect(body.message).toBe(body.detail);
  if (path) expect(body.instance).toBe(path);
  expect(body.request_id).toBe(response.headers['x-request-id']);
  expect(Math.abs(Date.now() - Date.parse(body.timestamp))).toBeLessThan(60_000);
  return body;
}

describe('unknown paths and methods', () => {
  test('when a path does not exist, then 404 not_found as problem+json', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get('/api/v1/nothing-here?x=1');

    // Assert
    expectProblem(response, 404, 'not_found', '/api/v1/nothing-here');
  });

  test('when a path has a malformed percent-encoding, then 400 malformed_request as problem+json', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(`${CUSTOMERS}%zz/`);

    // Assert
    expectProblem(response, 400, 'malformed_request', `${CUSTOMERS}%zz/`);
  });

  test('when an id in the path is longer than any id, then 414 uri_too_long as problem+json', async () => {
    // Arrange
    const { api } = await signIn(t);
    const url = `${CUSTOMERS}${'1'.repeat(300)}/`;

    // Act
    const response = await api.get(url);

    // Assert
    expectProblem(response, 414, 'uri_too_long', url);
  });

  test('when a known path is called with another method, then 405 with an Allow header', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const collection = await api.delete(CUSTOMERS);
    const detail = await api.post(`${CUSTOMERS}1/`, customerBody());

    // Assert
    expectProblem(collection, 405, 'method_not_allowed', CUSTOMERS);
    const allow = String(collection.headers.allow).split(/,\s*/);
    expect(allow).toEqual(expect.arrayContaining(['GET', 'POST']));
    expect(allow).not.toContain('DELETE');
    expectProblem(detail, 405, 'method_not_allowed');
    expect(String(detail.headers.allow).split(/,\s*/)).toEqual(
      expect.arrayContaining(['GET', 'PUT', 'PATCH', 'DELETE']),
    );
  });

  test('when a collection is asked for with or without the trailing slash, then both work', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const created = await api.post('/api/v1/customers', customerBody());
    const withSlash = await api.get(CUSTOMERS);
    const withoutSlash = await api.get('/api/v1/customers');
    const detail = await api.get(`/api/v1/customers/${created.data.id}`);

    // Assert
    expect(created.statusCode).toBe(201);
    expect(withSlash.statusCode).toBe(200);
    expect(withoutSlash.statusCode).toBe(200);
    expect(withoutSlash.data).toEqual(withSlash.data);
    expect(detail.statusCode).toBe(200);
    expect(detail.data).toEqual(created.data);
  });
});

describe('authentication', () => {
  test('when no token is sent, then 401 with WWW-Authenticate and no invalid_token error', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'unauthorized', CUSTOMERS);
    expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(response.headers['www-authenticate']).not.toMatch(/invalid_token/);
  });

  test.each([
    ['garbage', 'Bearer not-a-token'],
    ['a well-formed unknown token', `Bearer oly_${'A'.repeat(43)}`],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('when the token is %s, then 401 with error="invalid_token"', async (_case, authorization) => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get(CUSTOMERS, { headers: { authorization } });

    // Assert
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer .*error="invalid_token"/);
  });

  test('when a token that worked is revoked, then the next request is 401', async () => {
    // Arrange
    const db = t.deps.database.db;
    const user = await createUser(db, { email: `revoked-${randomUUID()}@example.test`, role: 'staff' });
    const { token, row } = await createToken(db, { userId: user.id, name: 'soon revoked' });
    const api = client(t.app, token);
    expect((await api.get(CUSTOMERS)).statusCode).toBe(200);

    // Act
    await t.deps.tokens.revoke(row.id);
    const response = await api.get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  test('when a token has expired, then 401', async () => {
    // Arrange
    const db = t.deps.database.db;
    const user = await createUser(db, { email: `expired-${randomUUID()}@example.test`, role: 'staff' });
    const { token } = await createToken(db, { userId: user.id, expiresAt: new Date(Date.now() - 60_000) });

    // Act
    const response = await client(t.app, token).get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'invalid_token');
    expect(response.headers['www-authenticate']).toMatch(/error="invalid_token"/);
  });

  test('when a token expires between two requests, then the cached verification does not outlive it', async () => {
    // Arrange
    const db = t.deps.database.db;
    const user = await createUser(db, { email: `expiring-${randomUUID()}@example.test`, role: 'staff' });
    const { token } = await createToken(db, { userId: user.id, expiresAt: new Date(Date.now() + 1_500) });
    const api = client(t.app, token);
    expect((await api.get(CUSTOMERS)).statusCode).toBe(200);

    // Act
    await sleep(1_700);
    const response = await api.get(CUSTOMERS);

    // Assert
    expectProblem(response, 401, 'invalid_token');
  });

  test('when the token’s user is disabled, then 403 account_disabled', async () => {
    // Arrange
    const db = t.deps.database.db;
    const user = await createUser(db, { email: `disabled-${randomUUID()}@example.test`, role: 'staff' });
    const { token } = await createToken(db, { userId: user.id });
    await disableUser(db, user.email);

    // Act
    const response = await client(t.app, token).get(CUSTOMERS);

    // Assert
    expectProblem(response, 403, 'account_disabled');
  });
});

describe('request bodies', () => {
  test.each([
    ['text/plain', 'first_name=Amina'],
    ['application/x-www-form-urlencoded', 'first_name=Amina&second_name=Otieno&phone=%2B254712345678'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--'],
    ['application/xml', '<customer/>'],
  ])('when the body is %s, then 415 unsupported_media_type and nothing is stored', async (type, payload) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await postRaw(api, payload, type);

    // Assert
    expectProblem(response, 415, 'unsupported_media_type', CUSTOMERS);
    expect((await api.get(CUSTOMERS)).data.count).toBe(0);
  });

  test('when the body is larger than BODY_LIMIT, then 413 payload_too_large', async () => {
    // Arrange
    const { api } = await signIn(t);
    const payload = JSON.stringify(customerBody({ first_name: 'a'.repeat(t.deps.config.BODY_LIMIT) }));
    expect(t.deps.config.BODY_LIMIT).toBe(65_536);

    // Act
    const response = await postRaw(api, payload);

    // Assert
    expectProblem(response, 413, 'payload_too_large', CUSTOMERS);
  });

  test('when the body is just under BODY_LIMIT but a field is too long, then 400 naming the field, not 413', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ first_name: 'a'.repeat(60_000) }));

    // Assert
    const body = expectProblem(response, 400, 'validation_error');
    expect(body.details).toEqual([expect.objectContaining({ field: 'first_name', code: 'too_long' })]);
  });

  test.each([
    ['truncated JSON', '{"first_name": "Amina", '],
    ['a trailing comma', '{"first_name": "Amina",}'],
    ['single quotes', "{'first_name': 'Amina'}"],
    ['an empty body', ''],
  ])('when the body is %s, then 400 invalid_json', async (_case, payload) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await postRaw(api, payload);

    // Assert
    expectProblem(response, 400, 'invalid_json', CUSTOMERS);
  });

  test.each([
    [
      '__proto__',
      '{"__proto__": {"owner": 1}, "first_name": "A", "second_name": "B", "phone": "+254712345678"}',
    ],
    [
      'constructor.prototype',
      '{"constructor": {"prototype": {"owner": 1}}, "first_name": "A", "second_name": "B", "phone": "+254712345678"}',
    ],
  ])('when the body carries %s, then 400 and nothing is stored', async (_case, payload) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await postRaw(api, payload);

    // Assert
    expectProblem(response, 400, 'invalid_json', CUSTOMERS);
    expect((await api.get(CUSTOMERS)).data.count).toBe(0);
    expect(({} as Record<string, unknown>).owner).toBeUndefined();
  });

  test('when a merge-patch body carries __proto__, then 400 too', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await mergePatch(
      api,
      customerUrl(created.id),
      '{"__proto__": {"first_name": "Polluted"}}',
    );

    // Assert
    expectProblem(response, 400, 'invalid_json');
    expect((await api.get(customerUrl(created.id))).data).toEqual(created);
  });
});

describe('content negotiation', () => {
  test.each([['text/html'], ['application/xml'], ['text/html, application/xhtml+xml']])(
    'when Accept is only %s, then 406 not_acceptable as problem+json',
    async (accept) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(CUSTOMERS, { headers: { accept } });

      // Assert
      expectProblem(response, 406, 'not_acceptable', CUSTOMERS);
    },
  );

  test.each([
    ['*/*'],
    ['application/json'],
    ['application/*'],
    ['text/html, application/json;q=0.5'],
    ['application/problem+json'],
  ])('when Accept is %s, then 200 JSON', async (accept) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(CUSTOMERS, { headers: { accept } });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('request ids', () => {
  test('when a valid X-Request-ID is sent, then it is echoed in the header and in an error body', async () => {
    // Arrange
    const api = client(t.app);
    const id = `client-${randomUUID()}_A/b+c=`;

    // Act
    const ok = await api.get('/api/v1/', { headers: { 'x-request-id': id } });
    const failed = await api.get('/api/v1/missing/', { headers: { 'x-request-id': id } });

    // Assert
    expect(ok.headers['x-request-id']).toBe(id);
    expect(failed.headers['x-request-id']).toBe(id);
    expect(expectProblem(failed, 404, 'not_found').request_id).toBe(id);
  });

  test.each([
    ['200 characters', 'a'.repeat(200)],
    ['129 characters', 'a'.repeat(129)],
    ['spaces', 'hello world'],
    ['HTML', '<script>alert(1)</script>'],
    ['quotes', 'a"b'],
  ])('when X-Request-ID has %s, then it is replaced by a generated UUID', async (_case, given) => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get('/api/v1/missing/', { headers: { 'x-request-id': given } });

    // Assert
    expect(response.headers['x-request-id']).toMatch(UUID);
    expect(expectProblem(response, 404, 'not_found').request_id).toBe(response.headers['x-request-id']);
  });

  test('when no X-Request-ID is sent, then every response carries a fresh one', async () => {
    // Arrange
    const { api } = await signIn(t);
    const anonymous = client(t.app);

    // Act
    const responses = [
      await api.get(CUSTOMERS),
      await api.post(CUSTOMERS, customerBody()),
      await anonymous.get('/api/v1/'),
      await anonymous.get('/api/v1/nope'),
      await api.delete(CUSTOMERS),
      await anonymous.get(CUSTOMERS),
      await api.get(CUSTOMERS, { headers: { accept: 'text/html' } }),
      await anonymous.get('/api/v1/docs/'),
    ];
    responses.push(await api.delete(new URL(responses[1]?.headers.location as string).pathname));

    // Assert
    expect(responses.map((response) => response.statusCode)).toEqual([
      200, 201, 200, 404, 405, 401, 406, 200, 204,
    ]);
    const ids = responses.map((response) => response.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('internal errors', () => {
  test('when the database fails under a request, then 500 internal_error that reveals nothing internal', async () => {
    // Arrange: a separate app whose customers table has gone missing, so the query really fails.
    const broken = await buildTestApp();
    try {
      const { api } = await signIn(broken);
      await broken.deps.database.db.execute(sql`alter table customers rename to customers_moved_away`);

      // Act
      const response = await api.get(`${CUSTOMERS}?search=x`, { headers: { 'x-request-id': 'trace-500' } });

      // Assert
      const body = expectProblem(response, 500, 'internal_error', CUSTOMERS);
      expect(body.request_id).toBe('trace-500');
      expect(body).not.toHaveProperty('details');
      expect(response.body).not.toMatch(
        /customers_moved_away|relation|select|drizzle|pglite|postgres|\.ts|stack/i,
      );
    } finally {
      await broken.close();
    }
  });
});

describe('absolute URLs', () => {
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'api.example.com' };

  test('when TRUST_PROXY is off, then X-Forwarded-Proto/Host are ignored', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody(), { headers: forwarded });

    // Assert
    expect(response.statusCode).toBe(201);
    expect(new URL(response.data.url).origin).toBe('http://localhost');
    expect(response.headers.location).toBe(response.data.url);
  });

  test('when the Host header names a port past 65535, then links and problem types use localhost, not a 500', async () => {
    // Arrange
    const { api } = await signIn(t);
    const host = { host: '[::1]:99999' };

    // Act
    const created = await api.post(CUSTOMERS, customerBody(), { headers: host });
    const missing = await api.get(`${CUSTOMERS}999999/`, { headers: host });

    // Assert
    expect(created.statusCode).toBe(201);
    expect(new URL(created.data.url).origin).toBe('http://localhost');
    expectProblem(missing, 404, 'not_found');
    expect(missing.data.type).toBe('http://localhost/problems/not_found');
  });

  test('when TRUST_PROXY=true, then url, Location, page links and problem types use the forwarded origin', async () => {
    // Arrange
    const proxied = await buildTestApp({ TRUST_PROXY: 'true' });
    try {
      const { api } = await signIn(proxied);
      await api.post(CUSTOMERS, customerBody(), { headers: forwarded });

      // Act
      const created = await api.post(CUSTOMERS, customerBody(), { headers: forwarded });
      const list = await api.get(`${CUSTOMERS}?limit=1`, { headers: forwarded });
      const missing = await api.get(`${CUSTOMERS}999999/`, { headers: forwarded });
      const direct = await api.get(`${CUSTOMERS}?limit=1`);

      // Assert
      expect(created.data.url).toBe(`https://api.example.com${CUSTOMERS}${created.data.id}/`);
      expect(created.headers.location).toBe(created.data.url);
      expect(list.data.next).toBe('https://api.example.com/api/v1/customers/?limit=1&offset=1');
      expect(list.data.results[0].url).toMatch(/^https:\/\/api\.example\.com\//);
      expect(missing.data.type).toBe('https://api.example.com/problems/not_found');
      expect(new URL(direct.data.results[0].url).origin).toBe('http://localhost');
    } finally {
      await proxied.close();
    }
  });

  test('when PUBLIC_URL is set, then it wins over the Host and forwarded headers', async () => {
    // Arrange
    const published = await buildTestApp({ PUBLIC_URL: 'https://orders.example.org', TRUST_PROXY: 'true' });
    try {
      const { api } = await signIn(published);

      // Act
      const created = await api.post(CUSTOMERS, customerBody(), {
        headers: { ...forwarded, host: 'internal:8000' },
      });
      const root = await client(published.app).get('/api/v1/');

      // Assert
      expect(created.data.url).toBe(`https://orders.example.org${CUSTOMERS}${created.data.id}/`);
      expect(created.headers.location).toBe(created.data.url);
      expect(root.data.customers).toBe('https://orders.example.org/api/v1/customers/');
    } finally {
      await published.close();
    }
  });
});

describe('entry points and documentation', () => {
  test('when GET /api/v1/ is called without a token, then it links every collection and the docs', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get('/api/v1/');
    const noSlash = await api.get('/api/v1');

    // Assert
    expect(response.statusCode).toBe(200);
    // Compared as URLs: `http://localhost:80/x` and `http://localhost/x` are the same link.
    const links = Object.fromEntries(
      Object.entries(response.data as Record<string, string>).map(([name, url]) => [name, new URL(url).href]),
    );
    expect(links).toEqual({
      customers: 'http://localhost/api/v1/customers/',
      items: 'http://localhost/api/v1/items/',
      orders: 'http://localhost/api/v1/orders/',
      schema: 'http://localhost/api/schema/',
      docs: 'http://localhost/api/v1/docs/',
      swagger_docs: 'http://localhost/api/v1/swagger-docs/',
    });
    expect(noSlash.data).toEqual(response.data);
  });

  test('when GET /api/schema/, then an OpenAPI 3.1 document with the token scheme and the Problem schema', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const response = await api.get('/api/schema/');

    // Assert
    expect(response.statusCode).toBe(200);
    const spec = response.data;
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.components.securitySchemes.apiToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.components.schemas.Problem.properties).toEqual(
      expect.objectContaining({
        type: expect.anything(),
        title: expect.anything(),
        status: expect.anything(),
        detail: expect.anything(),
        error: expect.anything(),
        request_id: expect.anything(),
      }),
    );
    const create = spec.paths['/api/v1/customers/'].post;
    expect(create.security).toEqual([{ apiToken: [] }, { sessionCookie: [] }]);
    expect(Object.keys(create.responses)).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '409', '413', '415']),
    );
    expect(create.responses['409'].content['application/problem+json'].schema).toBeDefined();
  });

  test('when the Redoc page is opened, then it is HTML whose script is served locally', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const page = await api.get('/api/v1/docs/', { headers: { accept: 'text/html' } });
    const scripts = [...page.body.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    const assets = await Promise.all(
      scripts.map((src) => api.get(new URL(src, 'http://localhost/api/v1/docs/').pathname)),
    );

    // Assert
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(scripts).toEqual(['/api/v1/docs/redoc.standalone.js']);
    for (const asset of assets) {
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.body.length).toBeGreaterThan(100_000);
    }
  });

  test('when the Swagger UI page is opened, then it is HTML whose scripts and styles are served locally', async () => {
    // Arrange
    const api = client(t.app);

    // Act
    const page = await api.get('/api/v1/swagger-docs/', { headers: { accept: 'text/html' } });
    const assets = [...page.body.matchAll(/\s(?:src|href)="([^"]+)"/g)].map(
      (match) => new URL(match[1] as string, 'http://localhost/api/v1/swagger-docs/').pathname,
    );
    const responses = await Promise.all(assets.map((path) => api.get(path)));

    // Assert
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/api/v1/swagger-docs/static/swagger-ui-bundle.js',
        '/api/v1/swagger-docs/static/swagger-ui.css',
        '/api/v1/swagger-docs/static/swagger-initializer.js',
      ]),
    );
    responses.forEach((response, i) => {
      expect(response.statusCode, assets[i]).toBe(200);
    });
    const initializer = responses[assets.indexOf('/api/v1/swagger-docs/static/swagger-initializer.js')];
    expect(initializer?.body).toContain('/api/schema/');
    expect(initializer?.body).not.toMatch(/petstore/);
  });
});
