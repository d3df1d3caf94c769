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
 * This file is the order of the run. The knobs (BENCH_*) are in bench/options.ts; the steps in database.ts
 * (create, seed), server-process.ts (the server child), scenarios.ts (the HTTP scenarios), load.ts
 * (autocannon, and what a measured slice costs), proc.ts (CPU and RSS from /proc), dispatch.ts (the
 * dispatcher runs) and report.ts (the tables and verdicts).
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
import { check, fire, runSlice, stopFiring, Totals } from './load.js';
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
import { dispatchReport, fixed, header, httpReport, mb, thousands } from './report.js';
import { credentialsOf, type Scenario, scenarios, variantOf } from './scenarios.js';
import { type Server, type ServerVariant, startServer } from './server-process.js';

type ConfigModule = typeof import('../src/config.js');

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
    stopFiring();
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
    for (const scenario of list) {
      await scenario.prepare?.(serverOf(scenario).origin, credentialsOf(scenario, owner.token));
    }
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
      const { loadConfig } = await importDist<ConfigModule>('config.js');
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
