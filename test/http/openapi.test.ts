import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
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
