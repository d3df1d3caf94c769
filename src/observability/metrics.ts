import { sql } from 'drizzle-orm';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { AuthMethod } from '../auth/actor.js';
import { type Database, type DatabaseHandle, selectRows } from '../db/client.js';
import { queryErrorKinds } from '../db/query-errors.js';
import type { SendOutcome } from '../notifications/providers/provider.js';

/** The database as the metrics read it at scrape time. */
export type MetricsDatabase = Pick<DatabaseHandle, 'pool' | 'queryErrors'> & { db: Database };

/** An API process records requests, rate limits and authentication; a worker only sends SMS. */
export type MetricsRole = 'api' | 'worker';

/** How a caller failed to authenticate: the credential it sent, or none. */
export type AuthFailureMethod = Exclude<AuthMethod, 'oidc_jwt' | 'oidc_userinfo'> | 'provider_token' | 'none';

/** The route label of a request no route answered (404, 405): never its path, which the client chooses. */
export const UNMATCHED_ROUTE = 'unmatched';

const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const AUTH_FAILURE_METHODS: AuthFailureMethod[] = ['api_token', 'provider_token', 'session', 'none'];
const RATE_LIMIT_BUDGETS = ['default', 'sign_in', 'callback', 'static', 'auth_failures'];
/** A database that does not answer within this long leaves the outbox gauges unknown for this scrape. */
const OUTBOX_READ_TIMEOUT_MS = 2_000;

