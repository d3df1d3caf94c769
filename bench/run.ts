/**
 * `npm run bench`: seeds a throw-away database, starts bench/server.ts as a child process and drives it
 * with autocannon, one scenario after another (or round-robin, see BENCH_ROUNDS). Then (PostgreSQL only)
 * measures the SMS dispatcher: `dist/cli.js worker` processes drain a backlog of notifications through the
 * fake Africa's Talking gateway (test/helpers/fake-africastalking.ts), run in this process. Prints markdown
 * tables on stdout (progress goes to stderr). Not a test: it never fails on a missed target, only on a
 * broken run.
 *
 * DATABASE_URL set: a fresh database on that server, dropped at the end. Unset: embedded PGlite in a
 * temporary DATA_DIR, removed at the end. The server trusts the test OpenID provider (test/helpers/idp.ts),
 * run in this process on loopback, for the provider-JWT scenario. The server runs with
 * DISPATCHER_IN_API=false, so that no dispatcher competes for its CPU: the notifications that creating
 * orders writes stay pending, as they would with a separate worker that is behind.
 *
 * Knobs (environment):
 * - BENCH_DURATION: measured seconds per scenario (10).
 * - BENCH_WARMUP: seconds per scenario of the warm-up round that runs every scenario once first (2).
 * - BENCH_ROUNDS: split each scenario's seconds into this many slices, run round-robin, so that a noisy
 *   neighbour on a shared machine weighs on every scenario alike (1). Percentiles are over all slices.
 *   The dispatcher runs each of its configurations this many times, round-robin too.
 * - BENCH_CONNECTIONS: concurrent connections (32).
 * - BENCH_SCENARIOS: comma-separated keys, to run a subset: floor, raw, prepared, detail, not-modified,
 *   session, jwt, missing, list, deep, create, create-idempotent, create-no-outbox, dispatch. `create` runs with the outbox as configured
 *   (SMS_EVENTS, by default on for new orders); `create-no-outbox` against a second server child started
 *   with SMS_EVENTS=none (no outbox), on the same database (embedded: a copy of the seeded one).
 * - BENCH_DISPATCH_MESSAGES: pending notifications each dispatcher run drains (10000).
 * - BENCH_DISPATCH_WORKERS, BENCH_DISPATCH_CONCURRENCY: comma-separated worker process counts (1,2) and
 *   SMS_CONCURRENCY values (64); every combination is run. The outbound rate cap (SMS_RATE_PER_SECOND)
 *   is raised to 100000 for the run.
 * - BENCH_DISPATCH_LATENCY_MS: how long the fake gateway takes to answer each request (20).
 * - BENCH_CPU_PROF=1: a V8 CPU profile of the server child for each measured slice, and of each dispatcher
 *   worker's whole life, kept in directories that are printed; summarise one with bench/profile-summary.ts.
 *   Profiling slows the processes: take the figures from runs without it.
 * - DATABASE_POOL_SIZE, AUTH_CACHE_TTL_MS, REDIS_URL and the other settings pass through to the server and
 *   workers. RATE_LIMIT_PER_MINUTE is 1e9 unless set: the limiter is measured but never refuses (0: off).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import ts from 'typescript';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../test/helpers/fake-africastalking.js';
import { startTestIdp, TEST_AUDIENCE, type TestIdp } from '../test/helpers/idp.js';

type ConfigModule = typeof import('../src/config.js');
type DepsModule = typeof import('../src/deps.js');
type TokensModule = typeof import('../src/auth/tokens.service.js');
type SessionsModule = typeof import('../src/auth/sessions.repository.js');
type Database = import('../src/db/client.js').Database;

const CUSTOMERS_PER_USER = 5_000;
const ORDERS_PER_USER = 50_000;
const DEEP_OFFSET = 40_000;

const DURATION = positive('BENCH_DURATION', 10);
const WARMUP = positive('BENCH_WARMUP', 2);
const CONNECTIONS = positive('BENCH_CONNECTIONS', 32);
const ROUNDS = Math.round(positive('BENCH_ROUNDS', 1));
const SETTLE_MS = 1_000;
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((key) => key.trim());
const CPU_PROFILE = Boolean(process.env.BENCH_CPU_PROF);
const DISPATCH_MESSAGES = Math.round(positive('BENCH_DISPATCH_MESSAGES', 10_000));
const DISPATCH_WORKERS = positiveList('BENCH_DISPATCH_WORKERS', '1,2');
const DISPATCH_CONCURRENCY = positiveList('BENCH_DISPATCH_CONCURRENCY', '64');
const DISPATCH_LATENCY_MS = positive('BENCH_DISPATCH_LATENCY_MS', 20);
/** The outbound rate cap for the dispatcher runs: high enough never to be the limit. */
const DISPATCH_RATE = 100_000;
const DISPATCH_POLL_MS = 250;
/** A dispatcher run fails when no notification was settled for this long. */
const DISPATCH_STALL_MS = 30_000;

const root = fileURLToPath(new URL('../', import.meta.url));
const distDir = join(root, 'dist');

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

function positiveList(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback).split(',').map((item) => Number(item.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0))
    throw new Error(`${name} must be comma-separated positive integers.`);
  return values;
}

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const load = <T>(file: string) => import(pathToFileURL(join(distDir, file)).href) as Promise<T>;

// ---------------------------------------------------------------------------------------------------------
// Database: a throw-away one on the server, or embedded in a temporary directory.

