import { readFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

/** The v2 document the SDK's types are generated from (committed, kept current by `npm run openapi`). */
export const V2_DOCUMENT = new URL('../docs/openapi.v2.json', import.meta.url);
/** The generated types, committed (test/client/client.test.ts fails when they differ from a fresh generation). */
export const CLIENT_SCHEMA = new URL('../packages/client/src/schema.ts', import.meta.url);

const HEADER = `/**
 * Generated from docs/openapi.v2.json by openapi-typescript (scripts/client-schema.ts, run by \`npm run build\`).
 * Do not edit: change the API, run \`npm run openapi\`, then \`npm run build\`.
 */

`;

/** The TypeScript types of the v2 document, as the build writes them to CLIENT_SCHEMA. */
export async function generateClientSchema(): Promise<string> {
  const document = JSON.parse(await readFile(V2_DOCUMENT, 'utf8'));
  const ast = await openapiTS(document, { alphabetize: false });
  return HEADER + astToString(ast);
}
