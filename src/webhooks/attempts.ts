import { type Config, durationsSetting } from '../config.js';
import type { Database } from '../db/client.js';
import { DestinationPolicy, destinationOptions } from './destinations.js';
import { type ClaimedDelivery, type EndpointVerdict, type Settlement, settle } from './outbox.repository.js';
import { payloadOf, TEST_EVENT } from './payloads.js';
import { SecretBox } from './secrets.js';
import { type Answer, WebhookSender } from './sender.js';
import { signatureHeader } from './signing.js';

const HOUR_MS = 3_600_000;
/** A claim outlives the longest attempt by this much, so a live dispatcher never loses its claim. */
const LEASE_MARGIN_MS = 30_000;
/** How much each retry's wait varies either way. */
const JITTER = 0.2;

declare module 'fastify' {
  interface FastifyInstance {
    /** Webhook attempts, for the routes that send test events and retries (app.ts decorates it). */
    webhooks: WebhookAttempts;
  }
}

/** The outcome of one attempt, as recorded. */
export interface AttemptResult {
  answer: Answer;
  status: Settlement['status'];
  /** False when the claim lapsed meanwhile and another dispatcher holds the delivery, or the endpoint is gone. */
  recorded: boolean;
  /** Set when this attempt disabled the endpoint (410 Gone, or failing for too long). */
  disabled?: EndpointVerdict;
}

/** The wait before retry number `attempt` (1 for the first retry): the schedule's entry, varied by ±20 %. */
function retryWaitMs(schedule: number[], attempt: number): number | undefined {
  const base = schedule[attempt - 1];
  return base === undefined ? undefined : Math.round(base * (1 - JITTER + 2 * JITTER * Math.random()));
}

/**
 * What every webhook attempt needs, shared by the dispatchers and the API (test events, retries by hand):
 * the secrets, the destination rules, the HTTP client and the retry rules. Builds the body from the
 * stored event, signs it with each live secret, sends it and records what came back.
 */
export class WebhookAttempts {
  readonly box: SecretBox;
  readonly policy: DestinationPolicy;
  readonly sender: WebhookSender;
  readonly #schedule: number[];
  readonly #disableAfterMs: number;
  readonly rotationOverlapMs: number;
  readonly leaseMs: number;

  /** `origin` starts the links in payloads (PUBLIC_URL, else this process's own address). */
  constructor(
    config: Config,
    db: Database,
    private readonly origin: string,
  ) {
    this.box = new SecretBox(db, config.WEBHOOK_ENCRYPTION_KEYS);
    this.policy = new DestinationPolicy(destinationOptions(config));
    this.sender = new WebhookSender(this.policy, { timeoutMs: config.WEBHOOK_TIMEOUT_MS });
    this.#schedule = durationsSetting(config.WEBHOOK_RETRY_SCHEDULE);
    this.#disableAfterMs = config.WEBHOOK_DISABLE_AFTER_HOURS * HOUR_MS;
    this.rotationOverlapMs = config.WEBHOOK_ROTATION_OVERLAP_HOURS * HOUR_MS;
    this.leaseMs = config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
  }

  /**
   * Sends a claimed delivery once and settles it. A test event is never retried and never held against its
   * endpoint, whoever attempts it. A failure of the database propagates: the claim then lapses and the
   * delivery is tried again.
   */
  async attempt(db: Database, delivery: ClaimedDelivery, token: string): Promise<AttemptResult> {
    const final = delivery.type === TEST_EVENT;
    const body = payloadOf(delivery, this.origin);
    const secrets = await Promise.all(delivery.secrets.map((sealed) => this.box.open(sealed)));
    const attemptedAt = new Date();
    const timestamp = Math.floor(attemptedAt.getTime() / 1000);
    const answer = await this.sender.send({
      url: delivery.url,
      body,
      headers: {
        'webhook-id': delivery.messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(delivery.messageId, timestamp, body, secrets),
      },
    });
    const succeeded = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
    const gone = answer.statusCode === 410;
    const retryInMs = succeeded || gone || final ? undefined : retryWaitMs(this.#schedule, delivery.attempts);
    const status = succeeded ? 'succeeded' : retryInMs === undefined ? 'failed' : 'pending';
    const { recorded, disabled } = await settle(db, delivery, token, {
      attemptedAt,
      durationMs: answer.durationMs,
      statusCode: answer.statusCode,
      error: answer.error,
      response: answer.response,
      status,
      retryInMs,
      judgesEndpoint: !final,
      gone,
      disableAfterMs: this.#disableAfterMs,
    });
    return { answer, status, recorded, disabled };
  }

  close(): void {
    this.sender.close();
  }
}
