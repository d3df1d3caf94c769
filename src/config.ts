import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { isCurrencyCode } from './shared/money.js';

/** An absolute http(s) URL without query or fragment. */
const HTTP_URL = '^https?://[^\\s?#]+$';

/**
 * Every setting the service reads from the environment. This schema is the only declaration:
 * the README's configuration table is written from its descriptions.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Enum(['development', 'test', 'production'], {
    default: 'development',
    description: '`production` disables the first-start bootstrap token and pretty logs.',
  }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Interface to listen on (`0.0.0.0` for all).' }),
  PORT: Type.Integer({ default: 8000, minimum: 0, maximum: 65535, description: 'TCP port to listen on.' }),
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: '^postgres(ql)?://',
      description:
        'PostgreSQL server to use, e.g. `postgres://postgres@127.0.0.1:5432/orderly`. Unset: embedded PGlite.',
    }),
  ),
  DATA_DIR: Type.String({
    default: './data',
    description: 'Where the embedded database keeps its files (ignored when `DATABASE_URL` is set).',
  }),
  DATABASE_POOL_SIZE: Type.Integer({
    default: 20,
    minimum: 1,
    maximum: 200,
    description: 'Connections per process to the PostgreSQL server.',
  }),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({
    default: 5000,
    minimum: 100,
    description:
      'Longest wait for a connection to the PostgreSQL server, a new one or one from a busy pool; past it the request gets 503 `database_unavailable` with `Retry-After`. A server unreachable at start is retried with backoff meanwhile (`/livez` 200, `/readyz` 503).',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 0,
    description:
      'A statement that runs longer on the PostgreSQL server (a stuck lock, a slow disk) is cancelled and the request gets 503 `database_timeout`, so that one slow request cannot hold a pooled connection for long. `0`: no limit.',
  }),
  PUBLIC_URL: Type.Optional(
    Type.String({
      pattern: '^https?://[^/?#]+$',
      description: 'Origin used in `url`, `Location` and pagination links, e.g. `https://api.example.com`.',
    }),
  ),
  TRUST_PROXY: Type.Boolean({
    default: false,
    description: 'Honour `X-Forwarded-Proto`/`X-Forwarded-Host`/`X-Forwarded-For` from a reverse proxy.',
  }),
  TLS_CERT_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'PEM certificate (with its chain) to serve HTTPS with, HTTP/2 and HTTP/1.1, together with `TLS_KEY_FILE`. Unset: plain HTTP, e.g. behind a TLS-terminating proxy.',
    }),
  ),
  TLS_KEY_FILE: Type.Optional(
    Type.String({ minLength: 1, description: 'PEM private key of `TLS_CERT_FILE`.' }),
  ),
  CORS_ORIGINS: Type.String({
    default: '',
    pattern: '^\\s*(https?://[^/,\\s]+\\s*(,\\s*|$))*$',
    description:
      'Comma-separated origins that browsers may call the API from (CORS, with credentials), e.g. `https://app.example.com`. Empty: none.',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'pino log level.',
  }),
  LOG_FORMAT: Type.Enum(['json', 'pretty'], {
    default: 'json',
    description:
      '`json`: one JSON object a line, for a log collector (one line per request at `info`). `pretty`: coloured, readable lines for a person at a terminal.',
  }),
  METRICS_PORT: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 65535,
      description:
        'Serve `GET /metrics` (Prometheus text format) on this port of `HOST`, a listener of its own that the public load balancer does not route to. API and worker processes (`orderly worker`) each serve their own. Unset: with `METRICS_TOKEN`, on the main port; else nowhere.',
    }),
  ),
  METRICS_TOKEN: Type.Optional(
    Type.String({
      minLength: 16,
      description:
        'Serve `GET /metrics` on the main port too, to requests with `Authorization: Bearer <METRICS_TOKEN>` (others get 404). At least 16 characters.',
    }),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: Type.Optional(
    Type.String({
      pattern: HTTP_URL,
      description:
        'OpenTelemetry collector to send traces to (OTLP over HTTP, e.g. `http://otel-collector:4318`): a span per request, with its route, status and request id, and per database statement. The SDK reads the other `OTEL_*` variables (e.g. `OTEL_SERVICE_NAME`, default `orderly`). Unset: no tracing, at no cost.',
    }),
  ),
  SHUTDOWN_DELAY_MS: Type.Integer({
    default: 0,
    minimum: 0,
    description:
      'On SIGTERM or SIGINT, `/readyz` answers 503 at once, and new connections are still accepted for this long so that a load balancer notices first (e.g. `5000`, with the same pause in a Kubernetes `preStop` hook). Then the server stops accepting and drains.',
  }),
  SHUTDOWN_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 0,
    description:
      'After the delay, how long requests in flight (and the send in progress of a dispatcher) have to finish before the remaining connections are closed and the process exits. A second signal exits at once.',
  }),
  BODY_LIMIT: Type.Integer({
    default: 65536,
    minimum: 1024,
    description: 'Largest accepted request body in bytes; larger bodies get 413.',
  }),
  REQUIRE_IF_MATCH: Type.Boolean({
    default: false,
    description:
      'Refuse a change (PUT, PATCH, DELETE, order actions) that does not send `If-Match` with the ETag it is based on (428).',
  }),
  IDEMPOTENCY_TTL_SECONDS: Type.Integer({
    default: 86400,
    minimum: 60,
    description: 'How long the outcome of a POST with an `Idempotency-Key` is kept and replayed to retries.',
  }),
  API_V1_DEPRECATED_AT: Type.Optional(
    Type.String({
      format: 'date-time',
      description:
        'When API v1 becomes deprecated: an ISO 8601 instant with its offset, e.g. `2026-03-01T00:00:00Z`. From then on every v1 response carries `Deprecation`, a `Link` to the migration guide and to its v2 successor (and `Sunset` with `API_V1_SUNSET_AT`), and who still calls v1 is recorded. Unset: not deprecated, unless `API_V1_SUNSET_AT` is set.',
    }),
  ),
  API_V1_SUNSET_AT: Type.Optional(
    Type.String({
      format: 'date-time',
      description:
        'When API v1 is switched off (an ISO 8601 instant, not before `API_V1_DEPRECATED_AT`): from then on every v1 route answers 410 `version_sunset`. Set alone, v1 is deprecated from the start (without a `Deprecation` header, which needs a date). Unset: v1 stays.',
    }),
  ),
  REQUEST_TIMEOUT_MS: Type.Integer({
    default: 30000,
    minimum: 100,
    description:
      'Time a client has to send a whole request, headers and body; then 408 `request_timeout` and the connection closes.',
  }),
  HEADERS_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 100,
    description:
      'Time a client has to send the request line and headers (at most `REQUEST_TIMEOUT_MS`); then 408 `request_timeout` and the connection closes.',
  }),
  IDLE_TIMEOUT_MS: Type.Integer({
    default: 72000,
    minimum: 100,
    description:
      'A connection without traffic for this long is closed: before its first request, between requests (keep-alive), or an idle HTTP/2 session. Keep it above the idle timeout of a proxy in front (often 60 s).',
  }),
  AUTH_CACHE_TTL_MS: Type.Integer({
    default: 5000,
    minimum: 0,
    description:
      'How long a verified API token, provider JWT or userinfo answer is trusted before it is checked again, and how long an unknown, expired or revoked API token is remembered as such (0 = every request).',
  }),
  OIDC_ISSUER: Type.Optional(
    Type.String({
      pattern: HTTP_URL,
      description:
        'OpenID provider to sign people in with, found by discovery, e.g. `https://accounts.google.com`. Unset: API tokens only. `http://` only for a provider on loopback.',
    }),
  ),
  OIDC_PROVIDER_NAME: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 60,
      description:
        'The provider as people know it, on the console’s "Sign in with …" button (e.g. `Google`). Default: the host name of `OIDC_ISSUER`.',
    }),
  ),
  OIDC_CLIENT_ID: Type.Optional(
    Type.String({ minLength: 1, description: 'Client id registered at the provider.' }),
  ),
  OIDC_CLIENT_SECRET: Type.Optional(
    Type.String({ minLength: 1, description: 'Client secret registered at the provider (never logged).' }),
  ),
  OIDC_REDIRECT_URI: Type.Optional(
    Type.String({
      pattern: HTTP_URL,
      description:
        'Callback URL registered at the provider. Default: `PUBLIC_URL` (or `http://localhost:PORT`) + `/api/v1/api-auth/callback/`.',
    }),
  ),
  OIDC_SCOPES: Type.String({
    default: 'openid email profile',
    pattern: '(^|\\s)openid(\\s|$)',
    description: 'Scopes asked for at sign-in; must include `openid`.',
  }),
  OIDC_AUDIENCE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "This API's identifier at the provider: bearer JWTs must carry it in `aud`. Unset: provider bearer tokens are checked at its userinfo endpoint.",
    }),
  ),
  OIDC_USERINFO_TOKENS: Type.Boolean({
    default: false,
    description:
      "Accept the provider's opaque access tokens (Google's), checked at its userinfo endpoint. Off by default: userinfo cannot tell which app a token was issued to, so any app the person gave a token to could use it here.",
  }),
  OIDC_ALLOWED_DOMAINS: Type.String({
    default: '',
    description:
      'Comma-separated domains allowed to sign in, checked against the `hd` claim (Google Workspace) or else the verified email domain. Empty: any.',
  }),
  OIDC_ADMIN_EMAILS: Type.String({
    default: '',
    description: 'Comma-separated emails that get the `admin` role at sign-in; everyone else is `staff`.',
  }),
  OIDC_ROLES_CLAIM: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        "Claim listing the person's roles (e.g. `roles`, `groups`); holding `OIDC_ADMIN_ROLE` makes them admin.",
    }),
  ),
  OIDC_ADMIN_ROLE: Type.String({
    default: 'admin',
    minLength: 1,
    description: 'Value of `OIDC_ROLES_CLAIM` that means admin.',
  }),
  OIDC_JWKS_COOLDOWN_MS: Type.Integer({
    default: 30000,
    minimum: 0,
    description: "Least time between two fetches of the provider's keys when a token names an unknown key.",
  }),
  SMS_PROVIDER: Type.Optional(
    Type.Enum(['console', 'africastalking'], {
      description:
        'Where order SMS go: `africastalking`, or `console` (logged, masked). Default: `africastalking` when `AT_API_KEY` is set, else `console`.',
    }),
  ),
  AT_USERNAME: Type.Optional(
    Type.String({ minLength: 1, description: "Africa's Talking app username (`sandbox` for the sandbox)." }),
  ),
  AT_API_KEY: Type.Optional(
    Type.String({ minLength: 1, description: "Africa's Talking API key (never logged)." }),
  ),
  AT_SENDER_ID: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'Registered sender id or short code (`from`). Unset: the account default.',
    }),
  ),
  AT_BASE_URL: Type.Optional(
    Type.String({
      pattern: HTTP_URL,
      description:
        "Africa's Talking API origin. Default: `https://api.sandbox.africastalking.com` for the `sandbox` username, else `https://api.africastalking.com`.",
    }),
  ),
  AT_CALLBACK_SECRET: Type.Optional(
    Type.String({
      minLength: 16,
      description:
        "Shared secret of the delivery-report callback: `?secret=` in the callback URL set in Africa's Talking's dashboard, or an `X-Callback-Secret` header. Unset: the callback answers 404.",
    }),
  ),
  SMS_EVENTS: Type.String({
    default: 'order_placed,order_cancelled',
    pattern: '^\\s*(none|((order_placed|order_closed|order_cancelled)\\s*(,\\s*|$))*)\\s*$',
    description:
      'Comma-separated order events that send an SMS: `order_placed`, `order_closed`, `order_cancelled`; `none` for none.',
  }),
  SMS_TEMPLATE_ORDER_PLACED: Type.String({
    default:
      'Hi {first_name}, your order of {quantity} {quantity:unit|units} of {item} has been placed at {time}. Thank you.',
    minLength: 1,
    description:
      'Message for a new order. Placeholders: `{first_name}`, `{second_name}`, `{item}`, `{quantity}`, `{amount}`, `{order_id}`, `{status}`, `{time}`, `{quantity:one|other}`.',
  }),
  SMS_TEMPLATE_ORDER_CLOSED: Type.String({
    default:
      'Hi {first_name}, your order of {quantity} {quantity:unit|units} of {item} is complete. Thank you.',
    minLength: 1,
    description: 'Message for a closed order (same placeholders).',
  }),
  SMS_TEMPLATE_ORDER_CANCELLED: Type.String({
    default: 'Hi {first_name}, your order of {quantity} {quantity:unit|units} of {item} has been cancelled.',
    minLength: 1,
    description: 'Message for a cancelled order (same placeholders).',
  }),
  DEFAULT_CURRENCY: Type.String({
    default: 'KES',
    pattern: '^[A-Z]{3}$',
    description:
      'ISO 4217 code of new catalogue items and of orders priced by hand (`item` as free text) that name no currency.',
  }),
  SMS_TIME_ZONE: Type.String({
    default: 'Africa/Nairobi',
    description: 'IANA time zone of `{time}` in messages.',
  }),
  SMS_DELIVERY: Type.Enum(['at-least-once', 'at-most-once'], {
    default: 'at-least-once',
    description:
      'After a send whose outcome is unknown (timeout, dropped connection): send again (`at-least-once`, may duplicate), or mark it `unknown` for an admin (`at-most-once`).',
  }),
  SMS_MAX_ATTEMPTS: Type.Integer({
    default: 8,
    minimum: 1,
    maximum: 100,
    description: 'Sends tried per message before it is `failed`.',
  }),
  SMS_RATE_PER_SECOND: Type.Number({
    default: 10,
    exclusiveMinimum: 0,
    description: 'Most SMS one dispatcher process sends per second.',
  }),
  SMS_CONCURRENCY: Type.Integer({
    default: 4,
    minimum: 1,
    maximum: 256,
    description: 'SMS one dispatcher process sends at the same time.',
  }),
  SMS_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 100,
    description: 'Time allowed for one call to the SMS provider.',
  }),
  DISPATCHER_IN_API: Type.Boolean({
    default: true,
    description:
      'Run the SMS and webhook dispatchers inside the API process (`false` when `npm run worker` processes do it).',
  }),
  WEBHOOK_TIMEOUT_MS: Type.Integer({
    default: 10000,
    minimum: 100,
    maximum: 60000,
    description:
      'Time a webhook receiver has to answer (connection included); a 2xx within it is a delivery, anything else is retried.',
  }),
  WEBHOOK_RETRY_SCHEDULE: Type.String({
    default: '5s,5m,30m,2h,5h,10h,10h',
    pattern: '^\\s*\\d+(\\.\\d+)?(ms|s|m|h)\\s*(,\\s*\\d+(\\.\\d+)?(ms|s|m|h)\\s*)*$',
    description:
      'Waits before each retry of a webhook delivery that failed (`ms`, `s`, `m`, `h`), each varied by up to ±20 % so that receivers coming back are not hit all at once. After the last, the delivery is `failed`: 7 waits make 8 attempts over about 28 hours.',
  }),
  WEBHOOK_RETENTION_DAYS: Type.Number({
    default: 30,
    exclusiveMinimum: 0,
    description:
      'Webhook events, with their deliveries and attempts, are deleted this long after they happened once nothing will attempt them again (every delivery succeeded or failed).',
  }),
  WEBHOOK_ROTATION_OVERLAP_HOURS: Type.Number({
    default: 24,
    minimum: 0,
    maximum: 720,
    description:
      'After a webhook secret is rotated, deliveries are signed with the old secret too for this long, so receivers can switch without losing a message.',
  }),
  WEBHOOK_DISABLE_AFTER_HOURS: Type.Number({
    default: 72,
    exclusiveMinimum: 0,
    description:
      'A webhook endpoint whose every attempt has failed for this long is disabled (an admin enables it again).',
  }),
  WEBHOOK_ALLOWED_NETWORKS: Type.String({
    default: '',
    description:
      'Comma-separated CIDRs of private networks webhooks may be delivered to, e.g. `10.20.0.0/16,fd00:1::/64`. Public addresses are always allowed; loopback, link-local (cloud metadata included), multicast and unspecified addresses never are.',
  }),
  WEBHOOK_ALLOW_HTTP: Type.Boolean({
    default: false,
    description: 'Accept `http://` webhook URLs (development only: payloads and signatures travel in clear).',
  }),
  WEBHOOK_DNS_SERVERS: Type.String({
    default: '',
    description:
      'Comma-separated DNS servers (`ip` or `ip:port`, `[ipv6]:port`) to resolve webhook hosts with instead of the system resolver, e.g. for split-horizon DNS: `10.0.0.2,10.0.0.3:5353`. Empty: the system resolver (`/etc/hosts` included).',
  }),
  WEBHOOK_CONCURRENCY: Type.Integer({
    default: 32,
    minimum: 1,
    maximum: 1024,
    description: 'Webhook deliveries one dispatcher process makes at the same time.',
  }),
  WEBHOOK_ENDPOINT_CONCURRENCY: Type.Integer({
    default: 8,
    minimum: 1,
    maximum: 256,
    description:
      "Deliveries in flight to one endpoint, across all dispatcher processes: a slow or dead receiver holds at most this many, never the others' share.",
  }),
  WEBHOOK_ENCRYPTION_KEYS: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Comma-separated base64 keys of 32 bytes (`openssl rand -base64 32`) that encrypt webhook signing secrets at rest (AES-256-GCM). The first encrypts; every one decrypts, so a key can be replaced without losing secrets. Unset: a key generated on first start is kept in the database, which protects nothing against a leaked database dump.',
    }),
  ),
  SESSION_TTL_SECONDS: Type.Integer({
    default: 43200,
    minimum: 60,
    description: 'Longest life of a browser session, whatever its activity.',
  }),
  SESSION_IDLE_SECONDS: Type.Integer({
    default: 3600,
    minimum: 60,
    description: 'A browser session unused for this long ends.',
  }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({
    default: 600,
    minimum: 0,
    description:
      'Requests per minute per caller: per API token or session, else per client IP. `0` turns all rate limiting off.',
  }),
  RATE_LIMIT_SIGN_IN_PER_MINUTE: Type.Integer({
    default: 300,
    minimum: 1,
    description:
      'Requests per minute per client IP to sign-in, its callback and sign-out. A sign-in is two of them (start and callback): the default lets 100 people behind one address (an office, a NAT) sign in within the same minute, with room for retries and sign-outs.',
  }),
  RATE_LIMIT_CALLBACK_PER_MINUTE: Type.Integer({
    default: 600,
    minimum: 1,
    description:
      "Requests per minute per client IP to the Africa's Talking delivery-report callback. Reports come back about as fast as SMS go out: keep it at least 60 × `SMS_RATE_PER_SECOND` × dispatchers.",
  }),
  RATE_LIMIT_AUTH_FAILURES: Type.Integer({
    default: 10,
    minimum: 1,
    description:
      "Failed authentications (a token or session cookie that does not verify) allowed per client IP in 5 minutes; past them, that IP's further failures get 429 instead of 401 until the 5 minutes are over. A credential that verifies is served whatever its IP, so a client with a stale token cannot lock out others behind the same address.",
  }),
  REDIS_URL: Type.Optional(
    Type.String({
      pattern: '^rediss?://',
      description:
        'Redis server that keeps the rate-limit counters, so that several instances share them, e.g. `redis://127.0.0.1:6379`. Unset: each process counts in memory. While it cannot be reached, each process counts in memory.',
    }),
  ),
  RATE_LIMIT_PREFIX: Type.String({
    default: 'orderly:rl:',
    minLength: 1,
    pattern: '^\\S+$',
    description: 'Prefix of the rate-limit keys in Redis (one per deployment that shares a Redis).',
  }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws a ConfigError naming every bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.properties)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const value = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, known));
  if (!Value.Check(ConfigSchema, value)) {
    const problems = Value.Errors(ConfigSchema, value).map(
      (error) => `${error.instancePath.slice(1) || 'config'} ${error.message}`,
    );
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  checkServer(value);
  checkOidc(value);
  checkSms(value);
  checkMoney(value);
  checkVersions(value);
  checkWebhooks(value);
  return value;
}

/** Rules that span several settings of the listening server. */
function checkServer(config: Config): void {
  const problems: string[] = [];
  if (config.HEADERS_TIMEOUT_MS > config.REQUEST_TIMEOUT_MS) {
    problems.push('HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS');
  }
  if (config.TLS_CERT_FILE && !config.TLS_KEY_FILE) {
    problems.push('TLS_KEY_FILE is required with TLS_CERT_FILE');
  }
  if (config.TLS_KEY_FILE && !config.TLS_CERT_FILE) {
    problems.push('TLS_CERT_FILE is required with TLS_KEY_FILE');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

function checkMoney(config: Config): void {
  if (!isCurrencyCode(config.DEFAULT_CURRENCY)) {
    throw new ConfigError(
      `Invalid configuration: DEFAULT_CURRENCY ${config.DEFAULT_CURRENCY} is not an ISO 4217 code`,
    );
  }
}

/** An instant setting as epoch milliseconds; a problem when it does not name one (e.g. an RFC 9557 suffix). */
function instantOf(config: Config, key: 'API_V1_DEPRECATED_AT' | 'API_V1_SUNSET_AT', problems: string[]) {
  const value = config[key];
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) problems.push(`${key} ${value} is not an instant such as 2026-06-30T00:00:00Z`);
  return ms;
}

/** The lifecycle of an API version: its sunset must not precede its deprecation (RFC 9745 §4). */
function checkVersions(config: Config): void {
  const problems: string[] = [];
  const deprecatedAt = instantOf(config, 'API_V1_DEPRECATED_AT', problems);
  const sunsetAt = instantOf(config, 'API_V1_SUNSET_AT', problems);
  if (deprecatedAt !== undefined && sunsetAt !== undefined && sunsetAt < deprecatedAt) {
    problems.push(
      `API_V1_SUNSET_AT ${config.API_V1_SUNSET_AT} must not precede API_V1_DEPRECATED_AT ${config.API_V1_DEPRECATED_AT}`,
    );
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** Rules that span several SMS settings (the outbox checks the templates as it compiles them). */
function checkSms(config: Config): void {
  const problems: string[] = [];
  if (config.SMS_PROVIDER === 'africastalking' || (!config.SMS_PROVIDER && config.AT_API_KEY)) {
    if (!config.AT_USERNAME) problems.push("AT_USERNAME is required to send with Africa's Talking");
    if (!config.AT_API_KEY) problems.push("AT_API_KEY is required to send with Africa's Talking");
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.SMS_TIME_ZONE });
  } catch {
    problems.push(`SMS_TIME_ZONE ${config.SMS_TIME_ZONE} is not an IANA time zone`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** The webhook settings that a type cannot check: networks and keys. */
function checkWebhooks(config: Config): void {
  const problems: string[] = [];
  for (const cidr of listSetting(config.WEBHOOK_ALLOWED_NETWORKS)) {
    if (!ipaddr.isValidCIDR(cidr))
      problems.push(`WEBHOOK_ALLOWED_NETWORKS ${cidr} is not a CIDR such as 10.0.0.0/8`);
  }
  for (const server of listSetting(config.WEBHOOK_DNS_SERVERS)) {
    if (!isDnsServer(server)) {
      problems.push(
        `WEBHOOK_DNS_SERVERS ${server} is not an address such as 10.0.0.2, 10.0.0.2:53 or [fd00::2]:53`,
      );
    }
  }
  for (const key of config.WEBHOOK_ENCRYPTION_KEYS?.split(',') ?? []) {
    if (Buffer.from(key.trim(), 'base64').length !== 32) {
      problems.push('WEBHOOK_ENCRYPTION_KEYS must hold base64 keys of 32 bytes each');
      break;
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

/** `ip`, `ip:port` or `[ip6]:port`, as node:dns's setServers takes them. */
function isDnsServer(server: string): boolean {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(server);
  if (!match) return isIP(server) !== 0;
  const port = Number(match[3]);
  return port >= 1 && port <= 65535 && isIP(match[1] ?? match[2] ?? '') === (match[1] ? 6 : 4);
}

const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/;

/** Rules that span several OIDC settings. */
function checkOidc(config: Config): void {
  const problems: string[] = [];
  if (!config.OIDC_ISSUER) {
    const needsIssuer = (
      ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI', 'OIDC_AUDIENCE'] as const
    ).filter((key) => config[key] !== undefined);
    if (needsIssuer.length > 0) problems.push(`OIDC_ISSUER is required with ${needsIssuer.join(', ')}`);
  } else {
    if (!config.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required with OIDC_ISSUER');
    if (!config.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
    if (config.OIDC_ISSUER.startsWith('http:') && !LOOPBACK.test(config.OIDC_ISSUER)) {
      problems.push('OIDC_ISSUER must use https (http only for a provider on localhost)');
    }
    // ID tokens carry the client id as audience: accepting it would let an ID token act as an access token.
    if (config.OIDC_AUDIENCE && config.OIDC_AUDIENCE === config.OIDC_CLIENT_ID) {
      problems.push('OIDC_AUDIENCE must name the API, not the client (OIDC_CLIENT_ID)');
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}

const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** A comma-separated list of durations such as `5s,5m,2h`, in milliseconds. */
export function durationsSetting(value: string): number[] {
  return listSetting(value).map((entry) => {
    const [, count, unit] = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(entry) ?? [];
    return Number(count) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
  });
}

/** A comma-separated setting as a list of lower-case entries. */
export function listSetting(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
}
