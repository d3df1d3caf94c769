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

export interface Deps {
  config: Config;
  database: DatabaseHandle;
  tokens: TokenAuthenticator;
  /** The OpenID relying party and its bearer tokens, when OIDC_ISSUER is set. */
  oidc: OidcClient | undefined;
  providerTokens: ProviderTokenAuthenticator | undefined;
  outbox: Outbox;
  version: string;
}

/** Notified by the database (migration 0004) when a user is disabled or changes role, or a token is revoked. */
const AUTH_CHANGED_CHANNEL = 'orderly_auth_changed';

export const version: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

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

/** Opens the database, applies pending migrations and builds what the app and CLI share. */
export async function createDeps(
  config: Config,
  target: DatabaseTarget = databaseTarget(config),
): Promise<Deps> {
  const database = await openDatabase(target);
  let outbox: Outbox;
  try {
    // A bad template is a configuration error like any other, reported before migrating.
    outbox = new Outbox(config, database.db);
    await database.migrate();
  } catch (error) {
    await database.close();
    throw error;
  }
  const settings = oidcSettings(config);
  const oidc = settings ? new OidcClient(settings) : undefined;
  const tokens = createTokenAuthenticator(database.db, config.AUTH_CACHE_TTL_MS);
  const providerTokens =
    oidc && createProviderTokenAuthenticator(database.db, oidc, config.AUTH_CACHE_TTL_MS);
  try {
    // A user disabled or a token revoked by any process (the CLI, another instance) counts here at once.
    await database.listen(AUTH_CHANGED_CHANNEL, () => {
      tokens.forget();
      providerTokens?.forget();
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, tokens, oidc, providerTokens, outbox, version };
}
