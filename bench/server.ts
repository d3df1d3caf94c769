/**
 * The server under test, started by bench/run.ts as a child process (bench/server-process.ts).
 *
 * It builds the compiled app (dist/, from `npm run build`) exactly as src/server.ts does (with the SMS
 * dispatcher when DISPATCHER_IN_API is true; server-process.ts sets it to false), and adds no route:
 * the floor that Orderly is compared with is a process of its own (bench/floor.ts), so that it pays none
 * of the app's hooks. A counter of the statements sent to the database, and a CPU profiler, answer run.ts
 * over IPC.
 *
 * server-process.ts transpiles this file and runs it with plain `node` (no tsx loader thread, which alone
 * adds about 30 MB of RSS), so the app modules are found through BENCH_DIST_DIR rather than relative
 * imports.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type AppModule = typeof import('../src/app.js');
type BootstrapModule = typeof import('../src/auth/bootstrap.js');
type ConfigModule = typeof import('../src/config.js');
type DepsModule = typeof import('../src/deps.js');
type DeliveryModule = typeof import('../src/notifications/delivery.js');

const distDir = process.env.BENCH_DIST_DIR ?? fileURLToPath(new URL('../dist/', import.meta.url));

function load<T>(file: string): Promise<T> {
  return import(pathToFileURL(join(distDir, file)).href) as Promise<T>;
}

interface BenchRequest {
  id: number;
  command: 'statements' | 'profile-start' | 'profile-stop';
  file?: string;
}

/**
 * Counts the statements the app sends to the database (each is one round trip), for "DB statements per
 * request". node-postgres: every query goes through pg.Client#query (the pool's included). PGlite: through
 * the instance's query method (statements inside a PGlite transaction are not seen). One increment each.
 */
function countStatements(db: unknown): () => number {
  let count = 0;
  const client = (db as { $client: { query: (...args: unknown[]) => unknown; totalCount?: number } }).$client;
  const wrap = <F extends (...args: never[]) => unknown>(query: F) =>
    function (this: unknown, ...args: Parameters<F>) {
      count++;
      return query.apply(this, args);
    };
  if (typeof client.totalCount === 'number') {
    // The app's pg (resolved from the app's root, so it is the very module dist/ imports).
    const pg = createRequire(join(distDir, '..', 'package.json'))('pg') as typeof import('pg');
    pg.Client.prototype.query = wrap(pg.Client.prototype.query) as typeof pg.Client.prototype.query;
  } else {
    client.query = wrap(client.query);
  }
  return () => count;
}

async function main() {
  const [{ buildApp }, { bootstrapAdmin }, { loadConfig }, { createDeps }, { startDispatcher }] =
    await Promise.all([
      load<AppModule>('app.js'),
      load<BootstrapModule>('auth/bootstrap.js'),
      load<ConfigModule>('config.js'),
      load<DepsModule>('deps.js'),
      load<DeliveryModule>('notifications/delivery.js'),
    ]);

  // As src/server.ts.
  const config = loadConfig();
  const deps = await createDeps(config);
  const app = await buildApp({ ...deps, db: deps.database.db });
  if (config.NODE_ENV !== 'production') await bootstrapAdmin(deps.database.db);

  const db = deps.database.db;

  const dispatcher = config.DISPATCHER_IN_API
    ? await startDispatcher(config, deps.database, app.log.child({ component: 'dispatcher' }))
    : undefined;

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await Promise.all([app.close(), dispatcher?.stop()]);
    await deps.database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  // The bench process went away (crashed or killed): do not outlive it.
  process.on('disconnect', () => void shutdown());

  // Requests from run.ts over IPC, each answered with the same id: statement counts, CPU profiles.
  const statements = countStatements(db);
  let session: Session | undefined;
  process.on('message', (message: BenchRequest) => {
    void (async () => {
      if (message.command === 'profile-start') {
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 250 });
        await session.post('Profiler.start');
      } else if (message.command === 'profile-stop' && session && message.file) {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = undefined;
        await writeFile(message.file, JSON.stringify(profile));
      }
      process.send?.({ id: message.id, statements: statements() });
    })();
  });

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  process.send?.({ port });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
