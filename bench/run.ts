/**
 * `npm run bench`: seeds a throw-away database, starts bench/server.ts (Orderly) and, on PostgreSQL,
 * bench/floor.ts (the bare floor) as child processes and drives them with wrk, the scenarios round-robin
 * (see BENCH_ROUNDS). Then (PostgreSQL only)
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
 * This file is the order of the run. The knobs (BENCH_*) are in bench/options.ts; the steps in database.ts
 * (create, seed), server-process.ts (the server and floor children), floor.ts (the floor), scenarios.ts
 * (the HTTP scenarios), wrk.ts (the load generator), load.ts (what a measured slice costs), proc.ts (CPU and
 * RSS from /proc), dispatch.ts (the dispatcher runs) and report.ts (the tables and verdicts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { type FakeAfricasTalking, startFakeAfricasTalking } from '../test/helpers/fake-africastalking.js';
import { startTestIdp, TEST_AUDIENCE, type TestIdp } from '../test/helpers/idp.js';
import { childEnv, transpile } from './child-process.js';
import { createBenchDatabase, seed } from './database.js';
import { DispatchTotals, runDispatch, type WorkerFiles, workers } from './dispatch.js';
import { importDist } from './dist.js';
import { check, fire, runSlice, Totals } from './load.js';
import {
  CPU_PROFILE,
  DISPATCH_CONCURRENCY,
  DISPATCH_KEY,
  DISPATCH_LATENCY_MS,
  DISPATCH_MESSAGES,
  DISPATCH_WORKERS,
  DURATION,
  ONLY,
  ROUNDS,
  WARMUP,
} from './options.js';
import { machineCpu, procStatus } from './proc.js';
import { log } from './progress.js';
import { dispatchReport, fixed, header, httpReport, mb, skippedNote, thousands } from './report.js';
import { credentialsOf, needsFloor, type Scenario, scenarios, type Target, targetOf } from './scenarios.js';
import { type Server, startFloor, startServer } from './server-process.js';
import { stopWrk } from './wrk.js';

type ConfigModule = typeof import('../src/config.js');

async function main() {
  const database = await createBenchDatabase();
  const workDir = await mkdtemp(join(tmpdir(), 'orderly-bench-run-'));
  let idp: TestIdp | undefined;
  let fake: FakeAfricasTalking | undefined;
  const servers = new Map<Target, Server>();
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
    stopWrk();
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
    const owner = seeded.a;
    if (database.kind === 'postgres' && database.env.DATABASE_URL) {
      database.stats = new pg.Client({ connectionString: database.env.DATABASE_URL });
      await database.stats.connect();
    }
    const { loadConfig } = await importDist<ConfigModule>('config.js');
    const appConfig = loadConfig(childEnv(database.env));
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

    const every = scenarios(seeded, providerJwt);
    // The floor shares the database with the server over connections of its own: an embedded database can
    // be open in one process only.
    const skipped = database.stats ? [] : every.filter(needsFloor);
    const list = every.filter((scenario) => !skipped.includes(scenario));
    if (skipped.length > 0)
      log(`embedded database: no floor scenarios (${skipped.map((s) => s.key).join(', ')})`);
    const targets = [...new Set(list.map(targetOf))];
    // Every server's database first: an embedded one is copied from the seeded directory before any server opens it.
    const targetDatabases = new Map<Target, Record<string, string>>();
    for (const target of targets) {
      targetDatabases.set(
        target,
        target === 'outbox' || target === 'floor' ? database.env : await database.another(target),
      );
    }
    for (const [target, env] of targetDatabases) {
      const server =
        target === 'floor'
          ? await startFloor(
              env,
              { poolSize: appConfig.DATABASE_POOL_SIZE, currency: appConfig.DEFAULT_CURRENCY },
              workDir,
            )
          : await startServer(target, { ...env, ...oidcEnv }, workDir);
      servers.set(target, server);
      log(
        `${target === 'floor' ? 'floor' : `server (${target})`} pid ${server.pid} at ${server.origin}, ` +
          `RSS after start ${mb(procStatus(server.pid)?.rss ?? 0)} MB`,
      );
    }
    const serverOf = (scenario: Scenario) => servers.get(targetOf(scenario)) as Server;
    const credentials = (scenario: Scenario) => credentialsOf(scenario, owner.token);
    const stats = database.stats;
    const notificationsOf = (scenario: Scenario) => async (orderId: number) => {
      if (stats) {
        const { rows } = await stats.query<{ count: string }>(
          'select count(*) from notifications where order_id = $1',
          [orderId],
        );
        return Number(rows[0]?.count);
      }
      const response = await fetch(`${serverOf(scenario).origin}/api/v1/orders/${orderId}/notifications/`, {
        headers: { ...credentials(scenario), accept: 'application/json' },
      });
      return ((await response.json()) as { count: number }).count;
    };

    // A warm-up round over every scenario of a phase first: otherwise the first one measured also pays for JIT
    // compilation, heap growth and (embedded) WebAssembly tier-up, which would flatter whatever comes later.
    for (const scenario of list) {
      await scenario.prepare?.(serverOf(scenario).origin, credentials(scenario));
    }
    const totals = list.map((scenario) => new Totals(scenario));
    const slice = Math.max(1, Math.round(DURATION / ROUNDS));
    // The reads, warm-up and rounds, before the writes: the orders that creates add would otherwise grow the
    // table under the reads measured after them (and a new ANALYZE can change their plans between rounds).
    const phases = [
      totals.filter((t) => t.scenario.method === 'GET'),
      totals.filter((t) => t.scenario.method !== 'GET'),
    ].filter((phase) => phase.length > 0);
    let idleRss: Map<string, number> | undefined;
    for (const phase of phases) {
      log(`warm-up round: ${phase.length} × ${WARMUP} s`);
      for (const { scenario } of phase) {
        await check(serverOf(scenario), scenario, credentials(scenario), notificationsOf(scenario));
        await fire(serverOf(scenario), scenario, credentials(scenario), WARMUP, workDir);
      }
      // Idle: started and warmed up, before the measured load.
      idleRss ??= new Map([...servers].map(([target, server]) => [target, procStatus(server.pid)?.rss ?? 0]));
      for (let round = 1; round <= ROUNDS; round++) {
        for (const scenario of phase) {
          if (interrupted) return;
          log(`${scenario.scenario.name}: ${slice} s${ROUNDS > 1 ? ` (round ${round} of ${ROUNDS})` : ''}`);
          const name = ROUNDS > 1 ? `${scenario.scenario.key}-${round}` : scenario.scenario.key;
          await runSlice(
            serverOf(scenario.scenario),
            credentials(scenario.scenario),
            scenario,
            slice,
            database.stats,
            name,
            workDir,
          );
        }
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
      const memory = [...servers].map(([target, server]) => ({
        name: target === 'floor' ? 'floor' : `server (${target})`,
        floor: target === 'floor',
        idle: idleRss?.get(target) ?? 0,
        peak: procStatus(server.pid)?.hwm ?? 0,
      }));
      output.push(httpReport(totals, database.kind, memory, skipped));
    } else if (skipped.length > 0) {
      output.push(skippedNote(skipped), '');
    }
    if (dispatch && database.stats) {
      output.push(dispatchReport(dispatchTotals, appConfig.DATABASE_POOL_SIZE));
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
// pg can leave handles behind for a moment; the run is over.
process.exit(0);
