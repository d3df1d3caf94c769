import type { SendOutcome, SmsMessage, SmsProvider } from './provider.js';

export const AT_LIVE_URL = 'https://api.africastalking.com';
export const AT_SANDBOX_URL = 'https://api.sandbox.africastalking.com';

/** The API origin for a username: Africa's Talking's own SDK treats the username `sandbox` (any case) as the sandbox. */
export function defaultAtBaseUrl(username: string): string {
  return username.toLowerCase() === 'sandbox' ? AT_SANDBOX_URL : AT_LIVE_URL;
}

export interface AfricasTalkingOptions {
  /** API origin, e.g. AT_LIVE_URL; a trailing slash is allowed. */
  baseUrl: string;
  username: string;
  apiKey: string;
  /** Registered sender id or short code sent as `from`; unset lets the account default apply. */
  senderId?: string;
  /** Time allowed for the whole call, answer body included. */
  timeoutMs: number;
  /** Stands in for the global fetch (tests). */
  fetch?: typeof fetch;
}

/** Per-recipient codes meaning the provider took the message: Processed, Sent, Queued. */
const ACCEPTED_CODES = new Set([100, 101, 102]);
/** Per-recipient codes worth trying again later: CouldNotRoute, InternalServerError, GatewayError. */
const RETRY_CODES = new Set([407, 500, 501]);
const INSUFFICIENT_BALANCE = 405;

/** Error codes of failures that happen while connecting, so before a byte of the request left. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const DEFAULT_RETRY_AFTER_MS = 30_000;
const EXCERPT_LENGTH = 200;

/**
 * Sends through Africa's Talking's form endpoint `/version1/messaging`, one recipient per call, and
 * classifies every answer (see SendOutcome). It never retries itself: what to do with `ambiguous` is the
 * dispatcher's choice, because the API has no idempotency key and a repeated send may text twice.
 * Throws only here, at construction, for settings that could never work.
 */
export function africasTalkingProvider(options: AfricasTalkingOptions): SmsProvider {
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${options.timeoutMs}`);
  }
  const url = new URL(`${options.baseUrl.replace(/\/+$/, '')}/version1/messaging`).href;
  const post = options.fetch ?? fetch;

  return {
    name: 'africastalking',
    async send(sms: SmsMessage): Promise<SendOutcome> {
      const form = new URLSearchParams({ username: options.username, to: sms.to, message: sms.message });
      if (options.senderId) form.set('from', options.senderId);
      form.set('bulkSMSMode', '1');
      // Errors are stored and shown to admins: no key, no message text and no full number in them.
      const scrub = scrubber([options.apiKey, sms.message, sms.to]);

      let response: Response;
      try {
        response = await post(url, {
          method: 'POST',
          headers: {
            apiKey: options.apiKey,
            // Without it the API answers XML (its historical default).
            Accept: 'application/json',
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: form.toString(),
          // Following a 301/302 would turn the POST into a GET without the form; a redirect means a wrong base URL.
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs),
        });
      } catch (error) {
        return classifyFailure(error, options.timeoutMs, scrub);
      }

      let body: string;
      try {
        body = await response.text();
      } catch (error) {
        // The status line arrived, so the request did too; only a 2xx answer needs its body to be understood.
        if (response.ok) return classifyFailure(error, options.timeoutMs, scrub);
        body = '';
      }
      return classifyAnswer(response, body, scrub);
    },
  };
}

function classifyAnswer(response: Response, body: string, scrub: (text: string) => string): SendOutcome {
  const { status } = response;
  const httpError = body.trim() ? `HTTP ${status}: ${excerpt(scrub(body))}` : `HTTP ${status}`;

  if (response.ok) {
    const data = smsMessageData(body);
    const outcome = data && classifyRecipients(data, scrub);
    return (
      outcome ?? {
        kind: 'ambiguous',
        error: `Unreadable answer, the message may have been sent: ${httpError}`,
      }
    );
  }
  if (status === 401) return { kind: 'unauthorized', error: httpError };
  if (status === 409) {
    // Nigeria's Do-Not-Disturb window comes back as HTTP 409 with the usual body (409 DoNotDisturbRejection).
    const data = smsMessageData(body);
    return (data && classifyRecipients(data, scrub)) ?? { kind: 'rejected', error: httpError };
  }
  if (status === 429) {
    return {
      kind: 'retry',
      error: httpError,
      retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
    };
  }
  if (status >= 500) {
    // A 5xx may come from a proxy or the API after the message was handed on: without an idempotency key
    // there is no way to ask, so it is "maybe sent" (at-least-once sends again, at-most-once marks it unknown).
    return { kind: 'ambiguous', error: httpError };
  }
  // 400 (a field we failed to send: our bug), a redirect (wrong base URL) and any other status: sending the
  // same request again would get the same answer.
  return { kind: 'rejected', error: httpError };
}

interface SmsMessageData {
  message: string | undefined;
  recipients: unknown[];
}

/** The `SMSMessageData` of an answer body, or undefined when the body is not JSON of that shape. */
function smsMessageData(body: string): SmsMessageData | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const data = isRecord(json) ? json.SMSMessageData : undefined;
  if (!isRecord(data) || !Array.isArray(data.Recipients)) return undefined;
  return {
    message: typeof data.Message === 'string' ? data.Message : undefined,
    recipients: data.Recipients,
  };
}

/** The outcome for our one recipient, or undefined when the list does not read as an answer about one recipient. */
function classifyRecipients(data: SmsMessageData, scrub: (text: string) => string): SendOutcome | undefined {
  // An empty list is how the API refuses a whole request, e.g. Message "InvalidSenderId" with HTTP 201.
  if (data.recipients.length === 0) {
    return { kind: 'rejected', error: excerpt(scrub(data.message ?? 'No recipient in the answer')) };
  }
  const [recipient] = data.recipients;
  if (data.recipients.length > 1 || !isRecord(recipient)) return undefined;

  // Documented as an integer; a numeric string is read the same rather than taken for "maybe sent".
  const code =
    typeof recipient.statusCode === 'string' && /^\d+$/.test(recipient.statusCode)
      ? Number(recipient.statusCode)
      : recipient.statusCode;
  if (typeof code !== 'number') return undefined;
  const status = typeof recipient.status === 'string' ? excerpt(scrub(recipient.status)) : '';

  if (ACCEPTED_CODES.has(code)) {
    const { messageId, cost } = recipient;
    // Without its id the message cannot be matched to delivery reports.
    if (typeof messageId !== 'string' || messageId === '' || messageId === 'None') return undefined;
    return {
      kind: 'accepted',
      messageId,
      // A failed or free send reports cost "0".
      cost: typeof cost === 'string' && cost.trim() !== '' && cost !== '0' ? cost : null,
      providerStatus: status || String(code),
    };
  }
  const error = `${code} ${status}`.trim();
  if (code === INSUFFICIENT_BALANCE) {
    return {
      kind: 'retry',
      error: `${error}: top up the Africa's Talking account; sending resumes after that`,
    };
  }
  if (RETRY_CODES.has(code)) return { kind: 'retry', error };
  // RiskHold, InvalidSenderId, InvalidPhoneNumber, UnsupportedNumberType, UserInBlacklist, DoNotDisturbRejection,
  // RejectedByGateway and codes added after this was written: the same send would fail the same way.
  return { kind: 'rejected', error };
}

