// First: tracing, when configured, hooks pg and node:http before the modules below load them.
import './observability/tracing.js';
import { buildApp } from './app.js';
import { bootstrapAdmin } from './auth/bootstrap.js';
import { OidcSetupError } from './auth/oidc.service.js';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseInUseError } from './db/client.js';
import { createDeps } from './deps.js';
import { startMetricsServer } from './http/metrics.js';
import { readTlsFiles } from './http/transport.js';
import { startDispatcher } from './notifications/delivery.js';
import { tracing } from './observability/tracing.js';

async function main() {
  const config = loadConfig();
  const tls = await readTlsFiles(config);
  const deps = await createDeps(config);
  const app = await buildApp({ ...deps, db: deps.database.db, tls, tracing: tracing?.plugin });
  app.log.info({ database: deps.database.kind, location: deps.database.location }, 'database ready');

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

  const origin =
    config.PUBLIC_URL?.replace(/\/+$/, '') ?? `${tls ? 'https' : 'http'}://localhost:${config.PORT}`;
  if (config.NODE_ENV !== 'production') {
    const bootstrap = await bootstrapAdmin(deps.database.db);
    if (bootstrap) {
      // Printed once, on the first start of an empty database; only its hash is stored.
      process.stdout.write(
        `\nFirst start: created admin ${bootstrap.email}. Its API token (shown once):\n\n  ${bootstrap.token}\n\n` +
          `Open the staff console at ${origin}/console/ and paste the token to sign in, or try the API:\n` +
          `  curl -H "Authorization: Bearer ${bootstrap.token}" ${origin}/api/v2/customers/\n\n`,
      );
    }
  }

  const dispatcher = config.DISPATCHER_IN_API
    ? await startDispatcher(config, deps.database, app.log.child({ component: 'dispatcher' }), app.metrics)
    : undefined;
  const metricsServer =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer(app.metrics, { host: config.HOST, port: config.METRICS_PORT }, app.log);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // The sends in progress finish (and are recorded) before the database closes.
    await Promise.all([app.close(), dispatcher?.stop(), metricsServer?.close()]);
    await deps.database.close();
    await tracing?.shutdown();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  app.log.info(`staff console at ${origin}/console/`);
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
