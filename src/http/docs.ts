import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import swagger, { type FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { API_V1, API_V2 } from './urls.js';

type Operation = {
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, string[]>[];
};
type PathItem = Record<string, Operation>;
type SecuritySchemes = NonNullable<
  NonNullable<FastifyDynamicSwaggerOptions['openapi']>['components']
>['securitySchemes'];

const redocBundle = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');

export type ApiVersion = 'v1' | 'v2';

/** Where each version's document and its pages are served. v1's document keeps its original path. */
export const apiDocs = {
  v1: { schema: '/api/schema/', prefix: API_V1 },
  v2: { schema: `${API_V2}/schema/`, prefix: API_V2 },
} as const satisfies Record<ApiVersion, { schema: string; prefix: string }>;

/** The v1 document's path (its original one). */
export const OPENAPI_PATH = apiDocs.v1.schema;

declare module 'fastify' {
  interface FastifyInstance {
    /** The OpenAPI document of each version, filled in by each version's scope (see `openApiDocument`). */
    openApiDocuments: Map<ApiVersion, () => Record<string, unknown>>;
  }
}

/** The OpenAPI document of `version`, as served: for scripts and tests, from the root instance. */
export function openApiDocument(app: FastifyInstance, version: ApiVersion): Record<string, unknown> {
  const document = app.openApiDocuments.get(version);
  if (!document) throw new Error(`No OpenAPI document for ${version}: is its scope registered?`);
  return document();
}

const tags = {
  customers: { name: 'customers', description: 'People who place orders.' },
  items: { name: 'items', description: 'The catalogue: what orders may name; admins change it.' },
  orders: { name: 'orders', description: 'Orders and their status: Pending → Closed | Cancelled.' },
  notifications: {
    name: 'notifications',
    description: 'SMS sent to customers on order events, and their fate.',
  },
  webhooks: {
    name: 'webhooks',
    description:
      'Admins only: endpoints of the other systems that receive signed events (Standard Webhooks), and ' +
      'their deliveries. The payloads are described under `webhooks`.',
  },
  auth: { name: 'auth', description: 'Signing in with the OpenID provider, and who the caller is.' },
  meta: { name: 'meta', description: 'Entry points.' },
  admin: {
    name: 'admin',
    description: 'Admins only: users, API tokens, and who still calls deprecated API versions.',
  },
};

const DESCRIPTION =
  'Customers and orders, each owned by the user who created it (admins see all). ' +
  'Errors are RFC 9457 problem details (`application/problem+json`) with a machine `error` code.';

/** What differs between the versions' documents: the title, description and tags. */
const documentInfo = {
  v1: {
    title: 'Orderly API',
    description: DESCRIPTION,
    tags: [tags.customers, tags.items, tags.orders, tags.notifications, tags.auth, tags.meta],
  },
  v2: {
    title: 'Orderly API v2',
    description:
      `${DESCRIPTION} Lists are pages of a keyset (cursor) pagination: \`limit\` and an opaque \`cursor\`, ` +
      'with `next` and `previous` links in the body and in a `Link` header (RFC 8288); `count=true` adds ' +
      'the exact number of matching rows. Money is a decimal string with its `currency`; related objects ' +
      'are inline with their `url`. The migration guide from v1 is docs/migrating-to-v2.md.',
    tags: [
      { ...tags.auth, description: 'Who the caller is.' },
      tags.customers,
      tags.items,
      tags.orders,
      tags.notifications,
      tags.webhooks,
      tags.admin,
      tags.meta,
    ],
  },
};

/**
 * Collects the route schemas of the scope it is registered in into that version's OpenAPI 3.1 document.
 * Each version registers it in a scope of its own (as mcollina recommends in fastify/fastify-swagger#839),
 * before its routes: a document holds its own version's operations only. The root instance must carry
 * `openApiDocuments`, where the document is listed.
 */
export const openApiPlugin = fp(
  async (
    app: FastifyInstance,
    options: {
      api: ApiVersion;
      version: string;
      securitySchemes: SecuritySchemes & object;
      /** OpenAPI 3.1 `webhooks`: the requests the API sends, by name. */
      webhooks?: Record<string, unknown>;
    },
  ) => {
    // With OpenID Connect, every operation that takes a bearer token takes the provider's too.
    const withOpenIdConnect = 'openIdConnect' in options.securitySchemes;
    const info = documentInfo[options.api];
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: info.title,
          version: options.version,
          description: info.description,
          license: { name: 'MIT', identifier: 'MIT' },
        },
        tags: info.tags,
        ...(options.webhooks ? { webhooks: options.webhooks } : {}),
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
    app.openApiDocuments.set(options.api, () => app.swagger() as unknown as Record<string, unknown>);
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

/**
 * A version's OpenAPI document, Swagger UI and Redoc, all served from installed packages (no CDN).
 * Register it in the version's scope, after `openApiPlugin`.
 */
export async function docsRoutes(
  app: FastifyInstance,
  options: { api: ApiVersion; oidcIssuer: string | undefined },
) {
  const { schema, prefix } = apiDocs[options.api];
  app.get(schema, { schema: { hide: true } }, async () => app.swagger());

  await app.register(swaggerUi, {
    routePrefix: `${prefix}/swagger-docs`,
    uiConfig: { url: schema, persistAuthorization: false, tryItOutEnabled: true },
    staticCSP: true,
    transformStaticCSP: swaggerPolicy(options.oidcIssuer),
  });

  const title = documentInfo[options.api].title;
  app.get(`${prefix}/docs/`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:",
      )
      .send(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><redoc spec-url="${schema}"></redoc><script src="${prefix}/docs/redoc.standalone.js"></script></body>
</html>`),
  );
  app.get(`${prefix}/docs/redoc.standalone.js`, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(createReadStream(redocBundle)),
  );
}
