import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ping } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import { OPENAPI_PATH } from './docs.js';
import { problemResponses } from './problem.js';
import { API_V1, absoluteUrl } from './urls.js';

const ApiRootV1 = Type.Object(
  {
    customers: Type.String({ format: 'uri' }),
    orders: Type.String({ format: 'uri' }),
    schema: Type.String({ format: 'uri' }),
    docs: Type.String({ format: 'uri' }),
    swagger_docs: Type.String({ format: 'uri' }),
  },
  { additionalProperties: false, title: 'API root' },
);

const HealthV1 = Type.Object(
  { status: Type.Literal('ok'), database: Type.Literal('ok') },
  { additionalProperties: false },
);

export const metaRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        operationId: 'apiRoot',
        summary: 'Links to every collection',
        tags: ['meta'],
        response: { 200: ApiRootV1, ...problemResponses() },
      },
    },
    async (request) => ({
      customers: absoluteUrl(request, `${API_V1}/customers/`),
      orders: absoluteUrl(request, `${API_V1}/orders/`),
      schema: absoluteUrl(request, OPENAPI_PATH),
      docs: absoluteUrl(request, `${API_V1}/docs/`),
      swagger_docs: absoluteUrl(request, `${API_V1}/swagger-docs/`),
    }),
  );

  app.get(
    '/health/',
    {
      schema: {
        operationId: 'health',
        summary: 'Liveness and database reachability',
        tags: ['meta'],
        response: { 200: HealthV1, ...problemResponses(503) },
      },
    },
    async (request) => {
      try {
        await ping(app.db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('service_unavailable', 'The database cannot be reached.', undefined, {
          'retry-after': '5',
        });
      }
      return { status: 'ok' as const, database: 'ok' as const };
    },
  );
};
