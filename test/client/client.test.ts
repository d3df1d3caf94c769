import { readFile } from 'node:fs/promises';
import { createOrderlyClient } from '@orderly/client';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCHEMA, generateClientSchema } from '../../scripts/client-schema.js';
import { postCustomer, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

/** The SDK's requests, answered by the test app in memory (app.inject) instead of over a socket. */
async function injected(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answer = await t.app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    ...(request.body ? { payload: await request.text() } : {}),
  });
  return new Response(answer.statusCode === 204 || answer.statusCode === 304 ? null : answer.rawPayload, {
    status: answer.statusCode,
    headers: answer.headers as Record<string, string>,
  });
}

describe('@orderly/client', () => {
  it('when docs/openapi.v2.json changes, then the committed types are regenerated with it (npm run build)', async () => {
    // Arrange
    const committed = await readFile(CLIENT_SCHEMA, 'utf8');

    // Act
    const generated = await generateClientSchema();

    // Assert
    expect(committed).toBe(generated);
  });

  it('when an internal system lists customers with its API token, then it gets its page, typed', async () => {
    // Arrange
    const { api, user } = await signIn(t);
    const created = await postCustomer(api, { first_name: 'Amina', second_name: 'Otieno' });
    const client = createOrderlyClient({
      baseUrl: 'http://orderly.test',
      token: user.token,
      fetch: injected,
    });

    // Act
    const { data, error, response } = await client.GET('/api/v2/customers/', {
      params: { query: { limit: 20, count: true, search: 'Amina' } },
    });

    // Assert
    expect(error, JSON.stringify(error)).toBeUndefined();
    expect(response.status).toBe(200);
    expect(data?.count).toBe(1);
    expect(data?.results.map((customer) => customer.id)).toEqual([created.id]);
  });

  it('when the token is wrong, then the error is the problem document', async () => {
    // Arrange
    const client = createOrderlyClient({
      baseUrl: 'http://orderly.test',
      token: 'oly_wrong',
      fetch: injected,
    });

    // Act
    const { data, error, response } = await client.GET('/api/v2/me/');

    // Assert
    expect(data).toBeUndefined();
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ status: 401, error: 'invalid_token' });
  });
});