interface BenchDatabase {
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

async function createBenchDatabase(): Promise<BenchDatabase> {
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

interface Seeded {
  /** `session`: the value of a browser session cookie of the user's. */
  users: { id: number; email: string; token: string; session: string; customerIds: number[] }[];
  postgresVersion: string;
}

async function rows<T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function seed(env: Record<string, string>): Promise<Seeded> {
  const { loadConfig } = await load<ConfigModule>('config.js');
  const { createDeps } = await load<DepsModule>('deps.js');
  const { createToken, hashToken } = await load<TokensModule>('auth/tokens.service.js');
  const { insertSession } = await load<SessionsModule>('auth/sessions.repository.js');
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

// ---------------------------------------------------------------------------------------------------------
// Child processes: the server (bench/server.ts, transpiled to plain JS and run by plain node) and the
// dispatcher workers (dist/cli.js worker, with bench/count-statements.ts preloaded).

/** Transpiles bench/<name>.ts to plain JS in `workDir` (no tsx loader in the child, which alone adds about 30 MB of RSS). */
async function transpile(name: string, workDir: string): Promise<string> {
  const source = readFileSync(join(root, 'bench', `${name}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  const file = join(workDir, `${name}.mjs`);
  await writeFile(file, outputText);
  return file;
}

/** The environment of a child: the app at LOG_LEVEL=warn in production mode, on the bench database. */
function childEnv(env: Record<string, string>): Record<string, string> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...env,
    BENCH_DIST_DIR: distDir,
  };
  return Object.fromEntries(
    Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A child started with an IPC channel that answers `{ id, ... }` with `{ id, statements }`. */
class Child {
  readonly exited: Promise<number | null>;
  #asked = 0;

  constructor(readonly proc: ChildProcess) {
    this.exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.proc.pid as number;
  }

  get running(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Sends a request; resolves with the number of statements the child has sent to the database so far. */
  ask(message: object): Promise<number> {
    const id = ++this.#asked;
    const reply = new Promise<number>((resolve) => {
      const onMessage = (answer: { id?: number; statements?: number }) => {
        if (answer.id !== id) return;
        this.proc.off('message', onMessage);
        resolve(answer.statements ?? Number.NaN);
      };
      this.proc.on('message', onMessage);
    });
    this.proc.send({ ...message, id });
    return reply;
  }

  /** SIGTERM, as a process manager stops it (it finishes what is in progress); SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Which server child a scenario runs against: with the outbox as configured, or with it off. */
type ServerVariant = 'outbox' | 'no-outbox';

/** What a variant changes in the server's environment. */
const variantEnv: Record<ServerVariant, Record<string, string>> = {
  outbox: {},
  'no-outbox': { SMS_EVENTS: 'none' },
};

interface Server {
  child: Child;
  pid: number;
  origin: string;
  profileDir?: string;
  /**
   * Asks the server child: starts or stops (writing `<file>.cpuprofile`, when BENCH_CPU_PROF is set) the
   * CPU profiler; answers with the number of statements the app has sent to the database so far.
   */
  ask(command: 'statements' | 'profile-start' | 'profile-stop', file?: string): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(
  variant: ServerVariant,
  env: Record<string, string>,
  floorOwnerId: number,
  workDir: string,
): Promise<Server> {
  const entry = await transpile('server', workDir);
  const profileDir = CPU_PROFILE ? join(workDir, `profiles-${variant}`) : undefined;
  if (profileDir) await mkdir(profileDir);
  const child = new Child(
    spawn(process.execPath, [entry], {
      cwd: root,
      env: childEnv({
        HOST: '127.0.0.1',
        PORT: '0',
        // No dispatcher in the server: it would compete for the CPU the API scenarios measure.
        DISPATCHER_IN_API: 'false',
        // Far above what autocannon sends: the rate limiter runs (and is measured) but never answers 429.
        // A RATE_LIMIT_PER_MINUTE of the run's own (0: no limiter) wins.
        RATE_LIMIT_PER_MINUTE: process.env.RATE_LIMIT_PER_MINUTE || '1000000000',
        ...env,
        ...variantEnv[variant],
        BENCH_FLOOR_OWNER_ID: String(floorOwnerId),
      }),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );

  let origin: string;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
      child.proc.once('message', (message: { port?: number }) => {
        clearTimeout(timer);
        if (message.port) resolve(message.port);
        else reject(new Error('the server sent no port'));
      });
      void child.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited with code ${code} while starting`));
      });
    });
    origin = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      const health = await fetch(`${origin}/api/v1/health/`).catch(() => undefined);
      if (health?.ok) break;
      if (attempt === 100) throw new Error('/api/v1/health/ never answered 200');
      await sleep(100);
    }
  } catch (error) {
    child.proc.kill('SIGKILL');
    await child.exited;
    throw error;
  }

  return {
    ask(command, file) {
      const profiling = command !== 'statements' && profileDir;
      return child.ask({
        command: profiling ? command : 'statements',
        file: profiling && file ? join(profileDir, `${file}.cpuprofile`) : undefined,
      });
    },
    child,
    pid: child.pid,
    origin,
    profileDir,
    stop: () => child.stop(),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Measurements of the server child and the machine, from /proc (Linux).

const CLOCK_TICKS = 100; // USER_HZ, 100 on every mainstream Linux.

function procStatus(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by a process: user, system (kernel work on its behalf: syscalls, loopback TCP). */
function processTimes(pid: number): { user: number; system: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
  } catch {
    return { user: Number.NaN, system: Number.NaN };
  }
}

function processCpu(pid: number): number {
  const { user, system } = processTimes(pid);
  return user + system;
}

/** Busy and total CPU seconds of the whole machine. */
function machineCpu(): { busy: number; total: number } {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const ticks = line.split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
  } catch {
    return { busy: Number.NaN, total: Number.NaN };
  }
}

/** CPU seconds used so far by each backend connected to the bench database (PostgreSQL on this machine). */
async function backendCpu(stats: pg.Client | undefined): Promise<Map<number, number> | undefined> {
  if (!stats) return undefined;
  const pids = await stats.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
  );
  return new Map(pids.rows.map(({ pid }) => [pid, processCpu(pid)]));
}

