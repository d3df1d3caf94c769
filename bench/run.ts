/**
 * `npm run bench`: seeds a throw-away database, starts bench/server.ts as a child process and drives it
 * with autocannon, one scenario after another (or round-robin, see BENCH_ROUNDS). Prints a markdown table per run on stdout (progress goes
 * to stderr). Not a test: it never fails on a missed target, only on a broken run.
 *
 * DATABASE_URL set: a fresh database on that server, dropped at the end. Unset: embedded PGlite in a
 * temporary DATA_DIR, removed at the end. The server trusts the test OpenID provider (test/helpers/idp.ts),
 * run in this process on loopback, for the provider-JWT scenario.
 *
 * Knobs (environment):
 * - BENCH_DURATION: measured seconds per scenario (10).
 * - BENCH_WARMUP: seconds per scenario of the warm-up round that runs every scenario once first (2).
 * - BENCH_ROUNDS: split each scenario's seconds into this many slices, run round-robin, so that a noisy
 *   neighbour on a shared machine weighs on every scenario alike (1). Percentiles are over all slices.
 * - BENCH_CONNECTIONS: concurrent connections (32).
 * - BENCH_SCENARIOS: comma-separated keys, to run a subset: floor, raw, prepared, detail, session, jwt,
 *   missing, list, deep, create.
 * - BENCH_CPU_PROF=1: a V8 CPU profile of the server child for each measured slice, kept in a directory
 *   that is printed; summarise one with bench/profile-summary.ts. Profiling slows the server: take the
 *   figures from runs without it.
 * - DATABASE_POOL_SIZE, AUTH_CACHE_TTL_MS and the other settings pass through to the server.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import ts from 'typescript';
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

const root = fileURLToPath(new URL('../', import.meta.url));
const distDir = join(root, 'dist');

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
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
  drop(): Promise<void>;
}

async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = await mkdtemp(join(tmpdir(), 'orderly-bench-'));
    return {
      kind: 'embedded',
      env: { DATA_DIR: join(dataDir, 'data') },
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
  const deps = await createDeps(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }));
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
    // Each user's orders go round-robin over their customers, one minute apart, going back in time.
    await db.execute(sql`
      with c as (
        select id, code, owner_id, (row_number() over (partition by owner_id order by id) - 1)::int as n
        from customers where owner_id in (${sql.raw(ids.join(', '))})
      )
      insert into orders (owner_id, customer_id, customer_code, item, quantity, price_per_unit, status,
                          time_placed, updated_at)
      select c.owner_id, c.id, c.code, 'Item ' || g.i, 1 + g.i % 10, ((g.i % 5000) + 1)::numeric / 100,
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
// The server child: bench/server.ts transpiled to plain JS and run by plain node.

interface Server {
  child: ChildProcess;
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

async function startServer(env: Record<string, string>, floorOwnerId: number, workDir: string) {
  const source = readFileSync(join(root, 'bench', 'server.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023 },
  });
  const entry = join(workDir, 'server.mjs');
  await writeFile(entry, outputText);

  const profileDir = CPU_PROFILE ? join(workDir, 'profiles') : undefined;
  if (profileDir) await mkdir(profileDir);
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_URL: undefined,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: '0',
    ...env,
    BENCH_DIST_DIR: distDir,
    BENCH_FLOOR_OWNER_ID: String(floorOwnerId),
  };
  const child = spawn(process.execPath, [entry], {
    cwd: root,
    env: Object.fromEntries(Object.entries(childEnv).filter(([, value]) => value !== undefined)),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let origin: string;
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the server did not start within 60 s')), 60_000);
      child.once('message', (message: { port?: number }) => {
        clearTimeout(timer);
        if (message.port) resolve(message.port);
        else reject(new Error('the server sent no port'));
      });
      void exited.then((code) => {
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
    child.kill('SIGKILL');
    await exited;
    throw error;
  }

  let asked = 0;
  const server: Server = {
    async ask(command, file) {
      const id = ++asked;
      const reply = new Promise<number>((resolve) => {
        const onMessage = (message: { id?: number; statements?: number }) => {
          if (message.id !== id) return;
          child.off('message', onMessage);
          resolve(message.statements ?? Number.NaN);
        };
        child.on('message', onMessage);
      });
      const profiling = command !== 'statements' && profileDir;
      child.send({
        id,
        command: profiling ? command : 'statements',
        file: profiling && file ? join(profileDir, `${file}.cpuprofile`) : undefined,
      });
      return reply;
    },
    child,
    pid: child.pid as number,
    origin,
    profileDir,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return server;
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
  next(): { path: string; body?: string };
}

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
      next: () => ({
        path: '/api/v1/orders/',
        body: JSON.stringify({
          customer: orderCustomer(),
          item: 'Maize flour 2kg',
          quantity: 3,
          price_per_unit: '12.50',
        }),
      }),
    },
  ];
  if (!ONLY) return all;
  // In the order given, so that order effects can be checked.
  return ONLY.map((key) => {
    const scenario = all.find((candidate) => candidate.key === key);
    if (!scenario)
      throw new Error(`BENCH_SCENARIOS: no scenario "${key}"; use ${all.map((s) => s.key).join(', ')}.`);
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
    const sorted = this.latencies.toSorted((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  }
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
        requests: [{ setupRequest: (request) => ({ ...request, ...scenario.next() }) }],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
    firing = instance;
  });
}

/** The autocannon run in progress, stopped on Ctrl-C. */
let firing: autocannon.Instance | undefined;

