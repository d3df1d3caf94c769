import { writeFile } from 'node:fs/promises';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';

/** Writes the OpenAPI document the app serves to docs/openapi.json (CI fails when they differ). */
const deps = await createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { memory: true });
const app = await buildApp({ ...deps, db: deps.database.db, logger: false });
await app.ready();
await writeFile(
  new URL('../docs/openapi.json', import.meta.url),
  `${JSON.stringify(app.swagger(), null, 2)}\n`,
);
await app.close();
await deps.database.close();
