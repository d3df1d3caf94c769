import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

/**
 * Embedded runs: creating a PGlite cluster (initdb) costs seconds, so it is done once here, migrated, and
 * kept twice: as a dump, which each test file's in-memory database starts from, and as a data directory,
 * which each server or CLI process a test starts gets a copy of (test/helpers/processes.ts). Real-server
 * runs need nothing.
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const dir = await mkdtemp(join(tmpdir(), 'orderly-test-template-'));
  const dataDir = join(dir, 'data');
  const client = new PGlite(dataDir);
  await migrate(drizzle({ client }), { migrationsFolder: 'drizzle' });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const path = join(dir, 'data.tar');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  process.env.ORDERLY_TEST_TEMPLATE = path;
  process.env.ORDERLY_TEST_TEMPLATE_DIR = dataDir;
  return () => rm(dir, { recursive: true, force: true });
}