/** One request first, so that a scenario that answers the wrong status fails loudly instead of benchmarking it. */
async function check(server: Server, token: string, scenario: Scenario) {
  const { path, body } = scenario.next();
  const response = await fetch(server.origin + path, {
    method: scenario.method,
    headers: {
      ...credentialsOf(scenario, token),
      accept: 'application/json',
      'content-type': 'application/json',
    },
    body,
  });
  const text = await response.text();
  if (response.status !== scenario.expect) {
    throw new Error(
      `${scenario.name}: expected ${scenario.expect}, got ${response.status}: ${text.slice(0, 300)}`,
    );
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

function machineDescription(postgresVersion: string, kind: string): string {
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `- Machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; load generator, server and database share it`,
    `- Node ${process.version}; database: ${kind === 'postgres' ? 'PostgreSQL server on loopback' : 'embedded PGlite (in the server process)'}, ${postgresVersion.split(',')[0]}`,
    `- Code: ${codeVersion()} (built to dist/ by npm run bench)`,
    `- ${CONNECTIONS} connections, ${DURATION} s per scenario${ROUNDS > 1 ? ` in ${ROUNDS} interleaved rounds` : ''}, ` +
      `after a warm-up round of ${WARMUP} s each; server at LOG_LEVEL=warn, NODE_ENV=production`,
  ].join('\n');
}

function report(totals: Totals[], kind: BenchDatabase['kind'], seeded: Seeded, busyBefore: number): string {
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
    `### ${kind === 'postgres' ? 'PostgreSQL server' : 'Embedded PGlite'}`,
    '',
    machineDescription(seeded.postgresVersion, kind),
    `- Other work on the machine just before the run: ${fixed(busyBefore, 2)} of ${cpus().length} cores busy`,
    '',
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
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
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

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const database = await createBenchDatabase();
  const workDir = await mkdtemp(join(tmpdir(), 'orderly-bench-run-'));
  let idp: TestIdp | undefined;
  let server: Server | undefined;
  let interrupted = false;
  const cleanUp = async () => {
    await server?.stop();
    await idp?.close();
    await database.drop();
    if (server?.profileDir) {
      log(`CPU profile of the server kept in ${server.profileDir}`);
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
    server = await startServer({ ...database.env, ...oidcEnv }, owner.id, workDir);
    log(
      `server pid ${server.pid} at ${server.origin}, RSS after start ${mb(procStatus(server.pid)?.rss ?? 0)} MB`,
    );

    // One round over every scenario first: otherwise the first one measured also pays for JIT compilation,
    // heap growth and (embedded) WebAssembly tier-up, which would flatter whatever comes later.
    const list = scenarios(seeded, providerJwt);
    log(`warm-up round: ${list.length} × ${WARMUP} s`);
    for (const scenario of list) {
      await check(server, owner.token, scenario);
      await fire(server, owner.token, scenario, WARMUP);
    }

    const totals = list.map((scenario) => new Totals(scenario));
    const slice = DURATION / ROUNDS;
    for (let round = 1; round <= ROUNDS; round++) {
      for (const scenario of totals) {
        if (interrupted) return;
        log(`${scenario.scenario.name}: ${slice} s${ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : ''}`);
        const name = ROUNDS > 1 ? `${scenario.scenario.key}-${round}` : scenario.scenario.key;
        await runSlice(server, owner.token, scenario, slice, database.stats, name);
      }
    }
    for (const t of totals) {
      log(
        `${t.scenario.name}: ${thousands(t.requestsPerSecond)} req/s, p50 ${fixed(t.percentile(50), 1)} ms, ` +
          `p99 ${fixed(t.percentile(99), 1)} ms, RSS ${mb(t.peakRss)} MB`,
      );
    }
    const hwm = procStatus(server.pid)?.hwm ?? 0;
    process.stdout.write(
      `${report(totals, database.kind, seeded, busyBefore)}\nServer VmHWM (peak RSS since start): ${mb(hwm)} MB\n`,
    );
  } finally {
    await cleanUpOnce();
  }
}

await main();
// autocannon and pg can leave handles behind for a moment; the run is over.
process.exit(0);