/**
 * Every metric one process exposes, in a registry of its own (never prom-client's global one, so that
 * tests may run several apps in one process): Node.js and process defaults, and Orderly's series, all
 * named `orderly_*`. Label values come from closed sets (route templates, methods, status classes,
 * budgets, outcomes), never from what a client sent.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly #database: MetricsDatabase;

  readonly httpRequests: Counter<'method' | 'route' | 'status_class'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status_class'>;
  readonly rateLimitRefusals: Counter<'budget'>;
  readonly authFailures: Counter<'method'>;
  readonly deprecatedRequests: Counter<'version' | 'route'>;
  readonly smsSends: Counter<'provider' | 'outcome'>;
  readonly claimErrors: Counter;
  readonly recordErrors: Counter;
  readonly #outboxDepth: Gauge;
  readonly #outboxAge: Gauge;
  readonly #outboxReadErrors: Counter;
  readonly webhookAttempts: Counter<'status'>;
  readonly webhookEndpointsDisabled: Counter;
  readonly webhookClaimErrors: Counter;
  readonly #webhookDepth: Gauge;
  readonly #webhookAge: Gauge;

  constructor(database: MetricsDatabase, role: MetricsRole) {
    this.#database = database;
    const registers = [this.registry];
    const apiOnly = role === 'api' ? registers : [];
    collectDefaultMetrics({ register: this.registry });

    this.httpRequests = new Counter({
      name: 'orderly_http_requests_total',
      help: 'HTTP requests answered, by method, route template (`unmatched` for none) and status class.',
      labelNames: ['method', 'route', 'status_class'],
      registers: apiOnly,
    });
    this.httpDuration = new Histogram({
      name: 'orderly_http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its response, by method, route template and status class.',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: apiOnly,
    });
    this.rateLimitRefusals = new Counter({
      name: 'orderly_rate_limit_refusals_total',
      help: 'Requests refused with 429 by the budget they exceeded.',
      labelNames: ['budget'],
      registers: apiOnly,
    });
    this.authFailures = new Counter({
      name: 'orderly_auth_failures_total',
      help: 'Requests to an authenticated route refused with 401 (or 429 past the failure budget), by the credential sent: api_token, provider_token, session, or none.',
      labelNames: ['method'],
      registers: apiOnly,
    });
    this.deprecatedRequests = new Counter({
      name: 'orderly_deprecated_api_requests_total',
      help: 'Requests to a deprecated API version, by version and route template.',
      labelNames: ['version', 'route'],
      registers: apiOnly,
    });
    this.smsSends = new Counter({
      name: 'orderly_sms_sends_total',
      help: 'Calls to the SMS provider by provider and outcome (accepted, rejected, retry, ambiguous, unauthorized).',
      labelNames: ['provider', 'outcome'],
      registers,
    });
    this.claimErrors = new Counter({
      name: 'orderly_dispatcher_claim_errors_total',
      help: 'Times the dispatcher could not claim due notifications from the outbox (the database failed).',
      registers,
    });
    this.recordErrors = new Counter({
      name: 'orderly_dispatcher_record_errors_total',
      help: 'Sends whose outcome could not be recorded (the database failed): each is tried again, so it may be sent twice.',
      registers,
    });
    this.#outboxDepth = new Gauge({
      name: 'orderly_outbox_pending_notifications',
      help: 'Notifications waiting to be sent (status pending, due or waiting for a retry); NaN when the database did not answer.',
      registers,
    });
    this.#outboxAge = new Gauge({
      name: 'orderly_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest pending notification (0 when none); NaN when the database did not answer.',
      registers,
    });
    this.webhookAttempts = new Counter({
      name: 'orderly_webhook_attempts_total',
      help: 'Webhook delivery attempts by what the delivery became: succeeded, pending (to be retried) or failed (no retry left, or 410 Gone).',
      labelNames: ['status'],
      registers,
    });
    this.webhookEndpointsDisabled = new Counter({
      name: 'orderly_webhook_endpoints_disabled_total',
      help: 'Webhook endpoints the dispatcher disabled (410 Gone, or failing for WEBHOOK_DISABLE_AFTER_HOURS).',
      registers,
    });
    this.webhookClaimErrors = new Counter({
      name: 'orderly_webhook_claim_errors_total',
      help: 'Times the webhook dispatcher could not claim due deliveries (the database failed).',
      registers,
    });
    this.#webhookDepth = new Gauge({
      name: 'orderly_webhook_pending_deliveries',
      help: 'Webhook deliveries waiting (due, or waiting for a retry) to endpoints that are enabled; NaN when the database did not answer.',
      registers,
    });
    this.#webhookAge = new Gauge({
      name: 'orderly_webhook_oldest_pending_age_seconds',
      help: 'Age of the oldest event still waiting for a delivery to an enabled endpoint (0 when none); NaN when the database did not answer.',
      registers,
    });
    this.#outboxReadErrors = new Counter({
      name: 'orderly_outbox_read_errors_total',
      help: 'Scrapes that could not read the outbox gauges from the database.',
      registers,
    });

    for (const budget of RATE_LIMIT_BUDGETS) this.rateLimitRefusals.inc({ budget }, 0);
    for (const method of AUTH_FAILURE_METHODS) this.authFailures.inc({ method }, 0);
    this.claimErrors.inc(0);
    this.recordErrors.inc(0);
    for (const status of ['succeeded', 'pending', 'failed']) this.webhookAttempts.inc({ status }, 0);
    this.webhookEndpointsDisabled.inc(0);
    this.webhookClaimErrors.inc(0);
    this.#outboxReadErrors.inc(0);
    this.#registerPool(registers);
  }

  /** Records one answered request; `route` is the route template or UNMATCHED_ROUTE. */
  recordRequest(method: string, route: string, statusCode: number, seconds: number): void {
    const labels = {
      method: HTTP_METHODS.has(method) ? method : 'other',
      route,
      status_class: statusClass(statusCode),
    };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** Records the outcome of one call to the SMS provider (the dispatcher's observer). */
  smsSent(provider: string, outcome: SendOutcome['kind']): void {
    this.smsSends.inc({ provider, outcome });
  }

  claimFailed(): void {
    this.claimErrors.inc();
  }

  recordFailed(): void {
    this.recordErrors.inc();
  }

  /** Records one webhook attempt (the webhook dispatcher's observer). */
  webhookAttempted(status: 'succeeded' | 'pending' | 'failed'): void {
    this.webhookAttempts.inc({ status });
  }

  webhookEndpointDisabled(): void {
    this.webhookEndpointsDisabled.inc();
  }

  webhookClaimFailed(): void {
    this.webhookClaimErrors.inc();
  }

  /** The Prometheus text exposition, with the gauges read now (one outbox query). */
  async text(): Promise<string> {
    await this.#readOutbox();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  async #readOutbox(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('outbox read timed out')), OUTBOX_READ_TIMEOUT_MS);
      });
      const [row] = await Promise.race([
        selectRows<{ depth: number; age: number | null; webhook_depth: number; webhook_age: number | null }>(
          this.#database.db,
          sql`select n.depth, n.age, w.depth as webhook_depth, w.age as webhook_age
              from (select count(*)::int as depth, extract(epoch from now() - min(created_at))::float8 as age
                    from notifications where status = 'pending') n,
                   (select count(*)::int as depth, extract(epoch from now() - min(d.created_at))::float8 as age
                    from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id and e.enabled
                    where d.status in ('pending', 'sending')) w`,
        ),
        timeout,
      ]);
      this.#outboxDepth.set(row?.depth ?? 0);
      this.#outboxAge.set(Math.max(0, row?.age ?? 0));
      this.#webhookDepth.set(row?.webhook_depth ?? 0);
      this.#webhookAge.set(Math.max(0, row?.webhook_age ?? 0));
    } catch {
      this.#outboxReadErrors.inc();
      this.#outboxDepth.set(Number.NaN);
      this.#outboxAge.set(Number.NaN);
      this.#webhookDepth.set(Number.NaN);
      this.#webhookAge.set(Number.NaN);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The pool gauges and query errors, read at scrape time; none for the embedded database. */
  #registerPool(registers: Registry[]): void {
    const database = this.#database;
    if (database.pool() === undefined) return;
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    const stats = () => database.pool() ?? { inUse: 0, idle: 0, waiting: 0, max: 0 };
    poolGauge(
      'orderly_db_pool_in_use_connections',
      'Connections to PostgreSQL handed out to a query or transaction.',
      () => stats().inUse,
    );
    poolGauge(
      'orderly_db_pool_idle_connections',
      'Open connections to PostgreSQL not in use.',
      () => stats().idle,
    );
    poolGauge(
      'orderly_db_pool_waiting_queries',
      'Queries and transactions waiting for a free connection (the pool is exhausted while above 0).',
      () => stats().waiting,
    );
    poolGauge(
      'orderly_db_pool_max_connections',
      'Most connections the pool opens (DATABASE_POOL_SIZE).',
      () => stats().max,
    );

    // The pool counts its own errors (db/query-errors.ts); the counter reports them as they are at scrape time.
    const reported = Object.fromEntries(queryErrorKinds.map((kind) => [kind, 0]));
    new Counter({
      name: 'orderly_db_query_errors_total',
      help: 'Failed connections and statements on PostgreSQL, by kind: connection, timeout, constraint, conflict, other.',
      labelNames: ['kind'],
      registers,
      collect() {
        const counts = database.queryErrors();
        for (const kind of queryErrorKinds) {
          const now = counts?.[kind] ?? 0;
          this.inc({ kind }, now - (reported[kind] ?? 0));
          reported[kind] = now;
        }
      },
    });
  }
}

function statusClass(statusCode: number): string {
  if (statusCode >= 500) return '5xx';
  if (statusCode >= 400) return '4xx';
  if (statusCode >= 300) return '3xx';
  if (statusCode >= 200) return '2xx';
  return '1xx';
}
