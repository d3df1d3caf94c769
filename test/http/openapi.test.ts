import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('OpenAPI document', () => {
  it('when the code changes, then the committed docs/openapi.json is regenerated with it (npm run openapi)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));
    expect(t.app.swagger()).toEqual(committed);
  });

  it('when served, then it is OpenAPI 3.1 with every operation documenting its errors as problem+json', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/schema/' });
    const spec = response.json();
    expect(response.statusCode).toBe(200);
    expect(spec.openapi).toBe('3.1.0');
    for (const [path, operations] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(
      spec.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(operation.responses, `${method} ${path}`).toHaveProperty(
          '500.content.application/problem+json',
        );
      }
    }
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