/** CPU seconds the bench database's backends used between two readings; a backend new since counts whole. */
function databaseCpu(before: Map<number, number> | undefined, after: Map<number, number> | undefined) {
  if (!before || !after) return Number.NaN;
  let seconds = 0;
  for (const [pid, cpu] of after) seconds += cpu - (before.get(pid) ?? 0);
  return seconds;
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios.

interface Scenario {
  key: string;
  name: string;
  expect: number;
  method: 'GET' | 'POST';
  /** Headers that authenticate the requests, instead of the owner's API token. */
  credentials?: Record<string, string>;
  /** The server child it runs against (default `outbox`). */
  variant?: ServerVariant;
  /** An order create: the notifications the new order must have, so that the outbox is on or off as meant. */
  notifies?: number;
  next(): { path: string; body?: string; headers?: Record<string, string> };
}

/** The key of the dispatcher runs, which are not HTTP scenarios. */
const DISPATCH_KEY = 'dispatch';

/** The scenario's own credentials, else the owner's API token. */
function credentialsOf(scenario: Scenario, token: string): Record<string, string> {
  return scenario.credentials ?? { authorization: `Bearer ${token}` };
}

function cycle<T>(values: T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length] as T;
}

/** `providerJwt`: an access token from the OpenID provider for user A. */
function scenarios(seeded: Seeded, providerJwt: string): Scenario[] {
  const [a, b] = seeded.users;
  if (!a || !b) throw new Error('seeding created no users');
  const ownCustomer = cycle(a.customerIds);
  const sessionCustomer = cycle(a.customerIds);
  const jwtCustomer = cycle(a.customerIds);
  const floorCustomer = cycle(a.customerIds);
  const rawCustomer = cycle(a.customerIds);
  const preparedCustomer = cycle(a.customerIds);
  const otherCustomer = cycle(b.customerIds);
  const orderCustomer = cycle(a.customerIds);
  const noOutboxCustomer = cycle(a.customerIds);
  const idempotentCustomer = cycle(a.customerIds);
  const notModifiedCustomer = cycle(a.customerIds);
  let idempotencyKeys = 0;
  const order = (customer: number) =>
    JSON.stringify({ customer, item: 'Maize flour 2kg', quantity: 3, price_per_unit: '12.50' });
  const all: Scenario[] = [
    {
      key: 'floor',
      name: 'floor: same query, bare route',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor/customers/${floorCustomer()}` }),
    },
    {
      key: 'raw',
      name: 'floor without Drizzle (diagnostic)',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor-raw/customers/${rawCustomer()}` }),
    },
    {
      key: 'prepared',
      name: 'floor, Drizzle prepared statement (diagnostic)',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor-prepared/customers/${preparedCustomer()}` }),
    },
    {
      key: 'detail',
      name: 'GET customer detail',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/api/v1/customers/${ownCustomer()}/` }),
    },
    {
      // Seeded customers are at version 1, so this ETag is current: every answer is a 304 without a body.
      key: 'not-modified',
      name: 'GET customer detail, If-None-Match current (304)',
      expect: 304,
      method: 'GET',
      next: () => ({
        path: `/api/v1/customers/${notModifiedCustomer()}/`,
        headers: { 'if-none-match': '"1"' },
      }),
    },
    {
      // Sessions are never cached, so that a logout or a disabled user counts at once: one query per request.
      key: 'session',
      name: 'GET customer detail, session cookie',
      expect: 200,
      method: 'GET',
      credentials: { cookie: `orderly_session=${a.session}` },
      next: () => ({ path: `/api/v1/customers/${sessionCustomer()}/` }),
    },
    {
      // A verified JWT is cached for AUTH_CACHE_TTL_MS like an API token, so this measures mostly cache
      // hits and a re-verification (signature, then the user by identity) every 5 s, as in production.
      key: 'jwt',
      name: 'GET customer detail, provider JWT',
      expect: 200,
      method: 'GET',
      credentials: { authorization: `Bearer ${providerJwt}` },
      next: () => ({ path: `/api/v1/customers/${jwtCustomer()}/` }),
    },
    {
      key: 'missing',
      name: "GET another user's customer (404)",
      expect: 404,
      method: 'GET',
      next: () => ({ path: `/api/v1/customers/${otherCustomer()}/` }),
    },
    {
      key: 'list',
      name: 'GET orders list, first page',
      expect: 200,
      method: 'GET',
      next: () => ({ path: '/api/v1/orders/?limit=10' }),
    },
    {
      key: 'deep',
      name: `GET orders list, offset ${DEEP_OFFSET}`,
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/api/v1/orders/?limit=10&offset=${DEEP_OFFSET}` }),
    },
    {
      key: 'create',
      name: 'POST order create',
      expect: 201,
      method: 'POST',
      notifies: 1,
      next: () => ({ path: '/api/v1/orders/', body: order(orderCustomer()) }),
    },
    {
      key: 'create-idempotent',
      name: 'POST order create, Idempotency-Key',
      expect: 201,
      method: 'POST',
      notifies: 1,
      next: () => ({
        path: '/api/v1/orders/',
        body: order(idempotentCustomer()),
        headers: { 'idempotency-key': `bench-${process.pid}-${idempotencyKeys++}` },
      }),
    },
    {
      key: 'create-no-outbox',
      name: 'POST order create, outbox off (SMS_EVENTS=none)',
      expect: 201,
      method: 'POST',
      variant: 'no-outbox',
      notifies: 0,
      next: () => ({ path: '/api/v1/orders/', body: order(noOutboxCustomer()) }),
    },
  ];
  if (!ONLY) return all;
  // In the order given, so that order effects can be checked.
  return ONLY.filter((key) => key !== DISPATCH_KEY).map((key) => {
    const scenario = all.find((candidate) => candidate.key === key);
    if (!scenario) {
      const keys = [...all.map((s) => s.key), DISPATCH_KEY].join(', ');
      throw new Error(`BENCH_SCENARIOS: no scenario "${key}"; use ${keys}.`);
    }
    return scenario;
  });
}

/** What one scenario accumulates over its slices (one slice per round). */
class Totals {
  requests = 0;
  sent = 0;
  expected = 0;
  non2xx = 0;
  errors = 0;
  seconds = 0;
  latencies: number[] = [];
  peakRss = 0;
  serverCpu = 0;
  serverSystem = 0;
  loadCpu = 0;
  machineBusy = 0;
  machineWall = 0;
  databaseCpu = 0;
  statements = 0;

  constructor(readonly scenario: Scenario) {}

  get requestsPerSecond() {
    return this.requests / this.seconds;
  }

  /** Exact percentile over every response of every slice. */
  percentile(p: number): number {
    return percentile(this.latencies, p);
  }
}

function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function fire(
  server: Server,
  token: string,
  scenario: Scenario,
  seconds: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.origin,
        connections: CONNECTIONS,
        duration: seconds,
        method: scenario.method,
        headers: {
          ...credentialsOf(scenario, token),
          accept: 'application/json',
          ...(scenario.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        requests: [
          {
            setupRequest: (request) => {
              const { headers, ...next } = scenario.next();
              return { ...request, ...next, headers: { ...request.headers, ...headers } };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
    firing = instance;
  });
}

/** The autocannon run in progress, stopped on Ctrl-C. */
let firing: autocannon.Instance | undefined;

/**
 * One request first, so that a scenario that answers the wrong status (or, for an order create, writes the
 * wrong number of notifications) fails loudly instead of benchmarking it.
 */
async function check(server: Server, token: string, scenario: Scenario) {
  const { path, body, headers } = scenario.next();
  const response = await fetch(server.origin + path, {
    method: scenario.method,
    headers: {
      ...credentialsOf(scenario, token),
      accept: 'application/json',
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  if (response.status !== scenario.expect) {
    throw new Error(
      `${scenario.name}: expected ${scenario.expect}, got ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  if (scenario.notifies === undefined) return;
  const { id } = JSON.parse(text) as { id: number };
  const notifications = await fetch(`${server.origin}/api/v1/orders/${id}/notifications/`, {
    headers: { ...credentialsOf(scenario, token), accept: 'application/json' },
  });
  const { count } = (await notifications.json()) as { count: number };
  if (count !== scenario.notifies) {
    throw new Error(`${scenario.name}: the new order has ${count} notifications, not ${scenario.notifies}`);
  }
}

