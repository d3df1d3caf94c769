import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { type ApiVersion, openApiDocument } from '../../src/http/docs.js';
import { signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

const versions = [
  ['v1', '/api/schema/', '../../docs/openapi.json'],
  ['v2', '/api/v2/schema/', '../../docs/openapi.v2.json'],
] as const satisfies readonly (readonly [ApiVersion, string, string])[];

type Spec = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
};

describe.each(versions)('OpenAPI document %s', (version, path, committedFile) => {
  it(`when the code changes, then the committed ${committedFile.slice(6)} is regenerated with it (npm run openapi)`, async () => {
    // Arrange
    const committed = JSON.parse(await readFile(new URL(committedFile, import.meta.url), 'utf8'));

    // Act
    const served = openApiDocument(t.app, version);

    // Assert
    expect(served).toEqual(committed);
  });

  it(`when ${path} is read, then it is that OpenAPI 3.1 document, every operation documenting its errors as problem+json, 503 with Retry-After too`, async () => {
    // Act
    const response = await t.app.inject({ method: 'GET', url: path });

    // Assert
    const spec = response.json() as Spec;
    expect(response.statusCode).toBe(200);
    expect(spec).toEqual(openApiDocument(t.app, version));
    expect(spec.openapi).toBe('3.1.0');
    for (const [route, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.responses, `${method} ${route}`).toHaveProperty(
          '500.content.application/problem+json',
        );
        // A database outage or a shutdown can answer any operation: database_unavailable, database_timeout.
        expect(operation.responses, `${method} ${route}`).toHaveProperty('503.headers.Retry-After');
      }
    }
  });

  it(`when ${version}'s document lists its operations, then they are ${version}'s only`, () => {
    // Act
    const spec = openApiDocument(t.app, version) as Spec;

    // Assert
    for (const route of Object.keys(spec.paths)) expect(route).toMatch(new RegExp(`^/api/${version}(/|$)`));
  });

  it(`when ${version}'s Redoc and Swagger UI pages are opened, then they show ${path}, from installed packages`, async () => {
    // Act
    const redoc = await t.app.inject({ method: 'GET', url: `/api/${version}/docs/` });
    const bundle = await t.app.inject({ method: 'GET', url: `/api/${version}/docs/redoc.standalone.js` });
    const swaggerUi = await t.app.inject({ method: 'GET', url: `/api/${version}/swagger-docs/` });
    const swaggerInit = await t.app.inject({
      method: 'GET',
      url: `/api/${version}/swagger-docs/static/swagger-initializer.js`,
    });

    // Assert
    expect(redoc.statusCode).toBe(200);
    expect(redoc.headers['content-type']).toMatch(/^text\/html/);
    expect(redoc.body).toContain(`<redoc spec-url="${path}">`);
    expect(redoc.body).toContain(`<script src="/api/${version}/docs/redoc.standalone.js">`);
    expect(redoc.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(bundle.statusCode).toBe(200);
    expect(swaggerUi.statusCode).toBe(200);
    expect(swaggerUi.headers['content-type']).toMatch(/^text\/html/);
    expect(swaggerUi.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(swaggerInit.statusCode).toBe(200);
    expect(swaggerInit.body).toContain(path);
  });
});

describe('problem types', () => {
  it('when a problem type URI is followed, then it describes that error code; an unknown one is 404', async () => {
    const { api } = await signIn(t);
    const missing = await api.get('/api/v1/customers/999999999/');
    const found = await api.get(new URL(missing.data.type).pathname);
    expect(found.statusCode).toBe(200);
    expect(found.data).toEqual({ error: 'not_found', title: 'Not found', status: 404 });
    const unknown = await api.get('/problems/no_such_error');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.data.error).toBe('not_found');
  });
});
