// First: tracing, when configured, hooks pg and node:http before the modules below load them.
import './observability/tracing.js';
import { buildApp } from './app.js';
import { bootstrapAdmin } from './auth/bootstrap.js';
import { OidcSetupError } from './auth/oidc.service.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseInUseError } from './db/client.js';
import { isUnreachable, runWhenReachable } from './db/startup.js';
import { configuredOrigin, connectSteps, openDeps } from './deps.js';
import { startMetricsServer } from './http/metrics.js';
import { Readiness } from './http/probes.js';
import { readTlsFiles } from './http/transport.js';
import { startDispatcher } from './notifications/delivery.js';
import type { Dispatcher } from './notifications/dispatcher.js';
import { tracing } from './observability/tracing.js';
import { connectionsOf, onShutdownSignal } from './shutdown.js';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/dispatcher.js';

async function main() {
  const config = loadConfig();
  const tls = await readTlsFiles(config);
  // A PostgreSQL server is not connected to yet: the server listens even while it cannot be reached.
  const deps = await openDeps(config);
  const readiness = new Readiness(deps.database.db, { connected: false });
  const app = await buildApp({ ...deps, db: deps.database.db, tls, readiness, tracing: tracing?.plugin });
  const connections = connectionsOf(app.server);

  if (!deps.oidc) {
    app.log.info('OpenID Connect sign-in is off (OIDC_ISSUER is unset)');
  } else {
    const { issuer } = deps.oidc.settings;
    try {
      await deps.oidc.start();
      app.log.info({ issuer }, 'OpenID Connect sign-in is on');
    } catch (error) {
      if (error instanceof OidcSetupError) throw error;
      // A provider that is briefly down must not keep the API (and its API tokens) down.
      app.log.error(
        { issuer },
        `OIDC_ISSUER ${issuer} cannot be reached (${error instanceof Error ? error.message : String(error)}); sign-in will work once it answers`,
      );
    }
  }

  const origin = configuredOrigin(config);

  const metricsServer =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer(app.metrics, { host: config.HOST, port: config.METRICS_PORT }, app.log);

  const starting = new AbortController();
  let started: Promise<boolean> = Promise.resolve(false);
  let dispatcher: Dispatcher | undefined;
  let webhookDispatcher: WebhookDispatcher | undefined;
  const stopped = onShutdownSignal({
    log: app.log,
    delayMs: config.SHUTDOWN_DELAY_MS,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    begin() {
      readiness.draining = true;
      starting.abort();
    },
    async drain() {
      // app.close(): stops accepting, closes idle connections (HTTP/2 sessions get GOAWAY), waits for the
      // requests in flight. The dispatchers finish and record their sends in progress meanwhile.
      await Promise.all([
        app.close(),
        started.then(
          () => Promise.all([dispatcher?.stop(), webhookDispatcher?.stop()]),
          () => {},
        ),
      ]);
      deps.webhooks.close();
      // Scraped until the drain is over, so that its last requests and sends are counted.
      await metricsServer?.close();
    },
    abort() {
      app.log.warn({ connections: connections.destroyAll() }, 'connections cut');
    },
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(`staff console at ${origin}/console/`);

  started = runWhenReachable(
    [
      ...connectSteps(deps),
      ...readiness.beforeReady,
      async () => {
        if (config.NODE_ENV === 'production') return;
        const bootstrap = await bootstrapAdmin(deps.database.db);
        if (!bootstrap) return;
        // Printed once, on the first start of an empty database; only its hash is stored.
        process.stdout.write(
          `\nFirst start: created admin ${bootstrap.email}. Its API token (shown once):\n\n  ${bootstrap.token}\n\n` +
            `Open the staff console at ${origin}/console/ and paste the token to sign in, or try the API:\n` +
            `  curl -H "Authorization: Bearer ${bootstrap.token}" ${origin}/api/v2/customers/\n\n`,
        );
      },
      async () => {
        if (!config.DISPATCHER_IN_API) return;
        dispatcher = await startDispatcher(
          config,
          deps.database,
          app.log.child({ component: 'dispatcher' }),
          app.metrics,
        );
        webhookDispatcher = startWebhookDispatcher(
          config,
          deps.database.db,
          deps.webhooks,
          app.log.child({ component: 'webhooks' }),
          app.metrics,
        );
      },
    ],
    {
      log: app.log,
      retryable: (error) => deps.database.kind === 'postgres' && isUnreachable(error),
      signal: starting.signal,
      onRetry: ({ reason, retryAt }) => readiness.connectionFailed(reason, retryAt),
    },
  );
  if (await started) {
    readiness.connected();
    app.log.info({ database: deps.database.kind, location: deps.database.location }, 'database ready');
  }

  await stopped;
  await deps.database.close();
  await tracing?.shutdown();
  process.exit(0);
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseInUseError ||
    error instanceof OidcSetupError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Orderly failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
});