/** Runs one measured slice of a scenario and adds it to the scenario's totals. */
async function runSlice(
  server: Server,
  token: string,
  totals: Totals,
  seconds: number,
  stats: pg.Client | undefined,
  profileName: string,
): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStatus(server.pid)?.rss ?? 0);
  }, 50);
  const statementsBefore = await server.ask('profile-start');
  const backendsBefore = await backendCpu(stats);
  const serverBefore = processTimes(server.pid);
  const loadBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const result = await fire(server, token, totals.scenario, seconds, (ms) => totals.latencies.push(ms));
  // Requests still in flight when autocannon stops are served all the same: let them finish, and count
  // per request *sent*, so that their statements and CPU are not charged to the completed ones. (The
  // machine's busy time is read before: it only serves to estimate other work on the machine.)
  const machineAfter = machineCpu();
  await sleep(SETTLE_MS);
  const load = process.cpuUsage(loadBefore);
  const serverAfter = processTimes(server.pid);
  const backendsAfter = await backendCpu(stats);
  clearInterval(sampler);
  const statementsAfter = await server.ask('profile-stop', profileName);

  totals.requests += result.requests.total;
  totals.sent += result.requests.sent;
  totals.expected += result.statusCodeStats?.[`${totals.scenario.expect}`]?.count ?? 0;
  totals.non2xx += result.non2xx;
  totals.errors += result.errors + result.timeouts;
  totals.seconds += result.duration;
  totals.peakRss = Math.max(totals.peakRss, peakRss, procStatus(server.pid)?.rss ?? 0);
  totals.serverSystem += serverAfter.system - serverBefore.system;
  totals.serverCpu += serverAfter.user - serverBefore.user + (serverAfter.system - serverBefore.system);
  totals.loadCpu += (load.user + load.system) / 1e6;
  totals.machineBusy += machineAfter.busy - machineBefore.busy;
  totals.machineWall += (machineAfter.total - machineBefore.total) / cpus().length;
  totals.databaseCpu += databaseCpu(backendsBefore, backendsAfter);
  totals.statements += statementsAfter - statementsBefore;
}

// ---------------------------------------------------------------------------------------------------------
// The dispatcher: worker processes drain a backlog of notifications through the fake gateway (PostgreSQL
// only: an embedded database can be open in one process only, so no worker could share it).

interface DispatchConfig {
  workers: number;
  concurrency: number;
}

/** What one dispatcher configuration accumulates over its runs (one per round). */
class DispatchTotals {
  messages = 0;
  /** Requests that reached the gateway, and notifications recorded `sent`. */
  received = 0;
  sent = 0;
  /** Messages the gateway received more than once. */
  duplicates = 0;
  /** From the first request reaching the gateway to the last notification recorded `sent`, per run. */
  seconds = 0;
  /** Per notification, ms: from its request reaching the gateway to its `sent` being recorded. */
  latencies: number[] = [];
  /** Messages each worker sent, told apart by the sender id each one sends with. */
  perWorker: number[];
  workerCpu = 0;
  databaseCpu = 0;
  benchCpu = 0;
  machineBusy = 0;
  machineWall = 0;
  statements = 0;

  constructor(readonly config: DispatchConfig) {
    this.perWorker = Array.from({ length: config.workers }, () => 0);
  }

  get name() {
    return `${this.config.workers} × ${this.config.concurrency}`;
  }

  get messagesPerSecond() {
    return this.sent / this.seconds;
  }

  /** What the gateway's latency alone allows: every worker's sends in flight all the time. */
  get latencyBound() {
    return (this.config.workers * this.config.concurrency * 1000) / DISPATCH_LATENCY_MS;
  }
}

/** The dispatcher workers running, stopped on Ctrl-C. */
const workers = new Set<Child>();

const senderId = (worker: number) => `BENCHW${worker + 1}`;

/** The files the workers are started with: the statement counter, and where CPU profiles go (BENCH_CPU_PROF). */
interface WorkerFiles {
  preload: string;
  profileDir?: string;
}

