import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Url } from '../shared/schemas.js';
import { apiDocs } from './docs.js';
import { problemResponses } from './problem.js';
import { API_V1, API_V2, absoluteUrl } from './urls.js';

const SignIn = Type.Object(
  {
    token_login: Url('POST an API token here (JSON, from a page of this site) to open a browser session.'),
    provider: Type.Union(
      [
        Type.Object(
          {
            name: Type.String({ description: 'The provider as people know it.', examples: ['Google'] }),
            url: Url('Open in the browser, with `?next=<path on this site>`, to sign in with the provider.'),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'Sign-in with OpenID Connect; null when the server has none configured.' },
    ),
    sign_out: Url('POST here (a form, with `?next=<path on this site>`) to end the browser session.'),
  },
  { additionalProperties: false, description: 'How a browser signs in and out (the paths are v1’s).' },
);

/**
 * The v2 entry point: a link to every resource and to the documentation, and how a browser signs in.
 * Health and sign-in are not versioned resources and stay at their v1 paths.
 */
const ApiRootV2 = Type.Object(
  {
    me: Url('The caller.'),
    customers: Url('Customers.'),
    items: Url('The catalogue.'),
    orders: Url('Orders.'),
    notifications: Url('SMS notifications of order events.'),
    schema: Url('The OpenAPI 3.1 document of v2.'),
    docs: Url('Redoc.'),
    swagger_docs: Url('Swagger UI.'),
    sign_in: SignIn,
  },
  { additionalProperties: false, title: 'API root' },
);

export const metaRoutesV2: FastifyPluginAsyncTypebox<{
  /** The OpenID provider's name, when sign-in with OpenID Connect is configured. */
  providerName: string | undefined;
}> = async (app, { providerName }) => {
  app.get(
    '/',
    {
      schema: {
        operationId: 'apiRoot',
        summary: 'Links to every resource and to the documentation',
        tags: ['meta'],
        response: { 200: ApiRootV2, ...problemResponses() },
      },
    },
    async (request) => ({
      me: absoluteUrl(request, `${API_V2}/me/`),
      customers: absoluteUrl(request, `${API_V2}/customers/`),
      items: absoluteUrl(request, `${API_V2}/items/`),
      orders: absoluteUrl(request, `${API_V2}/orders/`),
      notifications: absoluteUrl(request, `${API_V2}/notifications/`),
      schema: absoluteUrl(request, apiDocs.v2.schema),
      docs: absoluteUrl(request, `${API_V2}/docs/`),
      swagger_docs: absoluteUrl(request, `${API_V2}/swagger-docs/`),
      sign_in: {
        token_login: absoluteUrl(request, `${API_V1}/api-auth/token-login/`),
        provider:
          providerName === undefined
            ? null
            : { name: providerName, url: absoluteUrl(request, `${API_V1}/api-auth/authenticate/`) },
        sign_out: absoluteUrl(request, `${API_V1}/api-auth/logout/`),
      },
    }),
  );
};
