import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

/**
 * Embedded runs: creating a PGlite cluster (initdb) costs seconds, so it is done once here, migrated,
 * and dumped; each test file's database starts from this dump. Real-server runs need nothing.
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const client = new PGlite();
  await migrate(drizzle({ client }), { migrationsFolder: 'drizzle' });
  const dump = await client.dumpDataDir('none');
  await client.close();
  const path = join(tmpdir(), `orderly-test-template-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  process.env.ORDERLY_TEST_TEMPLATE = path;
}
