/** The database under test: a throw-away one on the server, or embedded in a temporary directory, seeded. */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { importDist } from './dist.js';
import { log } from './progress.js';

type ConfigModule = typeof import('../src/config.js');
type DepsModule = typeof import('../src/deps.js');
type TokensModule = typeof import('../src/auth/tokens.service.js');
type SessionsModule = typeof import('../src/auth/sessions.repository.js');
type Database = import('../src/db/client.js').Database;

const CUSTOMERS_PER_USER = 5_000;
export const ORDERS_PER_USER = 50_000;

export interface BenchDatabase {
  kind: 'postgres' | 'embedded';
  env: Record<string, string>;
  /** Connection to the bench database for server-side counters (PostgreSQL only). */
  stats?: pg.Client;
  /**
   * The database settings for one more server child, once seeded: the same database on a server; embedded,
   * a copy of the seeded data directory under `name`, since only one process at a time can open one.
   */
  another(name: string): Promise<Record<string, string>>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'orderly-bench-'));
    const seeded = join(dataDir, 'data');
    return {
      kind: 'embedded',
      env: { DATA_DIR: seeded },
      async another(name) {
        const copy = join(dataDir, name);
        await cp(seeded, copy, { recursive: true });
        return { DATA_DIR: copy };
      },
      drop: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `orderly_bench_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database: BenchDatabase = {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString() },
    another: async () => database.env,
    async drop() {
      await database.stats?.end().catch(() => {});
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
  return database;
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Seed: migrations through createDeps (as the server runs them), then rows in bulk with generate_series.

export interface Seeded {
  /** `session`: the value of a browser session cookie of the user's. */
  users: { id: number; email: string; token: string; session: string; customerIds: number[] }[];
  postgresVersion: string;
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function seed(env: Record<string, string>): Promise<Seeded> {
  const { loadConfig } = await importDist<ConfigModule>('config.js');
  const { createDeps } = await importDist<DepsModule>('deps.js');
  const { createToken, hashToken } = await importDist<TokensModule>('auth/tokens.service.js');
  const { insertSession } = await importDist<SessionsModule>('auth/sessions.repository.js');
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env });
  const deps = await createDeps(config);
  try {
    const db = deps.database.db;
    const started = Date.now();
    const users = await rows<{ id: number; email: string }>(
      db,
      sql`insert into users (email, display_name, role)
          values ('bench-a@example.com', 'Bench A', 'staff'), ('bench-b@example.com', 'Bench B', 'staff')
          returning id, email`,
    );
    const ids = users.map((user) => Number(user.id));
    await db.execute(sql`
      insert into customers (owner_id, first_name, second_name, code, phone)
      select u.id, 'First' || g.i, 'Second' || g.i, upper(lpad(to_hex(g.i), 5, '0')), '+2547' || lpad(g.i::text, 8, '0')
      from users u cross join generate_series(1, ${sql.raw(String(CUSTOMERS_PER_USER))}) g(i)
      where u.id in (${sql.raw(ids.join(', '))})
      order by u.id, g.i`);
    // Each user's orders go round-robin over their customers, one minute apart, going back in time. They are
    // priced by hand (`item` as free text), so in DEFAULT_CURRENCY, as the API prices such an order.
    await db.execute(sql`
      with c as (
        select id, code, owner_id, (row_number() over (partition by owner_id order by id) - 1)::int as n
        from customers where owner_id in (${sql.raw(ids.join(', '))})
      )
      insert into orders (owner_id, customer_id, customer_code, item, quantity, price_per_unit, currency,
                          status, time_placed, updated_at)
      select c.owner_id, c.id, c.code, 'Item ' || g.i, 1 + g.i % 10, ((g.i % 5000) + 1)::numeric / 100,
             ${config.DEFAULT_CURRENCY}::varchar,
             case when g.i % 10 = 0 then 'Closed' when g.i % 17 = 0 then 'Cancelled' else 'Pending' end,
             t.at, t.at
      from generate_series(0, ${sql.raw(String(ORDERS_PER_USER - 1))}) g(i)
      join c on c.n = g.i % ${sql.raw(String(CUSTOMERS_PER_USER))}
      cross join lateral (select now() - make_interval(mins => g.i) as at) t
      order by g.i desc`);
    // A production table would have been vacuumed and analysed by autovacuum long since.
    await db.execute(sql`vacuum analyze`);
    const [version] = await rows<{ version: string }>(db, sql`select version()`);
    const seeded: Seeded = { users: [], postgresVersion: version?.version ?? 'unknown' };
    for (const user of users) {
      const id = Number(user.id);
      const customers = await rows<{ id: number }>(
        db,
        sql`select id from customers where owner_id = ${id} order by id`,
      );
      const { token } = await createToken(db, { userId: id, name: 'bench' });
      // As a browser sign-in stores it (sessions.service.ts completeLogin), minus the provider's ID token.
      const session = randomBytes(32).toString('base64url');
      await insertSession(db, {
        userId: id,
        tokenHash: hashToken(session),
        csrfToken: randomBytes(32).toString('base64url'),
        idToken: '',
        ttlSeconds: 86_400,
        replacesHash: undefined,
      });
      seeded.users.push({
        id,
        email: user.email,
        token,
        session,
        customerIds: customers.map((row) => Number(row.id)),
      });
    }
    log(
      `seeded ${2 * CUSTOMERS_PER_USER} customers and ${2 * ORDERS_PER_USER} orders in ${Date.now() - started} ms`,
    );
    return seeded;
  } finally {
    // Releases the embedded database's lock before the server child opens it.
    await deps.database.close();
  }
}
