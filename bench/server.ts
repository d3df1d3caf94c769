/**
 * The server under test, started by bench/run.ts as a child process (bench/server-process.ts).
 *
 * It builds the compiled app (dist/, from `npm run build`) exactly as src/server.ts does (with the SMS
 * dispatcher when DISPATCHER_IN_API is true; server-process.ts sets it to false), and adds one
 * bare route, the "floor": GET /bench/floor/customers/:id runs the very query of customer detail
 * (the repository's findCustomer, scoped to BENCH_FLOOR_OWNER_ID) with no auth, no validation and
 * no response schema. The gap between the two is what the API's layers cost. Two diagnostic variants of
 * the floor show what the data access costs: the same SQL through the driver directly, and as a Drizzle
 * prepared statement. A counter of the statements sent to the database answers run.ts over IPC.
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
type CustomersRepositoryModule = typeof import('../src/customers/customers.repository.js');
type SchemaModule = typeof import('../src/db/schema.js');
type DrizzleModule = typeof import('drizzle-orm');
type Actor = import('../src/auth/actor.js').Actor;

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
  const [
    { buildApp },
    { bootstrapAdmin },
    { loadConfig },
    { createDeps },
    { startDispatcher },
    { findCustomer },
    { customers },
    { and, eq, sql },
  ] = await Promise.all([
    load<AppModule>('app.js'),
    load<BootstrapModule>('auth/bootstrap.js'),
    load<ConfigModule>('config.js'),
    load<DepsModule>('deps.js'),
    load<DeliveryModule>('notifications/delivery.js'),
    load<CustomersRepositoryModule>('customers/customers.repository.js'),
    load<SchemaModule>('db/schema.js'),
    // The app's own copy of Drizzle (its ESM entry), not a second instance.
    load<DrizzleModule>('../node_modules/drizzle-orm/index.js'),
  ]);

  // As src/server.ts.
  const config = loadConfig();
  const deps = await createDeps(config);
  const app = await buildApp({ ...deps, db: deps.database.db });
  if (config.NODE_ENV !== 'production') await bootstrapAdmin(deps.database.db);

  // The floor: same query, same Drizzle mapping, nothing else (outside /api/v1, so no auth or negotiation
  // hook; the root-level request-id hook and default JSON.stringify serialisation still apply).
  const floorActor: Actor = {
    userId: Number(process.env.BENCH_FLOOR_OWNER_ID ?? 0),
    email: 'floor@bench',
    role: 'staff',
    authMethod: 'api_token',
  };
  const db = deps.database.db;
  app.get('/bench/floor/customers/:id', async (request, reply) => {
    const row = await findCustomer(db, floorActor, Number((request.params as { id: string }).id));
    if (!row) return reply.code(404).send({ error: 'not_found' });
    return row;
  });

  // Diagnostic, not a target: the same SQL through the driver directly, to show what Drizzle's
  // per-request query building and row mapping cost. Both drivers answer `query(text, values)`.
  const client = (
    db as unknown as { $client: { query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } }
  ).$client;
  app.get('/bench/floor-raw/customers/:id', async (request, reply) => {
    const { rows } = await client.query(
      'select id, owner_id, first_name, second_name, code, phone, created_at, updated_at from customers where id = $1 and owner_id = $2',
      [Number((request.params as { id: string }).id), floorActor.userId],
    );
    if (rows.length === 0) return reply.code(404).send({ error: 'not_found' });
    return rows[0];
  });

  // Diagnostic: the same query as a Drizzle prepared statement (built once; on PostgreSQL also parsed and
  // planned once per connection), to measure what preparing the hot queries in src/ would save.
  const findPrepared = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, sql.placeholder('id')), eq(customers.ownerId, sql.placeholder('owner'))))
    .prepare('bench_find_customer');
  app.get('/bench/floor-prepared/customers/:id', async (request, reply) => {
    const [row] = await findPrepared.execute({
      id: Number((request.params as { id: string }).id),
      owner: floorActor.userId,
    });
    if (!row) return reply.code(404).send({ error: 'not_found' });
    return row;
  });

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
