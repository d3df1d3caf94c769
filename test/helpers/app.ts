import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { testDatabase } from './db.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  close(): Promise<void>;
}

/** The real app on its own fresh database, configured from `env` like the server is from the environment. */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const { target, drop } = await testDatabase();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const deps = await createDeps(config, target);
  const app = await buildApp({ ...deps, db: deps.database.db, logger: false });
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      await deps.database.close();
      await drop();
    },
  };
}
