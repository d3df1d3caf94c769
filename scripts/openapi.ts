import { writeFile } from 'node:fs/promises';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDeps } from '../src/deps.js';
import { type ApiVersion, openApiDocument } from '../src/http/docs.js';

/** Where each version's document is committed (test/http/openapi.test.ts fails when one differs). */
const committedDocuments: Record<ApiVersion, URL> = {
  v1: new URL('../docs/openapi.json', import.meta.url),
  v2: new URL('../docs/openapi.v2.json', import.meta.url),
};

/** Writes the OpenAPI document of every version the app serves to docs/ (`npm run openapi`). */
const deps = await createDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), { memory: true });
const app = await buildApp({ ...deps, db: deps.database.db, logger: false });
await app.ready();
for (const [version, file] of Object.entries(committedDocuments) as [ApiVersion, URL][]) {
  await writeFile(file, `${JSON.stringify(openApiDocument(app, version), null, 2)}\n`);
}
await app.close();
await deps.database.close();
