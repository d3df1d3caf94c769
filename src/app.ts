import type { SecureServerOptions } from 'node:http2';
import { fileURLToPath } from 'node:url';
import accepts from '@fastify/accepts';
import cookie from '@fastify/cookie';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyInstance,
  type FastifyPluginCallback,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
import { authPlugin, securitySchemes } from './auth/auth.plugin.js';
import { meRoutesV1, signInRoutesV1 } from './auth/auth.routes.v1.js';
import { meRoutesV2 } from './auth/auth.routes.v2.js';
import type { OidcClient } from './auth/oidc.service.js';
import type { ProviderTokenAuthenticator } from './auth/provider-tokens.service.js';
import { tokensRoutesV2 } from './auth/tokens.routes.v2.js';
import type { TokenAuthenticator } from './auth/tokens.service.js';
import { usersRoutesV2 } from './auth/users.routes.v2.js';
import { type Config, listSetting } from './config.js';
import { customersRoutesV1 } from './customers/customers.routes.v1.js';
import { customersRoutesV2 } from './customers/customers.routes.v2.js';
import type { Database, DatabaseHandle } from './db/client.js';
import { conditionalPlugin } from './http/conditional.js';
import { consoleRoutes } from './http/console.js';
import { cursorPagesPlugin } from './http/cursor-pages.js';
import { docsRoutes, openApiPlugin } from './http/docs.js';
import { idempotencyPlugin } from './http/idempotency.js';
import { jsonLdPlugin } from './http/jsonld.js';
import { lifecyclePlugin, v1Lifecycle } from './http/lifecycle.js';
import { boundedJsonParser, limitsPlugin } from './http/limits.js';
import { loggerOptions, requestLogPlugin } from './http/logging.js';
import { metaRoutesV1 } from './http/meta.routes.v1.js';
import { metaRoutesV2 } from './http/meta.routes.v2.js';
import { metricsPlugin } from './http/metrics.js';
import { migrationGuideRoutes } from './http/migration-guide.js';
import { negotiationPlugin } from './http/negotiation.js';
import { probesPlugin, Readiness } from './http/probes.js';
import { notFoundHandler, ProblemV1, problemPlugin } from './http/problem.js';
import { rateLimitPlugin } from './http/rate-limit.js';
import { requestIdFrom, requestIdPlugin } from './http/request-id.js';
import { securityPlugin } from './http/security.js';
import { sharedSerializerCompiler } from './http/serializers.js';
import {
  clientErrorHandler,
  closeSessionsOnClose,
  frameworkErrorHandler,
  limitConnections,
  secureServerOptions,
  type TlsFiles,
} from './http/transport.js';
import { API_V1, API_V2, urlsPlugin } from './http/urls.js';
import { validatorCompiler } from './http/validation.js';
import { itemsRoutesV1 } from './items/items.routes.v1.js';
import { itemsRoutesV2 } from './items/items.routes.v2.js';
import { activePauses } from './notifications/notifications.repository.js';
import { deliveryReportRoutesV1, notificationsRoutesV1 } from './notifications/notifications.routes.v1.js';
import { notificationsRoutesV2 } from './notifications/notifications.routes.v2.js';
import type { Outbox } from './notifications/outbox.js';
import { Metrics } from './observability/metrics.js';
import { ordersRoutesV1 } from './orders/orders.routes.v1.js';
import { ordersRoutesV2 } from './orders/orders.routes.v2.js';
import { type Clock, systemClock } from './shared/clock.js';
import { versionUsageRoutesV2 } from './versions/version-usage.routes.v2.js';
import { VersionUsage } from './versions/version-usage.service.js';
import type { WebhookAttempts } from './webhooks/attempts.js';
import { webhooksRoutesV2 } from './webhooks/webhooks.routes.v2.js';
import { documentedWebhooks } from './webhooks/webhooks.schemas.js';

