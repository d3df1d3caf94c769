import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { errorSummary } from '../shared/errors.js';
import { WorkLoop } from '../shared/work-loop.js';
import {
  type Claimed,
  claimDue,
  clearPause,
  recordPause,
  type Settled,
  settle,
} from './notifications.repository.js';
import type { SendOutcome, SmsProvider } from './providers/provider.js';

export interface DispatcherOptions {
  provider: SmsProvider;
  /** What an ambiguous outcome (sent or not, nobody knows) becomes: another send, or `unknown`. */
  delivery: 'at-least-once' | 'at-most-once';
  maxAttempts: number;
  ratePerSecond: number;
  concurrency: number;
  /** How long a claim holds: longer than one send may take, so a live dispatcher never loses its claim. */
  leaseMs: number;
  /** Fallback poll, for retries coming due and for a missed wake-up. */
  pollMs: number;
  log: {
    info(fields: object, message: string): void;
    warn(fields: object, message: string): void;
    error(fields: object, message: string): void;
  };
  /** Told of every send and database failure (the process's metrics). */
  observer?: DispatcherObserver;
}

/** What a dispatcher reports as it works, for metrics. */
export interface DispatcherObserver {
  smsSent(provider: string, outcome: SendOutcome['kind']): void;
  /** The outbox could not be read (the database was down or too slow). */
  claimFailed(): void;
  /**
   * A send's outcome could not be recorded before its claim lapsed: at-least-once sends it again (the only
   * duplicates besides a dispatcher that stopped mid-send), at-most-once marks it `unknown`.
   */
  recordFailed(): void;
}

export interface DispatcherStatus {
  state: 'running' | 'stopped' | 'paused';
  /** Why sending is paused (the provider refused our credentials), for health and logs. */
  reason?: string;
}

const BACKOFF_BASE_MS = 2_000;
const BACKOFF_CAP_MS = 3_600_000;
/** After the provider refuses our credentials, try again this much later (an operator must act). */
const CREDENTIALS_PAUSE_MS = 60_000;
/** While the database fails, the waits between tries double from the first to the last. */
const DATABASE_RETRY_FIRST_MS = 250;
const DATABASE_RETRY_CAP_MS = 5_000;

