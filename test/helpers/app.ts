import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database, DatabaseTarget } from '../../src/db/client.js';
import { createDeps, type Deps } from '../../src/deps.js';
import type { Readiness } from '../../src/http/probes.js';
import type { Clock } from '../../src/shared/clock.js';
import { testDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  target: DatabaseTarget;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Where the app writes its log lines (pino JSON, level info and up). Unset: it logs nothing. */
  log?: { write(line: string): void };
  /** The time the app goes by (the version lifecycle). Unset: the system clock. */
  clock?: Clock;
  /** The built staff console the app serves. Unset: dist/console. */
  consoleDir?: string;
  /** What /readyz reports, made on the app's database. Unset: ready. */
  readiness?: (db: Database) => Readiness;
}

const testConfig = (env: Record<string, string>) =>
  loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    // Every injected request comes from 127.0.0.1: the sign-in and bad-token tests are many people
    // signing in and failing from one address (test/http/rate-limit.test.ts sets its own budgets).
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_FAILURES: '100000',
    ...env,
  });

/** The real app on its own fresh database, configured from `env` like the server is from the environment. */
export async function buildTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const { target, drop } = await testDatabase();
  const deps = await createDeps(testConfig(env), target);
  const logger = options.log ? { level: 'info', stream: options.log } : false;
  const app = await buildApp({
    ...deps,
    db: deps.database.db,
    logger,
    clock: options.clock,
    consoleDir: options.consoleDir,
    readiness: options.readiness?.(deps.database.db),
  });
  await app.ready();
  return {
    app,
    deps,
    target,
    async close() {
      await app.close();
      deps.webhooks.close();
      await deps.database.close();
      await drop();
    },
  };
}

/**
 * Another API instance on the database of `first`: with its own connection pool on a PostgreSQL
 * server, as a second process would have; on PGlite (one process's database) over the same handle.
 */
export async function buildSecondInstance(
  first: OpenTestApp,
  env: Record<string, string> = {},
  options: Pick<TestAppOptions, 'clock'> = {},
): Promise<Omit<TestApp, 'target'>> {
  const config = testConfig(env);
  const deps = 'url' in first.target ? await createDeps(config, first.target) : first.deps;
  const app = await buildApp({ ...deps, config, db: deps.database.db, logger: false, clock: options.clock });
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      if (deps === first.deps) return;
      deps.webhooks.close();
      await deps.database.close();
    },
  };
}

/** A test app as its tests see it: no `close`, the file's hooks own its lifetime. */
export type OpenTestApp = Pick<TestApp, 'app' | 'deps' | 'target'>;

/**
 * One test app for the calling file: built before its first test, closed after its last.
 * Call it at the top of the file. `app` and `deps` are getters that read the app when used, so
 * use them inside tests and hooks only, not while the file is being collected.
 */
export function useTestApp(env: Record<string, string> = {}): OpenTestApp {
  let built: TestApp | undefined;
  beforeAll(async () => {
    built = await buildTestApp(env);
  });
  afterAll(async () => {
    await built?.close();
  });
  const current = (): TestApp => {
    if (!built) throw new Error('useTestApp: the app exists only in tests and hooks (beforeAll builds it).');
    return built;
  };
  return {
    get app() {
      return current().app;
    },
    get deps() {
      return current().deps;
    },
    get target() {
      return current().target;
    },
  };
}
