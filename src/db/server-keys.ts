import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from './client.js';
import { serverKeys } from './schema.js';

/** The names of the keys in `server_keys`. */
export type ServerKeyName = 'cursor' | 'webhook-secrets';

/**
 * The secret called `name`, the same in every process sharing the database: the first process to ask
 * creates it (ON CONFLICT DO NOTHING settles a race between processes starting together), every later
 * one, and every restart, reads it back. Two statements: the SELECT's snapshot sees a row another
 * process committed while the INSERT was waiting on it.
 */
export async function serverKey(db: Database, name: ServerKeyName): Promise<Buffer> {
  await db
    .insert(serverKeys)
    .values({ name, secret: randomBytes(32).toString('base64url') })
    .onConflictDoNothing({ target: serverKeys.name });
  const [row] = await db
    .select({ secret: serverKeys.secret })
    .from(serverKeys)
    .where(eq(serverKeys.name, name));
  if (!row) throw new Error(`server key ${name} is missing`);
  return Buffer.from(row.secret, 'base64url');
}
