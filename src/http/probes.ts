import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Database, migrationsFolder, selectRows } from '../db/client.js';
import { reasonOf } from '../db/startup.js';
import { AppError } from '../shared/errors.js';
import { renderProblem } from './problem.js';
import { API_V1, API_V2 } from './urls.js';

/** How long /readyz waits for the database to answer `select 1`, and then for the migrations check. */
const CHECK_TIMEOUT_MS = 2_000;
/** Retry-After of a refusal while no connection attempt is due (a failing check, a drain). */
const RETRY_AFTER_S = 5;

type DatabaseState = { up: true } | { up: false; reason: string; retryAt: number | undefined };

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Whether this process should get traffic, as /readyz reports it: shared by the server's start (which
 * connects to the database, db/startup.ts), its shutdown (which drains, shutdown.ts) and the app.
 */
export class Readiness {
  /**
   * Set by the first SIGTERM or SIGINT: /readyz answers 503 from then on, and every HTTP/1.1 response
   * carries `Connection: close`, so that clients open their next connection to another instance.
   */
  draining = false;
  /**
   * What the app needs of its database before it serves, when it was built before the database was up
   * (the cursor key): the start runs these after migrating, then calls `connected()`.
   */
  readonly beforeReady: (() => Promise<void>)[] = [];
  #database: DatabaseState;
  /** `created_at` of the newest migration in drizzle/ (Drizzle records each applied one with it). */
  readonly #latestMigration = Math.max(
    0,
    ...readMigrationFiles({ migrationsFolder }).map((m) => m.folderMillis),
  );

  /** `connected`: the database is migrated and listened to already (createDeps); else connectDeps is due. */
  constructor(
    private readonly db: Database,
    { connected }: { connected: boolean },
  ) {
    this.#database = connected ? { up: true } : { up: false, reason: 'connecting', retryAt: undefined };
  }

  /** Until the start has migrated the database and listens to it, API requests get 503 `database_unavailable`. */
  get databaseUp(): boolean {
    return this.#database.up;
  }

  /** An attempt of the start failed for `reason`; the next one is due at `retryAt` (epoch ms). */
  connectionFailed(reason: string, retryAt: number): void {
    this.#database = { up: false, reason, retryAt };
  }

  connected(): void {
    this.#database = { up: true };
  }

  /** Seconds a refused client should wait: until the next connection attempt, else a few. */
  retryAfterSeconds(): number {
    const { retryAt } = this.#database.up ? { retryAt: undefined } : this.#database;
    return retryAt === undefined ? RETRY_AFTER_S : Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  }

  /** The checks that fail now, each with why; none: ready. */
  async failing(): Promise<Record<string, string>> {
    const failing: Record<string, string> = {};
    if (this.draining) failing.draining = 'this instance is shutting down';
    if (!this.#database.up) {
      failing.database = `not connected yet (${this.#database.reason})`;
      return failing;
    }
    try {
      await within(CHECK_TIMEOUT_MS, this.db.execute(sql`select 1`));
    } catch (error) {
      failing.database = `select 1 failed: ${reasonOf(error)}`;
      return failing;
    }
    try {
      const [row] = await within(
        CHECK_TIMEOUT_MS,
        selectRows<{ applied: string }>(
          this.db,
          sql`select coalesce(max(created_at), 0)::text as applied from drizzle.__drizzle_migrations`,
        ),
      );
      const applied = Number(row?.applied ?? 0);
      if (applied < this.#latestMigration) {
        failing.migrations = `the newest applied migration is from ${new Date(applied).toISOString()}, this version needs the one from ${new Date(this.#latestMigration).toISOString()}`;
      }
    } catch (error) {
      failing.migrations = `cannot be read: ${reasonOf(error)}`;
    }
    return failing;
  }
}

const refuse = (request: FastifyRequest, reply: FastifyReply, problem: AppError) => {
  const { headers, body } = renderProblem(request, problem);
  return reply.code(503).headers(headers).header('cache-control', 'no-store').send(body);
};

const needsDatabase = (url: string) => url.startsWith(`${API_V1}/`) || url.startsWith(`${API_V2}/`);

/**
 * `GET /livez` (the process answers: no dependency is checked) and `GET /readyz` (the database answers,
 * its migrations are current, the process is not draining; else 503 naming what is not, with
 * Retry-After), at the root: no token, no rate limit, not in the API documents, logged at warn and above
 * only (probes come every few seconds). And, by `readiness`:
 * - until the database is up, every API request gets 503 `database_unavailable` with Retry-After, before
 *   any other work (the start is still connecting, db/startup.ts);
 * - while draining, HTTP/1.1 responses carry `Connection: close`.
 * Register after the problem plugin, before the rate limits and the routes.
 */
export const probesPlugin = fp(
  async (app: FastifyInstance, { readiness }: { readiness: Readiness }) => {
    const probe = { logLevel: 'warn', config: { rateLimit: false } } as const;

    app.get('/livez', probe, async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'alive' };
    });

    app.get('/readyz', probe, async (request, reply) => {
      const failing = await readiness.failing();
      const names = Object.keys(failing);
      if (names.length === 0) {
        reply.header('cache-control', 'no-store');
        return { status: 'ready' };
      }
      // Answered here, not thrown: the error handler would log every probe of an instance that is not ready.
      return refuse(
        request,
        reply,
        new AppError('service_unavailable', `Not ready: ${names.join(', ')}.`, failing, {
          'retry-after': String(readiness.retryAfterSeconds()),
        }),
      );
    });

    // Callback style, like the other hooks every request passes: they add no promise to the hot path.
    app.addHook('onRequest', (request, reply, done) => {
      if (readiness.databaseUp || request.method === 'OPTIONS' || !needsDatabase(request.url)) return done();
      // The start logs each failed attempt; a line per refused request would add nothing.
      refuse(
        request,
        reply,
        new AppError(
          'database_unavailable',
          'The database cannot be reached yet; this instance keeps trying. Try again shortly.',
          undefined,
          { 'retry-after': String(readiness.retryAfterSeconds()) },
        ),
      );
    });

    app.addHook('onSend', (request, reply, payload, done) => {
      // HTTP/2 has no such header: its sessions get GOAWAY when the server closes (transport.ts).
      if (readiness.draining && request.raw.httpVersionMajor === 1) reply.header('connection', 'close');
      done(null, payload);
    });
  },
  { name: 'probes', dependencies: ['problem', 'urls'] },
);
