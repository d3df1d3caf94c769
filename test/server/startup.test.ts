import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { processDatabase, startServer, startWorker } from '../helpers/processes.js';

const TOKEN_LINE = /Its API token \(shown once\):\n\n {2}(oly_[A-Za-z0-9_-]{43})\n/;
const RETRY_MESSAGE = '"msg":"the database cannot be reached; trying again"';

type ProxyMode = 'drop' | 'hang' | 'forward';

/**
 * A TCP proxy on a free loopback port in front of the PostgreSQL server: it drops each connection at
 * once (`drop`), holds it open without a byte (`hang`: only a connect timeout ends it), or forwards it.
 */
async function databaseProxy(upstream: URL) {
  let mode: ProxyMode = 'drop';
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    track(client);
    if (mode === 'drop') {
      client.destroy();
      return;
    }
    if (mode === 'hang') return;
    const server = connect(Number(upstream.port || 5432), upstream.hostname);
    track(server);
    client.pipe(server).pipe(client);
    client.once('close', () => server.destroy());
    server.once('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    set(next: ProxyMode) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Resolves once `condition` holds, checking every 50 ms. */
async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const retryLines = (output: string) => output.split('\n').filter((line) => line.includes(RETRY_MESSAGE));
const retries = (output: string) => retryLines(output).length;

// The embedded database cannot be unreachable: these run on a PostgreSQL server only.
describe.runIf(onRealPostgres)(
  'a start while the PostgreSQL server cannot be reached',
  { timeout: 180_000 },
  () => {
    let database: URL;
    let drop: () => Promise<void>;
    let proxy: Awaited<ReturnType<typeof databaseProxy>>;
    let env: Record<string, string>;
    beforeAll(async () => {
      const made = await processDatabase();
      database = new URL(made.env.DATABASE_URL ?? '');
      drop = made.drop;
    });
    afterAll(() => drop());
    afterEach(() => proxy?.close());

    const proxied = async (mode: ProxyMode) => {
      proxy = await databaseProxy(database);
      proxy.set(mode);
      const url = new URL(database);
      url.port = String(proxy.port);
      env = { DATABASE_URL: url.toString(), DATABASE_CONNECT_TIMEOUT_MS: '300', SMS_EVENTS: 'none' };
    };

    /** LISTEN connections open on the test database (auth changes, and the outbox of a dispatcher). */
    async function listening(): Promise<number> {
      const client = new pg.Client({ connectionString: database.toString() });
      await client.connect();
      try {
        const { rows } = await client.query(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and query ilike 'listen %'",
          [database.pathname.slice(1)],
        );
        return rows[0].n;
      } finally {
        await client.end();
      }
    }

    test('when the server starts, then it listens at once, answers 503 with Retry-After, keeps trying, and is ready once the database answers', async () => {
      // Arrange: connections that hang, so that each attempt ends by DATABASE_CONNECT_TIMEOUT_MS only.
      await proxied('hang');
      const server = await startServer(env, { until: 'listening' });
      try {
        await until(() => retries(server.output()) >= 2, 'two failed attempts');

        // Act
        const live = await fetch(`${server.url}/livez`);
        const ready = await fetch(`${server.url}/readyz`);
        const api = await fetch(`${server.url}/api/v2/customers/`);
        proxy.set('drop');
        const attempts = retries(server.output());
        await until(() => retries(server.output()) > attempts + 1, 'attempts against dropped connections');

        // Assert: not ready, answering.
        expect(live.status).toBe(200);
        expect(ready.status).toBe(503);
        expect(ready.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(((await ready.json()) as { details: object }).details).toEqual({
          database: expect.any(String),
        });
        expect(api.status).toBe(503);
        expect(api.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
        expect(await api.json()).toMatchObject({
          error: 'database_unavailable',
          title: 'The database cannot be reached',
        });
        for (const line of retryLines(server.output())) {
          expect(JSON.parse(line)).toMatchObject({
            level: 40,
            attempt: expect.any(Number),
            reason: expect.any(String),
          });
          // One line per attempt, without a stack trace.
          expect(line).not.toMatch(/"(err|stack)"/);
        }

        // Act: the database comes up.
        proxy.set('forward');
        await until(() => server.output().includes('database ready'), 'the database to be ready');

        // Assert: ready, serving, and listening (auth changes and the outbox) through the proxy.
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        const token = TOKEN_LINE.exec(server.output())?.[1] ?? '';
        const customers = await fetch(`${server.url}/api/v2/customers/`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(customers.status).toBe(200);
        await until(async () => (await listening()) === 2, 'two LISTEN connections');
      } finally {
        expect(await server.stop()).toBe(0);
      }
    });

    test('when `orderly worker` starts, then it waits for the database instead of exiting, and its dispatcher runs once it answers', async () => {
      // Arrange
      await proxied('drop');
      const worker = await startWorker(env, 'the database cannot be reached');
      try {
        // Act
        proxy.set('forward');
        await until(() => worker.output().includes('SMS dispatcher started'), 'the dispatcher');

        // Assert
        await until(async () => (await listening()) === 2, 'two LISTEN connections');
      } finally {
        expect(await worker.stop()).toBe(0);
      }
      expect(worker.output()).toContain('Worker stopped.');
    });

    test('when `orderly worker` gets SIGTERM while it waits for the database, then it exits 0', async () => {
      // Arrange
      await proxied('drop');
      const worker = await startWorker(env, 'the database cannot be reached');

      // Act
      const code = await worker.stop();

      // Assert
      expect(code).toBe(0);
      expect(worker.output()).toContain('shutting down');
    });
  },
);
