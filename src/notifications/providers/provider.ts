/** One SMS to one recipient (one recipient per call, so the provider's answer maps 1:1 to a notification). */
export interface SmsMessage {
  /** E.164, e.g. +254712345678. */
  to: string;
  message: string;
}

/**
 * What became of one send, as the dispatcher needs to know it:
 * - `accepted`: the provider took it (Africa's Talking statusCode 100, 101 or 102); `messageId` correlates
 *   delivery reports.
 * - `rejected`: a permanent failure for this message (bad number, blacklisted, invalid sender id, HTTP 400…):
 *   never retried.
 * - `retry`: the provider provably did not take it, or asked us to come back (connection refused, HTTP 5xx
 *   before sending, 429, per-recipient 407/500/501): retried with back-off, after `retryAfterMs` when given.
 * - `ambiguous`: the request may have reached the provider but its answer was lost (timeout, connection
 *   dropped after sending): at-least-once retries it, at-most-once marks the notification `unknown`.
 * - `unauthorized`: the provider refused our credentials (HTTP 401): nothing can be sent until an operator
 *   fixes the configuration; the message itself is not at fault and keeps its attempts.
 */
export type SendOutcome =
  | { kind: 'accepted'; messageId: string; cost: string | null; providerStatus: string }
  | { kind: 'rejected'; error: string }
  | { kind: 'retry'; error: string; retryAfterMs?: number }
  | { kind: 'ambiguous'; error: string }
  | { kind: 'unauthorized'; error: string };

export interface SmsProvider {
  /** Short name stored on each notification it sends, e.g. `africastalking`. */
  readonly name: string;
  /** Sends one message. Never throws for a provider or network failure: every outcome is a value. */
  send(message: SmsMessage): Promise<SendOutcome>;
}
