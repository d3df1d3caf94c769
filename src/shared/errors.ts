/**
 * The closed catalogue of error codes: each code has one HTTP status and one title.
 * Every error response of the API carries one of these codes in `error`.
 */
export const errorCatalogue = {
  validation_error: { status: 400, title: 'The request is not valid' },
  invalid_json: { status: 400, title: 'The body is not valid JSON' },
  body_too_complex: { status: 400, title: 'The body nests too deeply or has too many items' },
  malformed_request: { status: 400, title: 'The request is not valid HTTP' },
  read_only_field: { status: 400, title: 'A read-only field cannot be changed' },
  unsafe_redirect: { status: 400, title: 'The redirect target is not on this site' },
  invalid_cursor: { status: 400, title: 'The cursor is not valid for this list' },
  unauthorized: { status: 401, title: 'Authentication is required' },
  invalid_token: { status: 401, title: 'The bearer token is not valid' },
  session_expired: { status: 401, title: 'The session has ended' },
  invalid_login_state: { status: 401, title: 'The sign-in does not match one in progress' },
  login_failed: { status: 401, title: 'The identity provider did not confirm the sign-in' },
  email_not_verified: { status: 403, title: 'The email address is not verified' },
  domain_not_allowed: { status: 403, title: 'This domain may not sign in' },
  account_not_linked: { status: 403, title: 'No account is linked to this identity' },
  account_disabled: { status: 403, title: 'The account is disabled' },
  csrf_failed: { status: 403, title: 'Cross-site request refused' },
  admin_only: { status: 403, title: 'Only an admin may do this' },
  not_found: { status: 404, title: 'Not found' },
  oidc_disabled: { status: 404, title: 'Sign-in with OpenID Connect is not configured' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  not_acceptable: { status: 406, title: 'Not acceptable' },
  request_timeout: { status: 408, title: 'The request took too long to arrive' },
  conflict: { status: 409, title: 'Conflict with the current state' },
  cannot_disable_self: { status: 409, title: 'An admin cannot disable their own account' },
  invalid_transition: { status: 409, title: 'This status change is not allowed' },
  order_final: { status: 409, title: 'The order is final and cannot change' },
  customer_has_orders: { status: 409, title: 'The customer has orders' },
  sku_taken: { status: 409, title: 'Another catalogue item has this SKU' },
  item_in_use: { status: 409, title: 'Orders name this catalogue item' },
  item_archived: { status: 409, title: 'The catalogue item is archived and cannot be ordered' },
  not_retryable: { status: 409, title: 'Only a failed or unknown notification can be retried' },
  delivery_in_progress: { status: 409, title: 'The webhook delivery is being attempted right now' },
  idempotency_key_in_use: { status: 409, title: 'A request with this Idempotency-Key is still running' },
  version_sunset: { status: 410, title: 'This API version has been switched off' },
  precondition_failed: { status: 412, title: 'The resource changed since the version in If-Match' },
  payload_too_large: { status: 413, title: 'The body is too large' },
  uri_too_long: { status: 414, title: 'The URL is too long' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  idempotency_key_mismatch: {
    status: 422,
    title: 'This Idempotency-Key was used for a different request',
  },
  precondition_required: { status: 428, title: 'If-Match is required' },
  rate_limited: { status: 429, title: 'Too many requests' },
  headers_too_large: { status: 431, title: 'The request headers are too large' },
  internal_error: { status: 500, title: 'Internal server error' },
  service_unavailable: { status: 503, title: 'Service unavailable' },
  oidc_unavailable: { status: 503, title: 'The identity provider cannot be reached' },
  database_unavailable: { status: 503, title: 'The database cannot be reached' },
  database_timeout: { status: 503, title: 'The database did not answer in time' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One failing input, as listed in `details` of a validation error. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type ErrorDetails = FieldError[] | Record<string, unknown>;

export class AppError extends Error {
  override name = 'AppError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly headers?: Record<string, string>,
  ) {
    const status = errorCatalogue[code].status;
    // A client's mistake is answered, never debugged: capturing its stack trace cost ~10 µs a time
    // (every 404, 401, 412…). Server errors keep theirs.
    const traceLimit = Error.stackTraceLimit;
    if (status < 500) Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = traceLimit;
    this.status = status;
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError('not_found', `${what} ${id} was not found.`);

/** A change conditional on If-Match found the resource at another version (it changed meanwhile). */
export const preconditionFailed = (what: string, id: number) =>
  new AppError(
    'precondition_failed',
    `${what} ${id} changed since the version in If-Match; read it again and reapply your change.`,
  );

/** Throws one validation_error listing every failing field, or nothing when the list is empty. */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw new AppError('validation_error', errors.map((e) => `${e.field}: ${e.message}`).join(' '), errors);
  }
}

/** SQLSTATE and constraint of a PostgreSQL error from either driver, looking through Drizzle's wrapper. */
export function databaseError(error: unknown): { code: string; constraint?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, constraint, cause } = current as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
    current = cause;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
/** Deleting a row that others still reference: PostgreSQL 15 reports foreign_key_violation (23503) for
 * ON DELETE RESTRICT, PostgreSQL 17 (PGlite) restrict_violation (23001). */
export const isStillReferenced = (error: unknown) =>
  ['23503', '23001'].includes(databaseError(error)?.code ?? '');

/** Node's codes for a connection to a server that failed or broke (refused, reset, unreachable, …). */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot take the statement now: it is shutting down or starting up (57P01–57P03),
 * or it has no connection slot left (53300); the whole class 08 (connection exception) is one too.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** The statement ran past DATABASE_STATEMENT_TIMEOUT_MS and the server cancelled it. */
const QUERY_CANCELED = '57014';

/**
 * The database failure behind `error`, as its error code, or undefined when `error` is no such failure
 * (a constraint, a bug). Classified by code only, looking through Drizzle's wrapper: a SQLSTATE, Node's
 * socket errno, or the SQLSTATE that db/client.ts gives to the connection failures pg reports without one.
 */
export function databaseFault(error: unknown): 'database_unavailable' | 'database_timeout' | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') {
      if (CONNECTION_ERRNOS.has(code)) return 'database_unavailable';
      if (code === QUERY_CANCELED) return 'database_timeout';
      if (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) return 'database_unavailable';
    }
    current = cause;
  }
  return undefined;
}

/**
 * The innermost cause of a database error, for one log field: its code and message, never the driver's
 * stack nor the statement and its parameters (which may hold personal data).
 */
export function errorSummary(error: unknown): { code?: unknown; message?: unknown } {
  if (error === null || typeof error !== 'object') return { message: String(error) };
  let current = error as { code?: unknown; message?: unknown; cause?: unknown };
  for (let depth = 0; current.cause && typeof current.cause === 'object' && depth < 5; depth++)
    current = current.cause as typeof current;
  return { code: current.code, message: current.message };
}
