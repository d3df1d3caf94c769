import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Url } from '../shared/schemas.js';
import { apiDocs } from './docs.js';
import { problemResponses } from './problem.js';
import { API_V2, absoluteUrl } from './urls.js';

/**
 * The v2 entry point: a link to every resource and to the documentation. Health and sign-in are not
 * versioned resources and stay at their v1 paths.
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
  },
  { additionalProperties: false, title: 'API root' },
);

export const metaRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
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
    }),
  );
};
