import { readFileSync } from 'node:fs';
import { OidcClient, oidcSettings } from './auth/oidc.service.js';
import {
  createProviderTokenAuthenticator,
  type ProviderTokenAuthenticator,
} from './auth/provider-tokens.service.js';
import { createTokenAuthenticator, type TokenAuthenticator } from './auth/tokens.service.js';
import type { Config } from './config.js';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from './db/client.js';
import { Outbox } from './notifications/outbox.js';
import { WebhookAttempts } from './webhooks/attempts.js';

export interface Deps {
  config: Config;
  database: DatabaseHandle;
  tokens: TokenAuthenticator;
  /** The OpenID relying party and its bearer tokens, when OIDC_ISSUER is set. */
  oidc: OidcClient | undefined;
  providerTokens: ProviderTokenAuthenticator | undefined;
  outbox: Outbox;
  /** Signs, sends and records webhook attempts: for the dispatchers and the API's test events and retries. */
  webhooks: WebhookAttempts;
  version: string;
}

/** Notified by the database (migration 0004) when a user is disabled or changes role, or a token is revoked. */
const AUTH_CHANGED_CHANNEL = 'orderly_auth_changed';

export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

/** The origin links start from outside a request (webhook payloads, messages): PUBLIC_URL, else this process. */
export function configuredOrigin(config: Config): string {
  return (
    config.PUBLIC_URL?.replace(/\/+$/, '') ??
    `${config.TLS_CERT_FILE ? 'https' : 'http'}://localhost:${config.PORT}`
  );
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.DATABASE_URL
    ? {
        url: config.DATABASE_URL,
        poolSize: config.DATABASE_POOL_SIZE,
        connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      }
    : { dataDir: config.DATA_DIR };
}

/**
 * Builds what the app and CLI share without using the database yet: a PostgreSQL server is not
 * connected to (it may be unreachable for now); the embedded one is opened. Then `connectDeps`.
 */
export async function openDeps(
  config: Config,
  target: DatabaseTarget = databaseTarget(config),
): Promise<Deps> {
  const database = await openDatabase(target);
  let outbox: Outbox;
  try {
    // A bad template is a configuration error like any other, reported before migrating.
    outbox = new Outbox(config, database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  const settings = oidcSettings(config);
  const oidc = settings ? new OidcClient(settings) : undefined;
  const tokens = createTokenAuthenticator(database.db, config.AUTH_CACHE_TTL_MS);
  const providerTokens =
    oidc && createProviderTokenAuthenticator(database.db, oidc, config.AUTH_CACHE_TTL_MS);
  const webhooks = new WebhookAttempts(config, database.db, configuredOrigin(config));
  return { config, database, tokens, oidc, providerTokens, outbox, webhooks, version };
}

/**
 * What `deps` needs of its database before serving, in order, each to be run once: apply pending
 * migrations, then listen for auth changes. A step that fails may be tried again (db/startup.ts).
 */
export function connectSteps(deps: Deps): (() => Promise<void>)[] {
  return [
    () => deps.database.migrate(),
    // A user disabled or a token revoked by any process (the CLI, another instance) counts here at once.
    () =>
      deps.database.listen(AUTH_CHANGED_CHANNEL, () => {
        deps.tokens.forget();
        deps.providerTokens?.forget();
      }),
  ];
}

/** Opens the database, applies pending migrations and builds what the app and CLI share; fails at once. */
export async function createDeps(
  config: Config,
  target: DatabaseTarget = databaseTarget(config),
): Promise<Deps> {
  const deps = await openDeps(config, target);
  try {
    for (const step of connectSteps(deps)) await step();
  } catch (error) {
    await deps.database.close();
    throw error;
  }
  return deps;
}
