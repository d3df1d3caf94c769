/** The database under test: a throw-away one on the server, or embedded in a temporary directory, seeded. */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { importDist } from './dist.js';
import { CUSTOMERS, ORDERS, OTHER_CUSTOMERS, OTHER_ORDERS } from './options.js';
import { log } from './progress.js';

type ConfigModule = typeof import('../src/config.js');
type DepsModule = typeof import('../src/deps.js');
type TokensModule = typeof import('../src/auth/tokens.service.js');
type SessionsModule = typeof import('../src/auth/sessions.repository.js');
type Database = import('../src/db/client.js').Database;

/** User A's orders (bench/console.ts names the count in its report). */
export const ORDERS_PER_USER = ORDERS;

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

/** A seeded staff user, with an API token and a browser session (`session`: the cookie's value). */
export interface SeededUser {
  id: number;
  email: string;
  token: string;
  session: string;
  customerIds: number[];
}

export interface Seeded {
  /**
   * A: the reader, whose customers and orders the reads measure. B: another user, whose customers A must
   * not see. W: the writer, who places the orders of the create scenarios, so that A's lists keep their
   * size however many orders a run creates.
   */
  a: SeededUser;
  b: SeededUser;
  w: SeededUser;
  /** A, B and W, in that order (bench/console.ts signs in as the first). */
  users: SeededUser[];
  postgresVersion: string;
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** `customers` customers of user `id`, and `orders` orders going round-robin over them. */
async function seedUser(db: Database, id: number, customers: number, orders: number, currency: string) {
  await db.execute(sql`
    insert into customers (owner_id, first_name, second_name, code, phone)
    select ${id}, 'First' || g.i, 'Second' || g.i, upper(lpad(to_hex(g.i), 5, '0')), '+2547' || lpad(g.i::text, 8, '0')
    from generate_series(1, ${sql.raw(String(customers))}) g(i)
    order by g.i`);
  if (orders === 0) return;
  // One minute apart, going back in time. They are priced by hand (`item` as free text), so in
  // DEFAULT_CURRENCY, as the API prices such an order.
  await db.execute(sql`
    with c as (
      select id, code, owner_id, (row_number() over (order by id) - 1)::int as n
      from customers where owner_id = ${id}
    )
    insert into orders (owner_id, customer_id, customer_code, item, quantity, price_per_unit, currency,
                        status, time_placed, updated_at)
    select c.owner_id, c.id, c.code, 'Item ' || g.i, 1 + g.i % 10, ((g.i % 5000) + 1)::numeric / 100,
           ${currency}::varchar,
           case when g.i % 10 = 0 then 'Closed' when g.i % 17 = 0 then 'Cancelled' else 'Pending' end,
           t.at, t.at
    from generate_series(0, ${sql.raw(String(orders - 1))}) g(i)
    join c on c.n = g.i % ${sql.raw(String(customers))}
    cross join lateral (select now() - make_interval(mins => g.i) as at) t
    order by g.i desc`);
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
    const plan = [
      { key: 'a', email: 'bench-a@example.com', customers: CUSTOMERS, orders: ORDERS },
      { key: 'b', email: 'bench-b@example.com', customers: OTHER_CUSTOMERS, orders: OTHER_ORDERS },
      { key: 'w', email: 'bench-w@example.com', customers: CUSTOMERS, orders: 0 },
    ] as const;
    const users: SeededUser[] = [];
    for (const user of plan) {
      const [row] = await rows<{ id: number }>(
        db,
        sql`insert into users (email, display_name, role) values (${user.email}, ${`Bench ${user.key.toUpperCase()}`}, 'staff')
            returning id`,
      );
      const id = Number(row?.id);
      await seedUser(db, id, user.customers, user.orders, config.DEFAULT_CURRENCY);
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
      users.push({ id, email: user.email, token, session, customerIds: customers.map((c) => Number(c.id)) });
    }
    // A production table would have been vacuumed and analysed by autovacuum long since.
    await db.execute(sql`vacuum analyze`);
    const [version] = await rows<{ version: string }>(db, sql`select version()`);
    const [a, b, w] = users as [SeededUser, SeededUser, SeededUser];
    log(
      `seeded A: ${CUSTOMERS} customers, ${ORDERS} orders; B: ${OTHER_CUSTOMERS} customers, ${OTHER_ORDERS} orders; ` +
        `W (writer): ${CUSTOMERS} customers; in ${Date.now() - started} ms`,
    );
    return { a, b, w, users, postgresVersion: version?.version ?? 'unknown' };
  } finally {
    // Releases the embedded database's lock before the server child opens it.
    await deps.database.close();
  }
}