export interface AppDeps {
  config: Config;
  db: Database;
  /** The handle `db` comes from: the metrics read its pool and errors. */
  database: Pick<DatabaseHandle, 'pool' | 'queryErrors'>;
  tokens: TokenAuthenticator;
  oidc: OidcClient | undefined;
  providerTokens: ProviderTokenAuthenticator | undefined;
  outbox: Outbox;
  webhooks: WebhookAttempts;
  version: string;
  /** The server's certificate and key: HTTPS (HTTP/2 and HTTP/1.1) instead of plain HTTP. */
  tls?: TlsFiles;
  /** Extra logger settings (tests silence it, the server may pretty-print). */
  logger?: FastifyServerOptions['logger'];
  /** The time the version lifecycle goes by (tests set it). Default: the system clock. */
  clock?: Clock;
  /** The built staff console. Default: dist/console, where `npm run build` writes it. */
  consoleDir?: string;
  /** What /readyz reports (the server's start and shutdown change it). Default: ready, `db` being migrated. */
  readiness?: Readiness;
  /** @fastify/otel's plugin, when tracing is on (src/observability/tracing.ts). */
  tracing?: FastifyPluginCallback;
}

const CONSOLE_DIR = fileURLToPath(new URL('../dist/console/', import.meta.url));

/**
 * Fastify on Node's HTTP/2 server with TLS, which serves HTTP/1.1 clients too. Fastify types its options and
 * the app by server kind; routes and plugins use only what HTTP/1 and HTTP/2 requests and replies share, so
 * both keep their HTTP/1 types: this cast is the one place where they differ.
 */
