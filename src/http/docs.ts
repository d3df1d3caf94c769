import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { API_V1 } from './urls.js';

type Operation = {
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, string[]>[];
};
type PathItem = Record<string, Operation>;
type SecuritySchemes = NonNullable<
  NonNullable<FastifyDynamicSwaggerOptions['openapi']>['components']
>['securitySchemes'];

const redocBundle = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
export const OPENAPI_PATH = '/api/schema/';

/** Collects every route schema into the OpenAPI 3.1 document. Register before any route. */
export const openApiPlugin = fp(
  async (app: FastifyInstance, options: { version: string; securitySchemes: SecuritySchemes & object }) => {
    // With OpenID Connect, every operation that takes a bearer token takes the provider's too.
    const withOpenIdConnect = 'openIdConnect' in options.securitySchemes;
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Orderly API',
          version: options.version,
          description:
            'Customers and orders, each owned by the user who created it (admins see all). ' +
            'Errors are RFC 9457 problem details (`application/problem+json`) with a machine `error` code.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        tags: [
          { name: 'customers', description: 'People who place orders.' },
          { name: 'orders', description: 'Orders and their status: Pending → Closed | Cancelled.' },
          { name: 'notifications', description: 'SMS sent to customers on order events, and their fate.' },
          { name: 'auth', description: 'Signing in with the OpenID provider, and who the caller is.' },
          { name: 'meta', description: 'Entry points.' },
        ],
        components: {
          securitySchemes: options.securitySchemes,
        },
      },
      transformObject: (documentObject) => {
        const document =
          'openapiObject' in documentObject ? documentObject.openapiObject : documentObject.swaggerObject;
        for (const operations of Object.values(document.paths ?? {}) as PathItem[]) {
          // PATCH bodies are JSON merge patches (RFC 7396): both media types parse to the same schema.
          const content = operations.patch?.requestBody?.content;
          if (content?.['application/json'])
            content['application/merge-patch+json'] = content['application/json'];
          if (withOpenIdConnect) {
            for (const operation of Object.values(operations)) {
              if (operation.security?.length)
                operation.security = [...operation.security, { openIdConnect: [] }];
            }
          }
        }
        return document;
      },
      // Shared schemas keep their $id as their component name (e.g. components.schemas.Problem).
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    });
  },
  { name: 'openapi' },
);

/**
 * Swagger UI's own policy, widened by what it needs: the style attributes it sets from script, and
 * (with OpenID Connect) the provider's discovery document, which it reads for the Authorize dialog.
 */
function swaggerPolicy(oidcIssuer: string | undefined) {
  return (policy: string) => {
    const widened = policy.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'");
    return oidcIssuer ? `${widened} connect-src 'self' ${new URL(oidcIssuer).origin};` : widened;
  };
}

/** The OpenAPI document, Swagger UI and Redoc, all served from installed packages (no CDN). */
export async function docsRoutes(app: FastifyInstance, options: { oidcIssuer: string | undefined }) {
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());

  await app.register(swaggerUi, {
    routePrefix: `${API_V1}/swagger-docs`,
    uiConfig: { url: OPENAPI_PATH, persistAuthorization: false, tryItOutEnabled: true },
    staticCSP: true,
    transformStaticCSP: swaggerPolicy(options.oidcIssuer),
  });

  app.get(`${API_V1}/docs/`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:",
      )
      .send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Orderly API</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="${OPENAPI_PATH}"></redoc><script src="${API_V1}/docs/redoc.standalone.js"></script></body>
</html>`),
  );
  app.get(`${API_V1}/docs/redoc.standalone.js`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(createReadStream(redocBundle)),
  );
}