/**
 * A fetch that threw: `retry` only when the failure provably came before the request was written
 * (refused connection, name resolution, TLS handshake); anything later may have reached the API.
 */
function classifyFailure(error: unknown, timeoutMs: number, scrub: (text: string) => string): SendOutcome {
  if (isRecord(error) && error.name === 'TimeoutError') {
    return {
      kind: 'ambiguous',
      error: `No answer from Africa's Talking within ${timeoutMs} ms; the message may have been sent`,
    };
  }
  const cause = innermostCause(error);
  const detail = cause ? excerpt(scrub(describeCause(cause))) : 'unknown error';
  if (cause?.code && (NOT_SENT_CODES.has(cause.code) || isCertificateError(cause.code))) {
    return { kind: 'retry', error: `Could not connect to Africa's Talking (${detail}); nothing was sent` };
  }
  // ECONNRESET, EPIPE, UND_ERR_SOCKET ("other side closed") and the rest: the connection broke while or after
  // the request was written.
  return {
    kind: 'ambiguous',
    error: `Connection to Africa's Talking failed (${detail}); the message may have been sent`,
  };
}

/** Certificate checks fail during the TLS handshake, before any request byte is sent. */
function isCertificateError(code: string): boolean {
  return code.startsWith('ERR_TLS_') || code.includes('CERT') || code.startsWith('UNABLE_TO_');
}

interface ErrorCause {
  code: string | undefined;
  message: string;
}

/** fetch wraps the socket error in `TypeError('fetch failed')` as `cause`; the code sits on the innermost one. */
function innermostCause(error: unknown): ErrorCause | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && isRecord(current); depth += 1) {
    // Connecting to several addresses at once (happy eyeballs) fails with an AggregateError of each attempt.
    const attempt = Array.isArray(current.errors) ? current.errors[0] : undefined;
    const next = current.cause ?? attempt;
    if (typeof current.code === 'string' || !isRecord(next)) {
      return {
        code: typeof current.code === 'string' ? current.code : undefined,
        message: typeof current.message === 'string' ? current.message : String(current),
      };
    }
    current = next;
  }
  return undefined;
}

function describeCause({ code, message }: ErrorCause): string {
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** Milliseconds to wait from a Retry-After header (delay in seconds or an HTTP date), default 30 s. */
function retryAfterMs(header: string | null): number {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - Date.now());
}

function excerpt(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > EXCERPT_LENGTH ? `${trimmed.slice(0, EXCERPT_LENGTH)}…` : trimmed;
}

/** Replaces each secret's occurrences with "[redacted]", should an answer or error ever echo one. */
function scrubber(secrets: string[]): (text: string) => string {
  const present = secrets.filter((secret) => secret.length > 0);
  return (text) => present.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
