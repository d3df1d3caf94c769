/** The report: markdown tables on stdout, and the verdicts on the targets. */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import type { BenchDatabase, Seeded } from './database.js';
import { DISPATCH_RATE, type DispatchTotals } from './dispatch.js';
import { root } from './dist.js';
import { percentile, type Totals } from './load.js';
import {
  CONNECTIONS,
  CUSTOMERS,
  DEEP,
  DISPATCH_LATENCY_MS,
  DISPATCH_MESSAGES,
  DURATION,
  ORDERS,
  OTHER_CUSTOMERS,
  OTHER_ORDERS,
  ROUNDS,
  THREADS,
  WARMUP,
} from './options.js';
import type { Scenario } from './scenarios.js';

export const fixed = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const mb = (bytes: number) => (bytes > 0 ? (bytes / 2 ** 20).toFixed(0) : 'n/a');
export const thousands = (value: number) =>
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

export function header(
  kind: BenchDatabase['kind'],
  seeded: Seeded,
  busyBefore: number,
  http: boolean,
): string {
  const cpuModel = cpus()[0]?.model ?? 'unknown CPU';
  return [
    `### ${kind === 'postgres' ? 'PostgreSQL server' : 'Embedded PGlite'}`,
    '',
    `- Machine: ${cpus().length} × ${cpuModel}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; load generator, server and database share it`,
    `- Node ${process.version}; database: ${kind === 'postgres' ? 'PostgreSQL server on loopback' : 'embedded PGlite (in the server process)'}, ${seeded.postgresVersion.split(',')[0]}`,
    `- Code: ${codeVersion()} (built to dist/ by npm run bench)`,
    ...(http
      ? [
          `- wrk, ${THREADS} thread${THREADS > 1 ? 's' : ''}, ${CONNECTIONS} connections, ${DURATION} s per scenario` +
            `${ROUNDS > 1 ? ` in ${ROUNDS} interleaved rounds` : ''}, after a warm-up round of ${WARMUP} s each; ` +
            'server at LOG_LEVEL=warn, NODE_ENV=production, DISPATCHER_IN_API=false',
          `- Data: user A ${CUSTOMERS.toLocaleString('en-US')} customers and ${ORDERS.toLocaleString('en-US')} orders ` +
            `(deep pages at ${DEEP.toLocaleString('en-US')}); user B ${OTHER_CUSTOMERS} customers and ${OTHER_ORDERS} orders; ` +
            "orders are created by a third user, W, so that A's lists keep their size",
        ]
      : []),
    `- Other work on the machine just before the run: ${fixed(busyBefore, 2)} of ${cpus().length} cores busy`,
    '',
  ].join('\n');
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**');

/** A process under load: RSS once started and warmed up (before the measured load), and VmHWM at the end. */
export interface Memory {
  name: string;
  floor: boolean;
  idle: number;
  peak: number;
}

const MB = 2 ** 20;
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const percent = (value: number) => (Number.isFinite(value) ? `${(value * 100).toFixed(0)}%` : 'n/a');

/** Why the floor scenarios were not run (embedded database). */
export function skippedNote(skipped: Scenario[]): string {
  return (
    `Not measured: ${skipped.map((t) => t.key).join(', ')}. The floor shares the bench database with the ` +
    'server over connections of its own, and an embedded database can be open in one process only. Run ' +
    'with DATABASE_URL.'
  );
}

export function httpReport(
  totals: Totals[],
  kind: BenchDatabase['kind'],
  memory: Memory[],
  skipped: Scenario[],
): string {
  const perRequest = (seconds: number, t: Totals) => (seconds / t.sent) * 1e6;
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
  const spread = (t: Totals) =>
    t.perSlice.length > 1
      ? `${thousands(Math.min(...t.perSlice))}–${thousands(Math.max(...t.perSlice))}`
      : '';
  const lines = [
    `req/s over all rounds, and the spread: the lowest and highest req/s of a round. "Floor" rows are the bare floor (bench/floor.ts); in their rows "server" is the floor process.`,
    '',
    '| Scenario | req/s | spread | p50 ms | p99 ms | non-2xx | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...totals.map(
      (t) =>
        `| ${t.scenario.name} | ${thousands(t.requestsPerSecond)} | ${spread(t)} | ${fixed(t.percentile(50), 1)} | ` +
        `${fixed(t.percentile(99), 1)} | ${thousands(t.non2xx)}${t.errors > 0 ? ` (+${t.errors} errors)` : ''} | ` +
        `${mb(t.peakRss)} |`,
    ),
    '',
    'Where the CPU went: per request sent (µs), and in cores busy on average (the machine has ' +
      `${cpus().length}). Server µs/req in brackets: the part spent in the kernel (syscalls, loopback TCP). ` +
      'PostgreSQL: the backends of the bench database. Load generator: wrk. ' +
      '"Other" is busy CPU that none of the three explains: other work on the machine, which distorts the run.',
    '',
    '| Scenario | server µs/req | PostgreSQL µs/req | wrk µs/req | server | PostgreSQL | wrk | other | DB statements/req |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      ({ t, serverCores, loadCores, database, other }) =>
        `| ${t.scenario.name} | ${fixed(perRequest(t.serverCpu, t))} (${fixed(perRequest(t.serverSystem, t))}) | ` +
        `${fixed(perRequest(t.databaseCpu, t))} | ${fixed(perRequest(t.loadCpu, t))} | ${fixed(serverCores, 2)} | ` +
        `${fixed(database, 2)} | ${fixed(loadCores, 2)} | ${fixed(other, 2)} | ${fixed(t.statements / t.sent, 2)} |`,
    ),
    '',
  ];
  const byKey = (key: string) => totals.find((t) => t.scenario.key === key);
  const pairs = totals.flatMap((t) => {
    const floor = t.scenario.floor ? byKey(t.scenario.floor) : undefined;
    return floor ? [{ orderly: t, floor }] : [];
  });
  if (pairs.length > 0) {
    lines.push(
      "Orderly against the floor doing the same work (the v2 pages against the floor's v1 page 1, which also counts). " +
        'CPU per request sent: Orderly / floor.',
      '',
      '| Scenario | floor req/s | Orderly req/s | Orderly / floor | server µs/req | PostgreSQL µs/req |',
      '|---|---:|---:|---:|---:|---:|',
      ...pairs.map(({ orderly, floor }) => {
        const cpu = (of: (t: Totals) => number) =>
          `${fixed(of(orderly))} / ${fixed(of(floor))} (${ratio(of(orderly), of(floor))})`;
        return (
          `| ${orderly.scenario.name} | ${thousands(floor.requestsPerSecond)} | ${thousands(orderly.requestsPerSecond)} | ` +
          `${percent(orderly.requestsPerSecond / floor.requestsPerSecond)} | ` +
          `${cpu((t) => perRequest(t.serverCpu, t))} | ${cpu((t) => perRequest(t.databaseCpu, t))} |`
        );
      }),
      '',
    );
  }
  if (skipped.length > 0) lines.push(skippedNote(skipped), '');
  lines.push(
    'Memory: RSS once started and warmed up, before the measured load; peak: VmHWM (peak RSS since start) at the end.',
    '',
    '| Process | idle RSS MB | peak RSS MB |',
    '|---|---:|---:|',
    ...memory.map((m) => `| ${m.name} | ${mb(m.idle)} | ${mb(m.peak)} |`),
    '',
  );

  const floorDetail = byKey('floor-detail');
  const detail = byKey('detail');
  const create = byKey('create');
  const createNoOutbox = byKey('create-no-outbox');
  const notModified = byKey('not-modified');
  const createIdempotent = byKey('create-idempotent');
  const v2List = byKey('v2-list');
  const v2Deep = byKey('v2-deep');
  const targets: string[] = [];
  if (floorDetail && detail) {
    const share = detail.requestsPerSecond / floorDetail.requestsPerSecond;
    targets.push(`- Customer detail ≥ 60% of the bare floor: ${percent(share)}, ${verdict(share >= 0.6)}`);
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
    const share = create.requestsPerSecond / createNoOutbox.requestsPerSecond;
    targets.push(
      `- Order create with the outbox within 15% of without: ${percent(share)} of its throughput, ${verdict(share >= 0.85)}`,
    );
  }
  if (detail && notModified) {
    const share = notModified.requestsPerSecond / detail.requestsPerSecond;
    targets.push(
      `- GET with a current If-None-Match ≥ the plain GET: ${percent(share)} of its throughput, ${verdict(share >= 1)}`,
    );
  }
  if (create && createIdempotent) {
    const share = createIdempotent.requestsPerSecond / create.requestsPerSecond;
    targets.push(
      `- Order create with an Idempotency-Key within 20% of without: ${percent(share)} of its throughput, ${verdict(share >= 0.8)}`,
    );
  }
  if (v2List && v2Deep) {
    const share = v2Deep.requestsPerSecond / v2List.requestsPerSecond;
    // Embedded, the database's CPU is the server's own (no backends to read).
    const cpu = (t: Totals) => (t.serverCpu + (Number.isFinite(t.databaseCpu) ? t.databaseCpu : 0)) / t.sent;
    const cost = cpu(v2Deep) / cpu(v2List);
    targets.push(
      `- v2 orders page ${DEEP.toLocaleString('en-US')} rows deep within 10% of page 1: ${percent(share)} of its throughput, ` +
        `${percent(cost)} of its server + PostgreSQL CPU per request, ${verdict(share >= 0.9 && cost <= 1.1)}`,
    );
  }
  for (const m of memory.filter((m) => !m.floor)) {
    targets.push(
      kind === 'postgres'
        ? `- ${m.name}: idle RSS < 120 MB: ${mb(m.idle)} MB, ${verdict(m.idle < 120 * MB)}; ` +
            `peak RSS < 160 MB: ${mb(m.peak)} MB, ${verdict(m.peak < 160 * MB)}`
        : `- ${m.name}: idle RSS ${mb(m.idle)} MB, peak ${mb(m.peak)} MB (the 120 and 160 MB targets are for an ` +
            'external PostgreSQL; PGlite lives in the server process)',
    );
  }
  lines.push(
    kind === 'postgres'
      ? 'Targets (2-core machine, PostgreSQL on loopback):'
      : 'Targets (set for PostgreSQL on loopback, where PGlite does not live in the server; shown for reference):',
    '',
    ...targets,
    '',
  );
  for (const t of totals.filter((t) => t.requests !== t.expected || t.errors > 0)) {
    lines.push(
      `Warning: ${t.scenario.name}: ${thousands(t.requests - t.expected)} responses other than ${t.scenario.expect}, ` +
        `${t.errors} socket errors/timeouts.`,
    );
  }
  return lines.join('\n');
}

export function dispatchReport(totals: DispatchTotals[], poolSize: number): string {
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
