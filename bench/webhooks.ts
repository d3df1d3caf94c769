/**
 * Webhook throughput (`npm run bench:webhooks`, PostgreSQL only: the workers are processes of their own and
 * an embedded database can be open in one process only). `dist/cli.js worker` processes, as deployed,
 * drain a backlog of order events to one endpoint: the test receiver in a network namespace
 * (test/helpers/webhook-receiver.ts, so root), which verifies every signature with the `standardwebhooks`
 * package and answers each delivery after BENCH_WEBHOOK_LATENCY_MS.
 *
 * Knobs: DATABASE_URL (required); BENCH_WEBHOOK_EVENTS (5000 per run); BENCH_WEBHOOK_WORKERS (1,2);
 * BENCH_WEBHOOK_CONCURRENCY (WEBHOOK_CONCURRENCY of each worker: 32); BENCH_WEBHOOK_ENDPOINT_CONCURRENCY
 * (WEBHOOK_ENDPOINT_CONCURRENCY: 64 and 8, the default, which bounds one endpoint whatever the workers);
 * BENCH_WEBHOOK_LATENCY_MS (20); BENCH_ROUNDS (2 runs per configuration, round-robin).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { startWebhookReceiver, type WebhookReceiver } from '../test/helpers/webhook-receiver.js';
import { Child, childEnv } from './child-process.js';
import { createBenchDatabase, seed } from './database.js';
import { waitForListeners } from './dispatch.js';
import { distDir, importDist, root } from './dist.js';
import { machineCpu, processCpu } from './proc.js';
import { log } from './progress.js';
import { fixed, thousands } from './report.js';

type ConfigModule = typeof import('../src/config.js');
type DepsModule = typeof import('../src/deps.js');
type ServiceModule = typeof import('../src/webhooks/webhooks.service.js');
type ClientModule = typeof import('../src/db/client.js');

const number = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number`);
  return value;
};
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').map((entry) => {
    const value = Number(entry.trim());
    if (!(value > 0)) throw new Error(`${name} must list positive numbers`);
    return value;
  });

const EVENTS = Math.round(number('BENCH_WEBHOOK_EVENTS', 5_000));
const WORKERS = list('BENCH_WEBHOOK_WORKERS', '1,2');
const CONCURRENCY = list('BENCH_WEBHOOK_CONCURRENCY', '32');
const PER_ENDPOINT = list('BENCH_WEBHOOK_ENDPOINT_CONCURRENCY', '64,8');
const LATENCY_MS = number('BENCH_WEBHOOK_LATENCY_MS', 20);
const ROUNDS = Math.round(number('BENCH_ROUNDS', 2));
/** A run fails when no delivery was settled for this long. */
const STALL_MS = 30_000;

interface Config {
  workers: number;
  concurrency: number;
  perEndpoint: number;
}

class Totals {
  events = 0;
  received = 0;
  delivered = 0;
  duplicates = 0;
  unverified = 0;
  seconds = 0;
  workerCpu = 0;
  machineBusy = 0;
  machineWall = 0;

  constructor(readonly config: Config) {}

  get name() {
    return `${this.config.workers} × ${this.config.concurrency}, ${this.config.perEndpoint} per endpoint`;
  }

  /** What the receiver's latency alone allows: every slot the workers and the endpoint's cap give, always busy. */
  get latencyBound() {
    const slots = Math.min(this.config.workers * this.config.concurrency, this.config.perEndpoint);
    return (slots * 1000) / LATENCY_MS;
  }
}

/** The settings every worker shares: the receiver's network allowed over http, secrets under a bench key. */
function webhookEnv(receiver: WebhookReceiver, key: string): Record<string, string> {
  return {
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOWED_NETWORKS: receiver.network,
    WEBHOOK_ENCRYPTION_KEYS: key,
  };
}

/** An admin and the endpoint, registered through the service (so its secret is sealed as the API seals it). */
async function registerEndpoint(env: Record<string, string>, url: string): Promise<string> {
  const { loadConfig } = await importDist<ConfigModule>('config.js');
  const { createDeps } = await importDist<DepsModule>('deps.js');
  const { createEndpoint } = await importDist<ServiceModule>('webhooks/webhooks.service.js');
  const { selectRows } = await importDist<ClientModule>('db/client.js');
  const deps = await createDeps(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env }));
  try {
    const db = deps.database.db;
    const [user] = await selectRows<{ id: number }>(
      db,
      sql`insert into users (email, display_name, role) values ('bench-admin@example.com', 'Bench admin', 'admin') returning id`,
    );
    const userId = Number(user?.id);
    const actor = {
      userId,
      email: 'bench-admin@example.com',
      role: 'admin' as const,
      authMethod: 'api_token' as const,
    };
    const { secret } = await createEndpoint(
      { db, actor, webhooks: deps.webhooks },
      { url, events: ['order.updated'], description: 'bench receiver' },
    );
    return secret;
  } finally {
    deps.webhooks.close();
    await deps.database.close();
  }
}

function startWorker(env: Record<string, string>): Child {
  return new Child(
    spawn(process.execPath, [join(distDir, 'cli.js'), 'worker'], {
      cwd: root,
      env: childEnv(env),
      stdio: ['ignore', 2, 'inherit', 'ipc'],
    }),
  );
}

