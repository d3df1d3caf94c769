import { describe, expect, test } from 'vitest';
import { expectProblem, pathOf, signIn, V2 } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { client } from '../helpers/http.js';

const t = useTestApp();

describe('the v2 entry points', () => {
  test('when the v2 root is read, then it links every v2 resource, the v2 docs and sign-in, and each resource link answers', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const root = await client(t.app).get(V2);

    // Assert
    expect(root.statusCode).toBe(200);
    const { sign_in: signInLinks, ...resources } = root.data;
    expect(signInLinks).toEqual({
      token_login: 'http://localhost/api/v1/api-auth/token-login/',
      provider: null,
      sign_out: 'http://localhost/api/v1/api-auth/logout/',
    });
    expect(resources).toEqual({
      me: 'http://localhost/api/v2/me/',
      customers: 'http://localhost/api/v2/customers/',
      items: 'http://localhost/api/v2/items/',
      orders: 'http://localhost/api/v2/orders/',
      notifications: 'http://localhost/api/v2/notifications/',
      schema: 'http://localhost/api/v2/schema/',
      docs: 'http://localhost/api/v2/docs/',
      swagger_docs: 'http://localhost/api/v2/swagger-docs/',
    });
    for (const link of Object.values<string>(resources)) {
      const response = await api.get(pathOf(link));
      expect(response.statusCode, link).toBe(200);
    }
  });

  test('when the caller asks who they are through v2, then v1’s answer with its v2 url; without credentials 401', async () => {
    // Arrange
    const { user, api } = await signIn(t);

    // Act
    const me = await api.get('/api/v2/me/');
    const anonymous = await client(t.app).get('/api/v2/me/');

    // Assert
    expect(me.data).toEqual({
      url: 'http://localhost/api/v2/me/',
      id: user.id,
      email: user.email,
      role: 'staff',
      auth_method: 'api_token',
      session: null,
    });
    expect(me.data).toEqual({ url: me.data.url, ...(await api.get('/api/v1/me/')).data });
    expectProblem(anonymous, 401, 'unauthorized');
  });
});