/** `dist/cli.js worker` as deployed, with the statement counter preloaded. */
function startWorker(env: Record<string, string>, files: WorkerFiles): Child {
  // A profile per worker process, of its whole life (start-up included), written when it exits.
  const profile = files.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${files.profileDir}`] : [];
  const args = [...profile, '--import', pathToFileURL(files.preload).href, join(distDir, 'cli.js'), 'worker'];
  const worker = new Child(
    spawn(process.execPath, args, {
      cwd: root,
      env: childEnv(env),
      // Its stdout ("Worker stopped.") to stderr, with the progress: stdout carries only the tables.
      stdio: ['ignore', 2, 'inherit', 'ipc'],
    }),
  );
  workers.add(worker);
  void worker.exited.then(() => workers.delete(worker));
  return worker;
}

/** What a worker's dispatcher sends once started (src/db/client.ts), on a connection of its own. */
const LISTEN_OUTBOX = 'listen "orderly_outbox"';

/** Waits until every worker started since `since` (ms) listens for new notifications. */
async function waitForListeners(stats: pg.Client, running: Child[], since: number): Promise<void> {
  for (;;) {
    const { rows } = await stats.query<{ count: string }>(
      `select count(*) from pg_stat_activity
       where datname = current_database() and query = $1 and backend_start >= to_timestamp($2::float8 / 1000)`,
      [LISTEN_OUTBOX, since],
    );
    if (Number(rows[0]?.count) >= running.length) break;
    if (running.some((worker) => !worker.running))
      throw new Error('a dispatcher worker exited while starting');
    if (Date.now() - since > 60_000) throw new Error('the dispatcher workers did not start within 60 s');
    await sleep(50);
  }
  // The dispatcher's first look at the (empty) outbox follows its LISTEN: let it end, so that the NOTIFY of
  // the backlog finds every dispatcher waiting rather than mid-claim (it would then wait for its next poll).
  await sleep(200);
}

/** Polls the outbox until nothing in it is pending or being sent. */
async function waitUntilDrained(stats: pg.Client, running: Child[]): Promise<void> {
  let settled = -1;
  let progressAt = Date.now();
  for (;;) {
    await sleep(DISPATCH_POLL_MS);
    const { rows } = await stats.query<{ open: string; settled: string }>(
      `select count(*) filter (where status in ('pending', 'sending')) as open,
              count(*) filter (where status not in ('pending', 'sending')) as settled
       from notifications`,
    );
    const open = Number(rows[0]?.open);
    if (open === 0) return;
    if (running.some((worker) => !worker.running))
      throw new Error('a dispatcher worker exited during the run');
    const now = Number(rows[0]?.settled);
    if (now > settled) {
      settled = now;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > DISPATCH_STALL_MS) {
      throw new Error(
        `the dispatchers settled nothing for ${DISPATCH_STALL_MS / 1000} s; ${open} still open`,
      );
    }
  }
}

const sumOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/**
 * One run: a fresh outbox, the workers started and idle, then the backlog written in one statement, the
 * workers woken by a NOTIFY as the API wakes them after an order, and the backlog drained. Adds the run to
 * `totals`.
 */
async function runDispatch(
  totals: DispatchTotals,
  fake: FakeAfricasTalking,
  env: Record<string, string>,
  stats: pg.Client,
  files: WorkerFiles,
): Promise<void> {
  // The orders the HTTP scenarios created left their notifications pending: not part of this backlog.
  await stats.query('truncate notifications');
  const since = Date.now();
  const running = Array.from({ length: totals.config.workers }, (_, worker) =>
    startWorker(
      {
        ...env,
        SMS_PROVIDER: 'africastalking',
        AT_USERNAME: fake.username,
        AT_API_KEY: fake.apiKey,
        AT_BASE_URL: fake.url,
        AT_SENDER_ID: senderId(worker),
        SMS_CONCURRENCY: String(totals.config.concurrency),
        SMS_RATE_PER_SECOND: String(DISPATCH_RATE),
      },
      files,
    ),
  );
  try {
    await waitForListeners(stats, running, since);
    const firstReceived = fake.received.length;
    const { rows: own } = await stats.query<{ pid: number }>('select pg_backend_pid() as pid');
    const statsPid = own[0]?.pid ?? 0;
    const statementsBefore = sumOf(await Promise.all(running.map((worker) => worker.ask({}))));
    const backendsBefore = await backendCpu(stats);
    const workersBefore = sumOf(running.map((worker) => processCpu(worker.pid)));
    const statsBefore = processCpu(statsPid);
    const benchBefore = process.cpuUsage();
    const machineBefore = machineCpu();
    // Messages about as long as the default template's, each naming its order so that a duplicate shows.
    const inserted = await stats.query(
      `insert into notifications (owner_id, order_id, event, recipient, message)
       select o.owner_id, o.id, 'order_placed', c.phone,
              'Hi ' || c.first_name || ', your order ' || o.id || ' of ' || o.quantity || ' units of ' ||
              o.item || ' has been placed at ' || to_char(o.time_placed, 'HH24:MI') || '. Thank you.'
       from orders o join customers c on c.id = o.customer_id
       order by o.id
       limit $1`,
      [DISPATCH_MESSAGES],
    );
    // The wake-up the API sends after committing notifications (src/notifications/outbox.ts).
    await stats.query(`select pg_notify('orderly_outbox', '')`);
    await waitUntilDrained(stats, running);
    const machineAfter = machineCpu();
    const bench = process.cpuUsage(benchBefore);
    const statsAfter = processCpu(statsPid);
    const workersAfter = sumOf(running.map((worker) => processCpu(worker.pid)));
    const backendsAfter = await backendCpu(stats);
    const statementsAfter = sumOf(await Promise.all(running.map((worker) => worker.ask({}))));

    const { rows: sent } = await stats.query<{ id: string; sent_ms: number }>(
      `select provider_message_id as id, (extract(epoch from sent_at) * 1000)::float8 as sent_ms
       from notifications where status = 'sent'`,
    );
    const sentAt = new Map(sent.map((row) => [row.id, row.sent_ms]));
    const received = fake.received.slice(firstReceived);
    let first = Number.POSITIVE_INFINITY;
    for (const sms of received) {
      first = Math.min(first, sms.at);
      const at = sms.messageId === undefined ? undefined : sentAt.get(sms.messageId);
      if (at !== undefined) totals.latencies.push(at - sms.at);
      const worker = running.findIndex((_, index) => sms.from === senderId(index));
      totals.perWorker[worker] = (totals.perWorker[worker] ?? 0) + 1;
    }
    const last = sent.reduce((latest, row) => Math.max(latest, row.sent_ms), first);
    totals.seconds += (last - first) / 1000;
    totals.messages += inserted.rowCount ?? 0;
    totals.received += received.length;
    totals.sent += sent.length;
    totals.duplicates += received.length - new Set(received.map((sms) => sms.message)).size;
    totals.workerCpu += workersAfter - workersBefore;
    totals.databaseCpu += databaseCpu(backendsBefore, backendsAfter);
    totals.benchCpu += (bench.user + bench.system) / 1e6 + (statsAfter - statsBefore);
    totals.machineBusy += machineAfter.busy - machineBefore.busy;
    totals.machineWall += (machineAfter.total - machineBefore.total) / cpus().length;
    totals.statements += statementsAfter - statementsBefore;
  } finally {
    await Promise.all(running.map((worker) => worker.stop()));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Report.

const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const mb = (bytes: number) => (bytes > 0 ? (bytes / 2 ** 20).toFixed(0) : 'n/a');
const thousands = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';

/** The code measured: its commit, and whether src/ or the migrations differ from it. */
function codeVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'src', 'drizzle') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/ or drizzle/' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function header(kind: BenchDatabase['kind'], seeded: Seeded, busyBefore: number, http: boolean): string {
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `### ${kind === 'postgres' ? 'PostgreSQL server' : 'Embedded PGlite'}`,
    '',
    `- Machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; load generator, server and database share it`,
    `- Node ${process.version}; database: ${kind === 'postgres' ? 'PostgreSQL server on loopback' : 'embedded PGlite (in the server process)'}, ${seeded.postgresVersion.split(',')[0]}`,
    `- Code: ${codeVersion()} (built to dist/ by npm run bench)`,
    ...(http
      ? [
          `- ${CONNECTIONS} connections, ${DURATION} s per scenario${ROUNDS > 1 ? ` in ${ROUNDS} interleaved rounds` : ''}, ` +
            `after a warm-up round of ${WARMUP} s each; server at LOG_LEVEL=warn, NODE_ENV=production, DISPATCHER_IN_API=false`,
        ]
      : []),
    `- Other work on the machine just before the run: ${fixed(busyBefore, 2)} of ${cpus().length} cores busy`,
    '',
  ].join('\n');
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

