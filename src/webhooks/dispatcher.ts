import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { errorSummary } from '../shared/errors.js';
import { WorkLoop } from '../shared/work-loop.js';
import type { AttemptResult, WebhookAttempts } from './attempts.js';
import { type ClaimedDelivery, claimDue, releaseLapsed, sweepEvents } from './outbox.repository.js';

/** What a webhook dispatcher reports as it works, for metrics. */
export interface WebhookObserver {
  webhookAttempted(status: AttemptResult['status']): void;
  webhookEndpointDisabled(): void;
  /** Due deliveries could not be claimed (the database failed). */
  webhookClaimFailed(): void;
}

export interface WebhookDispatcherOptions {
  /** Deliveries this process attempts at the same time. */
  concurrency: number;
  /** Deliveries in flight to one endpoint, across every dispatcher. */
  perEndpoint: number;
  /** Fallback poll: how soon a new event or a retry coming due is noticed. */
  pollMs: number;
  /** Events nothing will attempt again are deleted this long after they happened. */
  retentionMs: number;
  log: {
    info(fields: object, message: string): void;
    warn(fields: object, message: string): void;
    error(fields: object, message: string): void;
  };
  observer?: WebhookObserver;
}

/** Lapsed claims (a dispatcher that stopped mid-attempt) are looked for this often. */
const RELEASE_EVERY_MS = 10_000;
/** Events past their retention are deleted this often, at most this many at a time. */
const SWEEP_EVERY_MS = 600_000;
const SWEEP_LIMIT = 5_000;
const DATABASE_RETRY_CAP_MS = 5_000;

/**
 * Delivers the webhook outbox: claims due deliveries (SKIP LOCKED, so any number of dispatchers share the
 * work and none takes a delivery another holds), attempts each, and records the outcome. Every event is
 * delivered at least once per endpoint: an attempt whose outcome could not be recorded is made again,
 * with the same `webhook-id`, after its claim lapses.
 */
export class WebhookDispatcher {
  readonly #token = randomUUID();
  readonly #loop: WorkLoop<ClaimedDelivery>;
  #releasedAt = 0;
  #sweptAt = 0;

  constructor(
    private readonly db: Database,
    private readonly attempts: WebhookAttempts,
    private readonly options: WebhookDispatcherOptions,
  ) {
    const { log, observer, pollMs } = options;
    this.#loop = new WorkLoop<ClaimedDelivery>({
      concurrency: options.concurrency,
      claim: (limit) => this.#claim(limit),
      handle: (delivery) => this.#attempt(delivery),
      // A database that fails is asked again less and less often.
      waitMs: (failures) => (failures > 0 ? Math.min(DATABASE_RETRY_CAP_MS, pollMs * 2 ** failures) : pollMs),
      claimFailed: (error, failures) => {
        observer?.webhookClaimFailed();
        log.warn(
          { error: errorSummary(error), failures },
          'webhook deliveries cannot be claimed; trying again',
        );
      },
      claimRecovered: (failures) => log.info({ failures }, 'webhook deliveries can be claimed again'),
    });
  }

  start(): void {
    this.#loop.start();
  }

  /** Stops claiming, and finishes the attempts in progress. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Attempts everything due now, then returns: for tests and one-off runs. */
  drain(): Promise<void> {
    return this.#loop.drain();
  }

  async #claim(limit: number): Promise<ClaimedDelivery[]> {
    if (Date.now() - this.#releasedAt >= RELEASE_EVERY_MS) {
      const released = await releaseLapsed(this.db);
      this.#releasedAt = Date.now();
      if (released > 0)
        this.options.log.warn({ released }, 'webhook deliveries whose dispatcher stopped are due again');
    }
    if (Date.now() - this.#sweptAt >= SWEEP_EVERY_MS) {
      const deleted = await sweepEvents(this.db, this.options.retentionMs, SWEEP_LIMIT);
      this.#sweptAt = Date.now();
      if (deleted > 0) this.options.log.info({ deleted }, 'webhook events past their retention deleted');
    }
    return claimDue(this.db, this.#token, limit, this.options.perEndpoint, this.attempts.leaseMs);
  }

  async #attempt(delivery: ClaimedDelivery): Promise<void> {
    const { log, observer } = this.options;
    const fields = { delivery: delivery.id, endpoint: delivery.endpointId, attempt: delivery.attempts };
    try {
      const result = await this.attempts.attempt(this.db, delivery, this.#token);
      observer?.webhookAttempted(result.status);
      const answer = { ...fields, status: result.status, statusCode: result.answer.statusCode };
      if (!result.recorded)
        log.warn(answer, 'a webhook attempt ended after its claim lapsed, or after its endpoint was deleted');
      else if (result.status === 'succeeded') log.info(answer, 'webhook delivered');
      else log.warn({ ...answer, error: result.answer.error }, 'webhook attempt failed');
      if (result.disabled) {
        observer?.webhookEndpointDisabled();
        log.error(
          { endpoint: delivery.endpointId, reason: result.disabled.reason },
          'webhook endpoint disabled; an admin can enable it again',
        );
      }
    } catch (error) {
      log.error(
        { ...fields, error: errorSummary(error) },
        'a webhook attempt could not be recorded: it will be made again when its claim lapses',
      );
    }
  }
}

/** How often an idle dispatcher looks for new events and retries coming due. */
const POLL_MS = 500;

/** A running webhook dispatcher for this configuration. */
export function startWebhookDispatcher(
  config: Pick<Config, 'WEBHOOK_CONCURRENCY' | 'WEBHOOK_ENDPOINT_CONCURRENCY' | 'WEBHOOK_RETENTION_DAYS'>,
  db: Database,
  attempts: WebhookAttempts,
  log: WebhookDispatcherOptions['log'],
  observer?: WebhookObserver,
): WebhookDispatcher {
  const dispatcher = new WebhookDispatcher(db, attempts, {
    concurrency: config.WEBHOOK_CONCURRENCY,
    perEndpoint: config.WEBHOOK_ENDPOINT_CONCURRENCY,
    pollMs: POLL_MS,
    retentionMs: config.WEBHOOK_RETENTION_DAYS * 86_400_000,
    log,
    observer,
  });
  dispatcher.start();
  log.info({ concurrency: config.WEBHOOK_CONCURRENCY }, 'webhook dispatcher started');
  return dispatcher;
}