const fastifyOverTls = Fastify as unknown as (
  options: FastifyServerOptions & { http2: true; https: SecureServerOptions; http2SessionTimeout: number },
) => FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const options = {
    logger: deps.logger ?? loggerOptions(config),
    // Not Fastify's two lines per request: http/logging.ts logs one.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: requestIdFrom,
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A connection without traffic is closed; limitConnections() bounds the time a request may take.
    connectionTimeout: config.IDLE_TIMEOUT_MS,
    clientErrorHandler: clientErrorHandler(config),
    frameworkErrors: frameworkErrorHandler,
    // A request that reaches the app as it closes came on a connection accepted before the server stopped
    // accepting: it is served (with Connection: close) within SHUTDOWN_TIMEOUT_MS, like those in flight.
    return503OnClosing: false,
  };
  const app = (
    deps.tls
      ? fastifyOverTls({
          ...options,
          http2: true,
          https: secureServerOptions(deps.tls),
          http2SessionTimeout: config.IDLE_TIMEOUT_MS,
        })
      : Fastify(options)
  ).withTypeProvider<TypeBoxTypeProvider>();
  limitConnections(app.server, config);
  if (deps.tls) closeSessionsOnClose(app);

  app.setValidatorCompiler(validatorCompiler());
  app.setSerializerCompiler(sharedSerializerCompiler(app));
  app.decorate('db', deps.db);
  app.decorate('outbox', deps.outbox);
  app.decorate('webhooks', deps.webhooks);
  app.decorate('defaultCurrency', config.DEFAULT_CURRENCY);
  app.addSchema(ProblemV1);

  // JSON only, within the depth and size limits: text/plain (Fastify's other default) is refused with 415
  // like any other type.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser(
    ['application/json', 'application/merge-patch+json'],
    { parseAs: 'string' },
    boundedJsonParser(app.getDefaultJsonParser('error', 'error')),
  );

  // Before every other plugin and route, which it must see to trace them.
  if (deps.tracing) await app.register(deps.tracing);
  await app.register(requestIdPlugin);
  await app.register(requestLogPlugin);
  await app.register(urlsPlugin, { publicUrl: config.PUBLIC_URL });
  await app.register(problemPlugin);
  await app.register(metricsPlugin, {
    metrics: new Metrics({ ...deps.database, db: deps.db }, 'api'),
    token: config.METRICS_TOKEN,
  });
  const readiness = deps.readiness ?? new Readiness(deps.db, { connected: true });
  await app.register(probesPlugin, { readiness });
  await app.register(conditionalPlugin, { requireIfMatch: config.REQUIRE_IF_MATCH });
  await app.register(jsonLdPlugin);
  await app.register(cursorPagesPlugin, { readiness });
  await app.register(idempotencyPlugin, { ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS });
  await app.register(securityPlugin, {
    corsOrigins: listSetting(config.CORS_ORIGINS),
  });
  await app.register(limitsPlugin);
  await app.register(accepts);
  await app.register(cookie);
  // Before any route and the auth plugin, which reports failed credentials to it (request.authFailed).
  await app.register(rateLimitPlugin, {
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    signInPerMinute: config.RATE_LIMIT_SIGN_IN_PER_MINUTE,
    callbackPerMinute: config.RATE_LIMIT_CALLBACK_PER_MINUTE,
    authFailures: config.RATE_LIMIT_AUTH_FAILURES,
    redisUrl: config.REDIS_URL,
    prefix: config.RATE_LIMIT_PREFIX,
  });
  // One OpenAPI document per version: each version's scope registers its own (fastify-swagger#839).
  app.decorate('openApiDocuments', new Map());
  const documented = { version: deps.version, securitySchemes: securitySchemes(deps.oidc?.settings.issuer) };
  const oidcIssuer = deps.oidc?.settings.issuer;
  const authOptions = {
    tokens: deps.tokens,
    providerTokens: deps.providerTokens,
    sessionIdleSeconds: config.SESSION_IDLE_SECONDS,
  };

  // A user disabled through the API counts on this instance at once; the others hear of it from the database.
  const forgetCredentials = () => {
    deps.tokens.forget();
    deps.providerTokens?.forget();
  };

  const clock = deps.clock ?? systemClock;
  const usage = new VersionUsage(deps.db, {
    onError: (err) => app.log.warn({ err }, 'version usage not stored'),
  });
  app.addHook('onClose', () => usage.close());

  await app.register(async (v1) => {
    await v1.register(openApiPlugin, { api: 'v1', ...documented });
    await v1.register(
      async (api) => {
        // The scope answers its unknown paths itself, so that its hooks (the lifecycle's) run for them too.
        api.setNotFoundHandler(notFoundHandler);
        await api.register(lifecyclePlugin, { ...v1Lifecycle(config), clock, usage });
        await api.register(negotiationPlugin);
        await api.register(metaRoutesV1, { smsPauses: activePauses });
        await api.register(deliveryReportRoutesV1, { secret: config.AT_CALLBACK_SECRET });
        await api.register(signInRoutesV1, {
          oidc: deps.oidc,
          tokens: deps.tokens,
          sessionTtlSeconds: config.SESSION_TTL_SECONDS,
        });
        await api.register(async (owned) => {
          await owned.register(authPlugin, authOptions);
          await owned.register(meRoutesV1);
          await owned.register(customersRoutesV1);
          await owned.register(itemsRoutesV1);
          await owned.register(ordersRoutesV1);
          await owned.register(notificationsRoutesV1);
        });
      },
      { prefix: API_V1 },
    );
    await v1.register(docsRoutes, { api: 'v1', oidcIssuer });
  });

  await app.register(async (v2) => {
    await v2.register(openApiPlugin, { api: 'v2', ...documented, webhooks: documentedWebhooks() });
    await v2.register(
      async (api) => {
        await api.register(negotiationPlugin);
        await api.register(metaRoutesV2, {
          providerName: oidcIssuer && (config.OIDC_PROVIDER_NAME ?? new URL(oidcIssuer).hostname),
        });
        await api.register(async (owned) => {
          await owned.register(authPlugin, authOptions);
          await owned.register(meRoutesV2);
          await owned.register(customersRoutesV2);
          await owned.register(itemsRoutesV2);
          await owned.register(ordersRoutesV2);
          await owned.register(notificationsRoutesV2);
          await owned.register(webhooksRoutesV2);
          await owned.register(versionUsageRoutesV2, { usage, clock });
          await owned.register(usersRoutesV2, { forgetCredentials });
          await owned.register(tokensRoutesV2, { tokens: deps.tokens });
        });
      },
      { prefix: API_V2 },
    );
    await v2.register(docsRoutes, { api: 'v2', oidcIssuer });
  });

  await app.register(migrationGuideRoutes);
  await app.register(consoleRoutes, { dir: deps.consoleDir ?? CONSOLE_DIR, oidcIssuer });
  return app;
}