const databaseRetryMs = (failures: number) =>
  Math.min(DATABASE_RETRY_CAP_MS, DATABASE_RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Exponential back-off with full jitter: a random delay up to base × 2^(attempt-1), capped. */
export function backoffMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const after = (ms: number) => sql`now() + make_interval(secs => ${ms / 1000})`;

/**
 * Delivers the outbox: claims due notifications (SKIP LOCKED, so dispatchers in any number of
 * processes never take the same one), sends each through the provider within the rate and
 * concurrency limits, and records the outcome. A dispatcher that dies mid-send leaves a claim that
 * lapses after `leaseMs`; the notification is then sent again (at-least-once) or marked `unknown`.
 */
export class Dispatcher {
  readonly #token = randomUUID();
  readonly #loop: WorkLoop<Claimed>;
  #pausedUntil = 0;
  #pauseReason: string | undefined;
  #nextSendAt = 0;

  constructor(
    private readonly db: Database,
    private readonly options: DispatcherOptions,
  ) {
    const { log, observer, pollMs } = options;
    this.#loop = new WorkLoop<Claimed>({
      concurrency: options.concurrency,
      claim: (limit) => claimDue(this.db, this.#token, limit, options.leaseMs),
      handle: (notification) => this.#deliver(notification),
      mayClaim: () => Date.now() >= this.#pausedUntil,
      // A database that fails is not asked again at once, however many wake-ups come meanwhile.
      waitMs: (failures) => {
        if (failures > 0) return databaseRetryMs(failures);
        const pausedFor = this.#pausedUntil - Date.now();
        return pausedFor > 0 ? Math.min(pollMs, pausedFor) : pollMs;
      },
      claimFailed: (error, failures) => {
        observer?.claimFailed();
        log.warn(
          { error: errorSummary(error), failures, retryMs: databaseRetryMs(failures) },
          'the outbox cannot be read; trying again',
        );
      },
      claimRecovered: (failures) => log.info({ failures }, 'the outbox can be read again'),
    });
  }

  status(): DispatcherStatus {
    if (Date.now() < this.#pausedUntil) return { state: 'paused', reason: this.#pauseReason };
    return { state: this.#loop.running ? 'running' : 'stopped' };
  }

  /** Starts the loop; `wakeUp` should be called when new work is committed (LISTEN/NOTIFY). */
  start(): void {
    this.#loop.start();
  }

  /** New work may be due: stop waiting. */
  wakeUp(): void {
    this.#loop.wakeUp();
  }

  /** Stops claiming, and finishes the sends in progress. */
  stop(): Promise<void> {
    return this.#loop.stop();
  }

  /** Sends everything due now, then returns: for tests and one-off runs. */
  drain(): Promise<void> {
    return this.#loop.drain();
  }

  /** Waits for the next slot of the outbound rate limit. */
  async #throttle(): Promise<void> {
    const interval = 1000 / this.options.ratePerSecond;
    const now = Date.now();
    const at = Math.max(now, this.#nextSendAt);
    this.#nextSendAt = at + interval;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  async #deliver({ row, lapsed }: Claimed): Promise<void> {
    const { provider, delivery, log, observer } = this.options;
    const fields = { notification: row.id, attempt: row.attempts };
    const claimEnds = Date.now() + this.options.leaseMs;
    // Between the provider's answer and its record: what a failing database would leave unrecorded.
    let unrecorded = false;
    try {
      if (lapsed && delivery === 'at-most-once') {
        await settle(this.db, row.id, this.#token, {
          status: 'unknown',
          lastError: 'A dispatcher stopped while sending it: it may or may not have been sent.',
        });
        return;
      }
      await this.#throttle();
      const outcome = await provider.send({ to: row.recipient, message: row.message });
      observer?.smsSent(provider.name, outcome.kind);
      unrecorded = true;
      const settled = this.#settlement(outcome, row.attempts, lapsed);
      const recorded = await this.#record(row.id, { provider: provider.name, ...settled }, claimEnds);
      unrecorded = false;
      if (!recorded)
        log.error(fields, 'a notification was sent after its claim lapsed; another dispatcher holds it');
      if (outcome.kind === 'unauthorized') await this.#pause(outcome.error);
      else {
        if (outcome.kind === 'accepted' && this.#pauseReason) await this.#resume();
        log.info({ ...fields, outcome: outcome.kind, status: settled.status }, 'notification sent');
      }
    } catch (error) {
      // The database failed us: the claim lapses and the notification is tried again.
      if (unrecorded) observer?.recordFailed();
      log.error(
        { ...fields, error: errorSummary(error), sent: unrecorded },
        unrecorded
          ? `a notification was sent but its outcome could not be recorded: ${delivery === 'at-least-once' ? 'it will be sent again' : 'it will be marked unknown'}`
          : 'a notification could not be sent: the database failed',
      );
    }
  }

  /**
   * Records the outcome of a send, trying again while the database fails, for as long as the claim holds
   * (after that, another dispatcher may send it again) and the dispatcher runs.
   */
  async #record(id: number, outcome: Settled, claimEnds: number): Promise<boolean> {
    for (let failures = 1; ; failures += 1) {
      try {
        return await settle(this.db, id, this.#token, outcome);
      } catch (error) {
        const retryMs = databaseRetryMs(failures);
        if (!this.#loop.running || Date.now() + retryMs >= claimEnds) throw error;
        this.options.log.warn(
          { notification: id, error: errorSummary(error), retryMs },
          'a notification outcome cannot be recorded yet; trying again',
        );
        await delay(retryMs);
      }
    }
  }

  /** Stops sending for a while, and says why in the logs and (through the database) in every health check. */
  async #pause(reason: string): Promise<void> {
    const { provider, log } = this.options;
    this.#pausedUntil = Date.now() + CREDENTIALS_PAUSE_MS;
    this.#pauseReason = `The SMS provider refused our credentials: ${reason}`;
    log.error(
      { provider: provider.name },
      `SMS sending paused: ${this.#pauseReason}. Fix the credentials; sending resumes within a minute.`,
    );
    await recordPause(this.db, provider.name, this.#pausedUntil, this.#pauseReason);
  }

  async #resume(): Promise<void> {
    this.#pauseReason = undefined;
    await clearPause(this.db, this.options.provider.name);
    this.options.log.info({ provider: this.options.provider.name }, 'SMS sending resumed');
  }

  /** What the notification becomes after `outcome`. */
  #settlement(outcome: SendOutcome, attempts: number, lapsed: boolean): Settled {
    const again = (error: string, retryAfterMs = 0): Settled =>
      attempts >= this.options.maxAttempts
        ? { status: 'failed', lastError: `${error} (gave up after ${attempts} attempts)` }
        : {
            status: 'pending',
            lastError: error,
            nextAttemptAt: after(Math.max(retryAfterMs, backoffMs(attempts))),
          };
    switch (outcome.kind) {
      case 'accepted':
        return {
          status: 'sent',
          providerMessageId: outcome.messageId,
          cost: outcome.cost,
          sentAt: sql`now()`,
          // A send after a lapsed claim may repeat one that went out before the crash: say so.
          lastError: lapsed
            ? 'Sent again after a dispatcher stopped mid-send: the customer may have it twice.'
            : null,
        };
      case 'rejected':
        return { status: 'failed', lastError: outcome.error };
      case 'retry':
        return again(outcome.error, outcome.retryAfterMs);
      case 'ambiguous':
        return this.options.delivery === 'at-least-once'
          ? again(outcome.error)
          : { status: 'unknown', lastError: outcome.error };
      case 'unauthorized':
        // Not the message's fault: it keeps its attempts and waits for the credentials to be fixed.
        return {
          status: 'pending',
          attempts: attempts - 1,
          lastError: outcome.error,
          nextAttemptAt: after(CREDENTIALS_PAUSE_MS),
        };
    }
  }
}
