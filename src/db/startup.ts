import { setTimeout as sleep } from 'node:timers/promises';
import { databaseFault, errorSummary } from '../shared/errors.js';

/** The first wait after a failed attempt; each further failure doubles it, up to MAX_RETRY_MS. */
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;

function* causes(error: unknown): Generator<unknown> {
  let current = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
}

const hasCode = (error: unknown) =>
  [...causes(error)].some((cause) => typeof (cause as { code?: unknown }).code === 'string');

/**
 * Whether `error` says the PostgreSQL server cannot be reached for now: what requests answer with 503
 * `database_unavailable` (shared/errors.ts#databaseFault), or a failure of the driver's own without any code
 * (a LISTEN connection's connect timeout). A wrong password, a missing database or a failing migration is
 * not: waiting would not fix them.
 */
export function isUnreachable(error: unknown): boolean {
  return databaseFault(error) === 'database_unavailable' || !hasCode(error);
}

/** The innermost message of `error` (Drizzle wraps the driver's), with its code: never a stack. */
export function reasonOf(error: unknown): string {
  const { code, message } = errorSummary(error);
  const text = typeof message === 'string' ? message : String(error);
  return typeof code === 'string' && !text.includes(code) ? `${text} (${code})` : text;
}

/** Wait before attempt `attempt + 1`: capped exponential, with jitter so that instances do not retry in step. */
export function retryDelayMs(attempt: number): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 20));
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export interface StartupOptions {
  log: { warn(fields: object, message: string): void };
  /** Whether waiting may fix `error` (a server's connection errors); else it is thrown. */
  retryable: (error: unknown) => boolean;
  /** Stops waiting (a shutdown): the steps left are not run. */
  signal?: AbortSignal;
  /** Told of each failed attempt, and when the next one is due (epoch ms). */
  onRetry?: (failure: { attempt: number; reason: string; retryAt: number }) => void;
}

/**
 * Runs `steps` in order, each once: a step that fails with an error that waiting may fix is tried again
 * after a capped exponential backoff (logged at warn, one line per attempt). Resolves true once every step
 * has run, false if `signal` aborted first; rejects with the first error that waiting cannot fix.
 */
export async function runWhenReachable(
  steps: (() => Promise<void>)[],
  { log, retryable, signal, onRetry }: StartupOptions,
): Promise<boolean> {
  let attempt = 0;
  for (const step of steps) {
    for (;;) {
      if (signal?.aborted) return false;
      try {
        await step();
        attempt = 0;
        break;
      } catch (error) {
        if (!retryable(error)) throw error;
        attempt += 1;
        const delay = retryDelayMs(attempt);
        const reason = reasonOf(error);
        log.warn({ attempt, retry_in_ms: delay, reason }, 'the database cannot be reached; trying again');
        onRetry?.({ attempt, reason, retryAt: Date.now() + delay });
        await sleep(delay, undefined, { signal }).catch(() => {});
      }
    }
  }
  return true;
}