function httpReport(totals: Totals[], kind: BenchDatabase['kind']): string {
  const rows = totals.map((t) => {
    const perSecond = (value: number) => value / t.seconds;
    const database = perSecond(t.databaseCpu);
    return {
      t,
      serverCores: perSecond(t.serverCpu),
      loadCores: perSecond(t.loadCpu),
      database,
      other:
        t.machineBusy / t.machineWall -
        perSecond(t.serverCpu) -
        perSecond(t.loadCpu) -
        (Number.isFinite(database) ? database : 0),
    };
  });
  const lines = [
    '| Scenario | req/s | p50 ms | p99 ms | non-2xx | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|',
    ...totals.map(
      (t) =>
        `| ${t.scenario.name} | ${thousands(t.requestsPerSecond)} | ${fixed(t.percentile(50), 1)} | ` +
        `${fixed(t.percentile(99), 1)} | ${thousands(t.non2xx)}${t.errors > 0 ? ` (+${t.errors} errors)` : ''} | ` +
        `${mb(t.peakRss)} |`,
    ),
    '',
    'Where the CPU went, in cores busy on average (the machine has ' +
      `${cpus().length}); "server µs/req" is the server process's CPU time per request ` +
      '(in brackets the part spent in the kernel: syscalls, loopback TCP). ' +
      '"Other" is busy CPU that none of the three explains: other work on the machine, which distorts the run.',
    '',
    '| Scenario | server µs/req | server | load generator | PostgreSQL | other | DB statements/req |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ t, serverCores, loadCores, database, other }) =>
        `| ${t.scenario.name} | ${fixed((t.serverCpu / t.sent) * 1e6)} ` +
        `(${fixed((t.serverSystem / t.sent) * 1e6)}) | ${fixed(serverCores, 2)} | ${fixed(loadCores, 2)} | ` +
        `${fixed(database, 2)} | ${fixed(other, 2)} | ${fixed(t.statements / t.sent, 2)} |`,
    ),
    '',
  ];
  const byKey = (key: string) => totals.find((t) => t.scenario.key === key);
  const floor = byKey('floor');
  const detail = byKey('detail');
  const create = byKey('create');
  const createNoOutbox = byKey('create-no-outbox');
  const notModified = byKey('not-modified');
  const createIdempotent = byKey('create-idempotent');
  const targets: string[] = [];
  if (floor && detail) {
    const ratio = detail.requestsPerSecond / floor.requestsPerSecond;
    lines.push(`Customer detail / floor throughput: **${(ratio * 100).toFixed(0)}%**`, '');
    targets.push(
      `- Customer detail ≥ 60% of the floor: ${(ratio * 100).toFixed(0)}%, ${verdict(ratio >= 0.6)}`,
    );
  }
  if (detail) {
    const p99 = detail.percentile(99);
    targets.push(`- Customer detail p99 < 25 ms: ${fixed(p99, 1)} ms, ${verdict(p99 < 25)}`);
  }
  if (create) {
    targets.push(
      `- Order create ≥ 2,500 req/s: ${thousands(create.requestsPerSecond)}, ${verdict(create.requestsPerSecond >= 2500)}`,
    );
  }
  if (create && createNoOutbox) {
    const ratio = create.requestsPerSecond / createNoOutbox.requestsPerSecond;
    targets.push(
      `- Order create with the outbox within 15% of without: ${(ratio * 100).toFixed(0)}% of its throughput, ` +
        verdict(ratio >= 0.85),
    );
  }
  if (detail && notModified) {
    const ratio = notModified.requestsPerSecond / detail.requestsPerSecond;
    targets.push(
      `- GET with a current If-None-Match ≥ the plain GET: ${(ratio * 100).toFixed(0)}% of its throughput, ` +
        verdict(ratio >= 1),
    );
  }
  if (create && createIdempotent) {
    const ratio = createIdempotent.requestsPerSecond / create.requestsPerSecond;
    targets.push(
      `- Order create with an Idempotency-Key within 20% of without: ${(ratio * 100).toFixed(0)}% of its throughput, ` +
        verdict(ratio >= 0.8),
    );
  }
  const peak = Math.max(...totals.map((t) => t.peakRss));
  targets.push(
    kind === 'postgres'
      ? `- Peak RSS < 200 MB (external PostgreSQL): ${mb(peak)} MB, ${verdict(peak < 200 * 2 ** 20)}`
      : `- Peak RSS: ${mb(peak)} MB (the 200 MB target is for an external PostgreSQL; PGlite lives in this process)`,
  );
  lines.push(
    kind === 'postgres'
      ? 'Targets (2-core machine, PostgreSQL on loopback):'
      : 'Targets (set for PostgreSQL on loopback; shown for reference):',
    '',
    ...targets,
    '',
  );
  for (const t of totals.filter((t) => t.requests !== t.expected || t.errors > 0)) {
    lines.push(
      `Warning: ${t.scenario.name}: ${t.requests - t.expected} responses other than ${t.scenario.expect}, ` +
        `${t.errors} errors/timeouts.`,
    );
  }
  return lines.join('\n');
}