/** Polls the deliveries until none is pending or being sent. */
async function waitUntilDrained(stats: pg.Client, running: Child[]): Promise<void> {
  let settled = -1;
  let progressAt = Date.now();
  for (;;) {
    await sleep(250);
    const { rows } = await stats.query<{ open: string; settled: string }>(
      `select count(*) filter (where status in ('pending', 'sending')) as open,
              count(*) filter (where status not in ('pending', 'sending')) as settled
       from webhook_deliveries`,
    );
    const open = Number(rows[0]?.open);
    if (open === 0) return;
    if (running.some((worker) => !worker.running)) throw new Error('a worker exited during the run');
    const now = Number(rows[0]?.settled);
    if (now > settled) {
      settled = now;
      progressAt = Date.now();
    } else if (Date.now() - progressAt > STALL_MS) {
      throw new Error(`the workers settled nothing for ${STALL_MS / 1000} s; ${open} still open`);
    }
  }
}

/**
 * One run: no events, the workers started and idle, then the backlog written in one statement (an UPDATE
 * of EVENTS orders, whose trigger writes an `order.updated` event and its delivery per order), drained.
 */
async function run(totals: Totals, env: Record<string, string>, stats: pg.Client, receiver: WebhookReceiver) {
  await stats.query('truncate webhook_events cascade');
  await receiver.reset();
  await receiver.answer({ delayMs: LATENCY_MS });
  const since = Date.now();
  const running = Array.from({ length: totals.config.workers }, () =>
    startWorker({
      ...env,
      WEBHOOK_CONCURRENCY: String(totals.config.concurrency),
      WEBHOOK_ENDPOINT_CONCURRENCY: String(totals.config.perEndpoint),
    }),
  );
  try {
    await waitForListeners(stats, running, since);
    const workersBefore = running.reduce((sum, worker) => sum + processCpu(worker.pid), 0);
    const machineBefore = machineCpu();
    const updated = await stats.query(
      "update orders set quantity = quantity + 1 where id in (select id from orders where status = 'Pending' order by id limit $1)",
      [EVENTS],
    );
    await waitUntilDrained(stats, running);
    const machineAfter = machineCpu();
    const workersAfter = running.reduce((sum, worker) => sum + processCpu(worker.pid), 0);
    const received = await receiver.received();
    const { rows } = await stats.query<{ delivered: string; last_ms: number }>(
      `select count(*) as delivered, (extract(epoch from max(delivered_at)) * 1000)::float8 as last_ms
       from webhook_deliveries where status = 'succeeded'`,
    );
    const first = Math.min(...received.map((request) => request.at));
    totals.events += updated.rowCount ?? 0;
    totals.received += received.length;
    totals.delivered += Number(rows[0]?.delivered);
    totals.duplicates +=
      received.length - new Set(received.map((request) => request.headers['webhook-id'])).size;
    totals.unverified += received.filter((request) => !request.verified).length;
    totals.seconds += (Number(rows[0]?.last_ms) - first) / 1000;
    totals.workerCpu += workersAfter - workersBefore;
    totals.machineBusy += machineAfter.busy - machineBefore.busy;
    totals.machineWall += (machineAfter.total - machineBefore.total) / cpus().length;
  } finally {
    await Promise.all(running.map((worker) => worker.stop()));
  }
}

function report(all: Totals[]): string {
  const lines = [
    '| Workers × WEBHOOK_CONCURRENCY, WEBHOOK_ENDPOINT_CONCURRENCY | events/s | latency bound | received | delivered | duplicates | unverified | workers µs/event | machine busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const totals of all) {
    lines.push(
      `| ${totals.name} | ${thousands(totals.delivered / totals.seconds)} | ${thousands(totals.latencyBound)} | ` +
        `${thousands(totals.received)} | ${thousands(totals.delivered)} | ${totals.duplicates} | ${totals.unverified} | ` +
        `${fixed((totals.workerCpu / totals.delivered) * 1e6)} | ${fixed(totals.machineBusy / totals.machineWall, 2)} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!process.env.DATABASE_URL) {
    throw new Error('bench:webhooks needs DATABASE_URL (PostgreSQL): its workers are processes of their own');
  }
  const database = await createBenchDatabase();
  const receiver = await startWebhookReceiver();
  try {
    const key = randomBytes(32).toString('base64');
    const env = { ...database.env, ...webhookEnv(receiver, key) };
    await seed(env);
    const secret = await registerEndpoint(env, receiver.url('/orders'));
    await receiver.setSecrets([secret]);
    const stats = new pg.Client({ connectionString: database.env.DATABASE_URL });
    await stats.connect();
    database.stats = stats;
    const [version] = (await stats.query<{ version: string }>('select version()')).rows;
    const all = WORKERS.flatMap((workerCount) =>
      CONCURRENCY.flatMap((concurrency) =>
        PER_ENDPOINT.map((perEndpoint) => new Totals({ workers: workerCount, concurrency, perEndpoint })),
      ),
    );
    for (let round = 1; round <= ROUNDS; round++) {
      for (const totals of all) {
        log(`round ${round}/${ROUNDS}: ${totals.name}, ${EVENTS} events`);
        await run(totals, env, stats, receiver);
      }
    }
    process.stdout.write(
      `Webhooks: ${EVENTS} events per run, ${ROUNDS} runs per configuration, receiver answering after ${LATENCY_MS} ms; ` +
        `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); ${version?.version ?? 'PostgreSQL'}\n\n${report(all)}\n`,
    );
  } finally {
    await receiver.close();
    await database.drop();
  }
}

await main();
