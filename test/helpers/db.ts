import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/db/client.js';

/**
 * Where a test app keeps its data: a fresh in-memory PGlite, or, when DATABASE_URL is set,
 * a throw-away database on that server (dropped by the returned cleanup).
 */
export async function testDatabase(): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = process.env.ORDERLY_TEST_TEMPLATE;
    const from = template ? new Blob([await readFile(template)]) : undefined;
    return { target: { memory: true, from }, drop: async () => {} };
  }
  const name = `orderly_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { url: url.toString(), poolSize: 20 },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const onRealPostgres = Boolean(process.env.DATABASE_URL);