function dispatchReport(totals: DispatchTotals[], poolSize: number): string {
  const lines = [
    `#### SMS dispatcher, fake gateway answering in ${DISPATCH_LATENCY_MS} ms`,
    '',
    `- Each run: ${thousands(DISPATCH_MESSAGES)} pending notifications written by one INSERT … SELECT, then ` +
      'a NOTIFY wakes the workers as the API does after an order, and `dist/cli.js worker` processes drain them ' +
      `(SMS_PROVIDER=africastalking, SMS_RATE_PER_SECOND=${DISPATCH_RATE}, DATABASE_POOL_SIZE=${poolSize}, ` +
      "LOG_LEVEL=warn) through the fake Africa's Talking gateway, which runs in the bench process; " +
      `${ROUNDS} run${ROUNDS > 1 ? 's' : ''} per configuration${ROUNDS > 1 ? ', interleaved' : ''}`,
    '- messages/s: messages recorded `sent`, over the time from the first request reaching the gateway to ' +
      'the last `sent` recorded; latency bound: workers × SMS_CONCURRENCY / gateway latency; ' +
      'gateway → recorded: from a request reaching the gateway to its notification recorded `sent`',
    '',
    '| Workers × SMS_CONCURRENCY | messages/s | latency bound | gateway → recorded p50 ms | p99 ms | received | sent | duplicates | sent per worker |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...totals.map(
      (t) =>
        `| ${t.name} | ${thousands(t.messagesPerSecond)} | ${thousands(t.latencyBound)} | ` +
        `${fixed(percentile(t.latencies, 50))} | ${fixed(percentile(t.latencies, 99))} | ` +
        `${thousands(t.received)} | ${thousands(t.sent)} | ${thousands(t.duplicates)} | ` +
        `${t.perWorker.map(thousands).join(' / ')} |`,
    ),
    '',
    'Where the CPU went: per message, and in cores busy on average. "Bench" is the fake gateway, plus the ' +
      "bench's own connection (writing the backlog, polling it).",
    '',
    '| Workers × SMS_CONCURRENCY | workers µs/msg | PostgreSQL µs/msg | workers | PostgreSQL | bench | other | DB statements/msg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...totals.map((t) => {
      const cores = (seconds: number) => seconds / t.machineWall;
      const other = cores(t.machineBusy) - cores(t.workerCpu) - cores(t.databaseCpu) - cores(t.benchCpu);
      const perMessage = (seconds: number) => fixed((seconds / t.sent) * 1e6);
      return (
        `| ${t.name} | ${perMessage(t.workerCpu)} | ${perMessage(t.databaseCpu)} | ${fixed(cores(t.workerCpu), 2)} | ` +
        `${fixed(cores(t.databaseCpu), 2)} | ${fixed(cores(t.benchCpu), 2)} | ${fixed(other, 2)} | ` +
        `${fixed(t.statements / t.sent, 2)} |`
      );
    }),
    '',
  ];
  const best = totals.reduce((a, b) => (b.messagesPerSecond > a.messagesPerSecond ? b : a));
  lines.push(
    `Target: dispatcher ≥ 500 messages/s at ${DISPATCH_LATENCY_MS} ms per request: best ` +
      `${thousands(best.messagesPerSecond)} (${best.name}), ${verdict(best.messagesPerSecond >= 500)}`,
    '',
  );
  for (const t of totals.filter((t) => t.sent !== t.messages || t.received !== t.sent || t.duplicates > 0)) {
    lines.push(
      `Warning: ${t.name}: ${thousands(t.messages)} notifications, ${thousands(t.received)} received by the ` +
        `gateway, ${thousands(t.sent)} recorded sent, ${thousands(t.duplicates)} duplicates.`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const database = await createBenchDatabase();
  const workDir = await mkdtemp(join(tmpdir(), 'orderly-bench-run-'));
  let idp: TestIdp | undefined;
  let fake: FakeAfricasTalking | undefined;
  const servers = new Map<ServerVariant, Server>();
  let workerFiles: WorkerFiles | undefined;
  let interrupted = false;
  const cleanUp = async () => {
    await Promise.all([
      ...[...workers].map((worker) => worker.stop()),
      ...[...servers.values()].map((server) => server.stop()),
    ]);
    await idp?.close();
    await fake?.close();
    await database.drop();
    const profileDirs = [...servers.values()].flatMap((server) => server.profileDir ?? []);
    if (workerFiles?.profileDir) profileDirs.push(workerFiles.profileDir);
    if (profileDirs.length > 0) {
      log(`CPU profiles kept in ${profileDirs.join(', ')}`);
    } else {
      await rm(workDir, { recursive: true, force: true });
    }
  };
  // Once, whether the run ends, fails or is interrupted (the run then fails as its server goes away,
  // and must not exit before the clean-up is done).
  let cleaning: Promise<void> | undefined;
  const cleanUpOnce = () => {
    cleaning ??= cleanUp();
    return cleaning;
  };
  // `on`, not `once`: signal-exit (loaded with proper-lockfile) re-raises a signal that no other listener
  // is left to handle, which would kill this process in the middle of its clean-up.
  process.on('SIGINT', () => {
    if (interrupted) return;
    interrupted = true;
    log('interrupted; cleaning up');
    firing?.stop();
    void cleanUpOnce()
      .catch((error: unknown) =>
        log(`clean-up failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => process.exit(130));
  });

  try {
    const idleBefore = machineCpu();
    await sleep(2_000);
    const idleAfter = machineCpu();
    const busyBefore =
      ((idleAfter.busy - idleBefore.busy) / (idleAfter.total - idleBefore.total)) * cpus().length;
    log(`before the run the machine was busy on ${fixed(busyBefore, 2)} of ${cpus().length} cores`);
    log(`${database.kind === 'postgres' ? 'PostgreSQL server' : 'embedded PGlite'}: seeding`);
    const seeded = await seed(database.env);
    const [owner] = seeded.users;
    if (!owner) throw new Error('seeding created no users');
    if (database.kind === 'postgres' && database.env.DATABASE_URL) {
      database.stats = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await database.stats.connect();
    }
    idp = await startTestIdp();
    // The verified email links the provider identity to user A at its first use (the check before the
    // warm-up), as a first bearer sign-in does. Valid for a day, so that no run outlives it.
    const providerJwt = await idp.signAccessToken(`bench-${owner.id}`, {
      claims: { email: owner.email, email_verified: true, exp: Math.floor(Date.now() / 1000) + 86_400 },
    });
    const oidcEnv = {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_AUDIENCE: TEST_AUDIENCE,
    };

    const list = scenarios(seeded, providerJwt);
    const variantOf = (scenario: Scenario) => scenario.variant ?? 'outbox';
    const variants = [...new Set(list.map(variantOf))];
    // Every variant's database first: an embedded one is copied from the seeded directory before any server opens it.
    const variantDatabases = new Map<ServerVariant, Record<string, string>>();
    for (const variant of variants) {
      variantDatabases.set(variant, variant === 'outbox' ? database.env : await database.another(variant));
    }
    for (const [variant, env] of variantDatabases) {
      const server = await startServer(variant, { ...env, ...oidcEnv }, owner.id, workDir);
      servers.set(variant, server);
      log(
        `server (${variant}) pid ${server.pid} at ${server.origin}, RSS after start ${mb(procStatus(server.pid)?.rss ?? 0)} MB`,
      );
    }
    const serverOf = (scenario: Scenario) => servers.get(variantOf(scenario)) as Server;

    // One round over every scenario first: otherwise the first one measured also pays for JIT compilation,
    // heap growth and (embedded) WebAssembly tier-up, which would flatter whatever comes later.
    if (list.length > 0) log(`warm-up round: ${list.length} × ${WARMUP} s`);
    for (const scenario of list) {
      await check(serverOf(scenario), owner.token, scenario);
      await fire(serverOf(scenario), owner.token, scenario, WARMUP);
    }

    const totals = list.map((scenario) => new Totals(scenario));
    const slice = DURATION / ROUNDS;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of totals) {
        if (interrupted) return;
        log(`${scenario.scenario.name}: ${slice} s${ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : ''}`);
        const name = ROUNDS > 1 ? `${scenario.scenario.key}-${round}` : scenario.scenario.key;
        await runSlice(serverOf(scenario.scenario), owner.token, scenario, slice, database.stats, name);
      }
    }
    for (const t of totals) {
      log(
        `${t.scenario.name}: ${thousands(t.requestsPerSecond)} req/s, p50 ${fixed(t.percentile(50), 1)} ms, ` +
          `p99 ${fixed(t.percentile(99), 1)} ms, RSS ${mb(t.peakRss)} MB`,
      );
    }

    const dispatch = !ONLY || ONLY.includes(DISPATCH_KEY);
    const dispatchTotals = DISPATCH_WORKERS.flatMap((count) =>
      DISPATCH_CONCURRENCY.map((concurrency) => new DispatchTotals({ workers: count, concurrency })),
    );
    if (dispatch && database.stats) {
      workerFiles = {
        preload: await transpile('count-statements', workDir),
        profileDir: CPU_PROFILE ? join(workDir, 'profiles-workers') : undefined,
      };
      fake = await startFakeAfricasTalking({ latencyMs: DISPATCH_LATENCY_MS });
      for (let round = 1; round <= ROUNDS; round++) {
        for (const t of dispatchTotals) {
          if (interrupted) return;
          log(
            `dispatcher ${t.name}: ${DISPATCH_MESSAGES} messages${ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : ''}`,
          );
          await runDispatch(t, fake, database.env, database.stats, workerFiles);
        }
      }
      for (const t of dispatchTotals) {
        log(`dispatcher ${t.name}: ${thousands(t.messagesPerSecond)} messages/s`);
      }
    }

    const output = [header(database.kind, seeded, busyBefore, totals.length > 0)];
    if (totals.length > 0) {
      output.push(httpReport(totals, database.kind));
      for (const [variant, server] of servers) {
        output.push(
          `Server (${variant}) VmHWM (peak RSS since start): ${mb(procStatus(server.pid)?.hwm ?? 0)} MB`,
        );
      }
      output.push('');
    }
    if (dispatch && database.stats) {
      const { loadConfig } = await load<ConfigModule>('config.js');
      output.push(dispatchReport(dispatchTotals, loadConfig(childEnv(database.env)).DATABASE_POOL_SIZE));
    } else if (dispatch) {
      output.push(
        'The dispatcher was not measured: an embedded database can be open in one process only, so a ' +
          'worker process cannot share it with the server. Run with DATABASE_URL.',
        '',
      );
    }
    process.stdout.write(`${output.join('\n')}\n`);
  } finally {
    await cleanUpOnce();
  }
}

await main();
// autocannon and pg can leave handles behind for a moment; the run is over.
process.exit(0);
