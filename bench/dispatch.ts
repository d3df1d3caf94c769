/**
 * The dispatcher: worker processes drain a backlog of notifications through the fake gateway (PostgreSQL
 * only: an embedded database can be open in one process only, so no worker could share it).
 */
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import type { FakeAfricasTalking } from '../test/helpers/fake-africastalking.js';
import { Child, childEnv } from './child-process.js';
import { distDir, root } from './dist.js';
import { DISPATCH_LATENCY_MS, DISPATCH_MESSAGES } from './options.js';
import { backendCpu, databaseCpu, machineCpu, processCpu } from './proc.js';

/** The outbound rate cap for the dispatcher runs: high enough never to be the limit. */
export const DISPATCH_RATE = 100_000;
const DISPATCH_POLL_MS = 250;
/** A dispatcher run fails when no notification was settled for this long. */
const DISPATCH_STALL_MS = 30_000;

interface DispatchConfig {
  workers: number;
  concurrency: number;
}

/** What one dispatcher configuration accumulates over its runs (one per round). */
export class DispatchTotals {
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
export const workers = new Set<Child>();

const senderId = (worker: number) => `BENCHW${worker + 1}`;

/** The files the workers are started with: the statement counter, and where CPU profiles go (BENCH_CPU_PROF). */
export interface WorkerFiles {
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

/** Waits until every worker started since `since` (ms) listens for new notifications (its dispatchers have started). */
export async function waitForListeners(stats: pg.Client, running: Child[], since: number): Promise<void> {
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
export async function runDispatch(
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
