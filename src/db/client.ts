import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { countingClient, type QueryErrorCounts, queryErrorKinds } from './query-errors.js';
import * as schema from './schema.js';

/** A Drizzle database or transaction: both drivers share the PostgreSQL query builder. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'embedded' | 'postgres';
  /** Where the data lives, for start-up messages (never includes a password). */
  location: string;
  migrate(): Promise<void>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel` from any process sharing the database, and
   * after a lost listening connection is back (notifications may have been missed meanwhile).
   */
  listen(channel: string, onNotify: () => void): Promise<void>;
  close(): Promise<void>;
  /** The connection pool as it is now; undefined for the embedded database, which has no connections. */
  pool(): PoolStats | undefined;
  /** Failed connections and statements since it opened, by kind; undefined for the embedded database. */
  queryErrors(): Readonly<QueryErrorCounts> | undefined;
}

export interface PoolStats {
  /** Connections handed out to a query or transaction. */
  inUse: number;
  idle: number;
  /** Queries and transactions waiting for a connection. */
  waiting: number;
  max: number;
}

export type DatabaseTarget =
  /** `connectTimeoutMs`: longest wait for a new connection (unset: the driver's, none). */
  | { url: string; poolSize: number; connectTimeoutMs?: number }
  | { dataDir: string }
  /** In memory, optionally starting from a dump made by `dumpDataDir` (skips initdb). */
  | { memory: true; from?: Blob };

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
// Any constant works; it only has to be the same in every Orderly process sharing a server.
const MIGRATION_LOCK_KEY = 7_240_512_001;

export class DatabaseInUseError extends Error {
  override name = 'DatabaseInUseError';
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) return openServer(target.url, target.poolSize, target.connectTimeoutMs);
  if ('dataDir' in target) return openEmbedded(target.dataDir);
  return openEmbedded(undefined, target.from);
}

async function openServer(
  url: string,
  poolSize: number,
  connectTimeoutMs: number | undefined,
): Promise<DatabaseHandle> {
  const errors = Object.fromEntries(queryErrorKinds.map((kind) => [kind, 0])) as QueryErrorCounts;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    Client: countingClient(errors),
  });
  const listeners = serverListeners(url, connectTimeoutMs);
  // An idle client that loses its server must not crash the process; the next query reports the error.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  const location = new URL(url);
  location.password = '';
  return {
    db,
    kind: 'postgres',
    location: location.toString(),
    async migrate() {
      // Several instances may start at once: one applies the migrations, the others wait and find none left.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db, { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    listen: (channel, onNotify) => listeners.add(channel, onNotify),
    async close() {
      await listeners.close();
      await pool.end();
    },
    pool: () => ({
      inUse: pool.totalCount - pool.idleCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolSize,
    }),
    queryErrors: () => errors,
  };
}

const RELISTEN_DELAY_MS = 1_000;

/**
 * LISTEN connections to a server, one per channel, outside the pool so they never starve it. A first
 * LISTEN that fails is its caller's to retry (at start, with the migrations); a lost one comes back here.
 */
function serverListeners(url: string, connectTimeoutMs: number | undefined) {
  const clients = new Set<pg.Client>();
  let closed = false;

  async function connect(channel: string, onNotify: () => void, reconnecting: boolean): Promise<void> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
    // Whether a lost connection is brought back: a reconnection's, or a first one's once it listens.
    let keep = reconnecting;
    let retried = false;
    const retry = () => {
      clients.delete(client);
      if (closed || retried || !keep) return;
      retried = true;
      setTimeout(() => void connect(channel, onNotify, true).catch(() => {}), RELISTEN_DELAY_MS).unref();
    };
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    client.on('error', () => client.end().catch(() => {}));
    client.on('end', retry);
    clients.add(client);
    try {
      await client.connect();
      await client.query(`listen "${channel.replaceAll('"', '""')}"`);
      keep = true;
    } catch (error) {
      void client.end().catch(() => {});
      retry();
      throw error;
    }
    if (reconnecting) onNotify();
  }

  return {
    add: (channel: string, onNotify: () => void) => connect(channel, onNotify, false),
    async close() {
      closed = true;
      await Promise.all([...clients].map((client) => client.end().catch(() => {})));
    },
  };
}

async function openEmbedded(dataDir: string | undefined, from?: Blob): Promise<DatabaseHandle> {
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    const dir = resolve(dataDir);
    await mkdir(dir, { recursive: true });
    // PGlite is a single-process database: a second process on the same files would corrupt them.
    try {
      release = await lockfile.lock(dir, { stale: 15_000, update: 5_000, lockfilePath: `${dir}.lock` });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
        throw new DatabaseInUseError(
          `The embedded database in ${dir} is in use by another Orderly process (a running server?). ` +
            'Stop it first, or set DATABASE_URL so that several processes share a PostgreSQL server.',
        );
      }
      throw error;
    }
  }
  const client = new PGlite({ dataDir: dataDir ? resolve(dataDir) : undefined, loadDataDir: from });
  const db = drizzlePglite({ client, schema });
  return {
    db,
    kind: 'embedded',
    location: dataDir ? resolve(dataDir) : 'memory',
    migrate: () => migratePglite(db, { migrationsFolder }),
    async listen(channel, onNotify) {
      await client.listen(channel, onNotify);
    },
    async close() {
      await client.close();
      await release?.();
    },
    pool: () => undefined,
    queryErrors: () => undefined,
  };
}

/** Rows of a raw SQL statement; both drivers return `{ rows }`. */
export async function selectRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
