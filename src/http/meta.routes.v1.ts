import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../db/client.js';
import { AppError } from '../shared/errors.js';
import { OPENAPI_PATH } from './docs.js';
import { problemResponses } from './problem.js';
import { API_V1, absoluteUrl } from './urls.js';

const ApiRootV1 = Type.Object(
  {
    customers: Type.String({ format: 'uri' }),
    items: Type.String({ format: 'uri' }),
    orders: Type.String({ format: 'uri' }),
    schema: Type.String({ format: 'uri' }),
    docs: Type.String({ format: 'uri' }),
    swagger_docs: Type.String({ format: 'uri' }),
  },
  { additionalProperties: false, title: 'API root' },
);

const HealthV1 = Type.Object(
  {
    status: Type.Literal('ok'),
    database: Type.Literal('ok'),
    sms: Type.Enum(['ok', 'paused'], {
      description: '`paused` while the SMS provider refuses our credentials: messages wait, nothing is lost.',
    }),
    sms_reason: Type.Optional(Type.String({ description: 'Why SMS sending is paused.' })),
  },
  { additionalProperties: false },
);

/** Providers that refuse our credentials now (the query also proves the database answers). */
export type SmsPauses = (db: Database) => Promise<{ provider: string; reason: string }[]>;

export const metaRoutesV1: FastifyPluginAsyncTypebox<{ smsPauses: SmsPauses }> = async (
  app,
  { smsPauses },
) => {
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
      items: absoluteUrl(request, `${API_V1}/items/`),
      orders: absoluteUrl(request, `${API_V1}/orders/`),
      schema: absoluteUrl(request, OPENAPI_PATH),
      docs: absoluteUrl(request, `${API_V1}/docs/`),
      swagger_docs: absoluteUrl(request, `${API_V1}/swagger-docs/`),
    }),
  );

  app.get(
    '/health/',
    {
      // A monitor's probe, like /livez and /readyz: no rate limit, and logged only when something is wrong.
      logLevel: 'warn',
      config: { versionless: true, rateLimit: false },
      schema: {
        operationId: 'health',
        summary: 'Liveness, database reachability and SMS sending',
        tags: ['meta'],
        response: { 200: HealthV1, ...problemResponses(503) },
      },
    },
    async (request) => {
      let pauses: Awaited<ReturnType<SmsPauses>>;
      try {
        pauses = await smsPauses(app.db);
      } catch (error) {
        request.log.error({ err: error }, 'database unreachable');
        throw new AppError('service_unavailable', 'The database cannot be reached.', undefined, {
          'retry-after': '5',
        });
      }
      const [pause] = pauses;
      return {
        status: 'ok' as const,
        database: 'ok' as const,
        ...(pause ? { sms: 'paused' as const, sms_reason: pause.reason } : { sms: 'ok' as const }),
      };
    },
  );
};
