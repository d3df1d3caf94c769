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
  | {
      url: string;
      poolSize: number;
      /** Longest wait for a connection, new or from a busy pool (DATABASE_CONNECT_TIMEOUT_MS); unset: no limit. */
      connectTimeoutMs?: number;
      /** The server cancels a statement running longer (DATABASE_STATEMENT_TIMEOUT_MS); unset or 0: no limit. */
      statementTimeoutMs?: number;
    }
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
  if ('url' in target) return openServer(target);
  if ('dataDir' in target) return openEmbedded(target.dataDir);
  return openEmbedded(undefined, target.from);
}

/** Idle seconds before TCP keepalive probes a connection, so that one to a vanished server is found dead. */
const KEEPALIVE_DELAY_MS = 10_000;

/**
 * A connection failure that pg reports without a code (a pool wait that timed out, "Connection terminated
 * unexpectedly", "not queryable"), given the SQLSTATE libpq reports for it, so that callers classify
 * database failures by code alone (shared/errors.ts#databaseFault).
 */
class ConnectionFailure extends Error {
  override name = 'ConnectionFailure';
  constructor(
    readonly code: '08001' | '08006',
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const hasCode = (error: unknown) => typeof (error as { code?: unknown } | null)?.code === 'string';

/**
 * A pooled connection of class `Base`. Its failures on a lost connection carry SQLSTATE 08006, and losing
 * the connection while checked out (in a transaction) cannot crash the process: pg emits 'error' then,
 * and the pool listens only to idle connections.
 */
const lossAware = (Base: typeof pg.Client): typeof pg.Client =>
  class ServerClient extends Base {
    #lost = false;

    constructor(config?: string | pg.ClientConfig) {
      super(config);
      const lose = () => {
        this.#lost = true;
      };
      this.on('error', lose);
      this.on('end', lose);
    }

    #failure(error: unknown): unknown {
      return this.#lost && !hasCode(error) ? new ConnectionFailure('08006', error) : error;
    }

    // pg's overloads (promise, callback, submittable) pass through unchanged; only failures are relabelled.
    // biome-ignore lint/suspicious/noExplicitAny: the signature of every overload of pg's query
    override query(...args: any[]): any {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: unknown) =>
          callback(error ? this.#failure(error) : error, result);
      }
      const result = Reflect.apply(super.query, this, args);
      return result instanceof Promise
        ? result.catch((error: unknown) => {
            throw this.#failure(error);
          })
        : result;
    }
  };

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  release: (release?: unknown) => void,
) => void;

/**
 * The pool, with two repairs for connections that fail while in use: a connection lost while checked out
 * goes back to the pool (which destroys a broken one) at once, since Drizzle does not release one whose
 * BEGIN failed; and releasing it again is harmless, as Drizzle's own release then follows. Failures to get
 * a connection that pg leaves without a code (the pool's wait timing out) carry SQLSTATE 08001.
 */
class ServerPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (!callback) {
      return new Promise((resolve, reject) => {
        this.connect((error, client) => (client ? resolve(client) : reject(error)));
      });
    }
    super.connect((error, client, done) => {
      if (error || !client) {
        callback(error && (hasCode(error) ? error : new ConnectionFailure('08001', error)), undefined, done);
        return;
      }
      let released = false;
      const onLost = () => release(true);
      const release = (destroy?: unknown) => {
        if (released) return;
        released = true;
        client.removeListener('error', onLost);
        done(destroy);
      };
      client.once('error', onLost);
      client.release = release;
      callback(undefined, client, release);
    });
    return undefined;
  }
}

async function openServer(target: Extract<DatabaseTarget, { url: string }>): Promise<DatabaseHandle> {
  const { url, poolSize, connectTimeoutMs, statementTimeoutMs } = target;
  const errors = Object.fromEntries(queryErrorKinds.map((kind) => [kind, 0])) as QueryErrorCounts;
  const pool = new ServerPool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    statement_timeout: statementTimeoutMs || undefined,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
    Client: lossAware(countingClient(errors)),
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
        // Waiting for another instance's migrations, and a migration itself, may take longer than any
        // request's statement may: they run on this connection without the limit.
        await client.query('set statement_timeout = 0');
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        await client.query('reset statement_timeout').catch(() => {});
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
