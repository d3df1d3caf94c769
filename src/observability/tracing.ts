import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { Span } from '@opentelemetry/api';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';

/** Tracing of this process, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set. */
export interface Tracing {
  /** @fastify/otel: a span per request and per route handler. Register it before any route. */
  plugin: FastifyPluginCallback;
  /** Stops tracing and sends the spans not sent yet. */
  shutdown(): Promise<void>;
}

/**
 * The id of the request (`X-Request-Id`, or the one we made), as in the logs and the response. No semantic
 * convention names an application's request id, and `http.request.header.x-request-id` would be wrong for
 * the ids we make, so it takes the service's own namespace.
 */
export const REQUEST_ID_ATTRIBUTE = 'orderly.request_id';

/** Probes and scrapes: a trace every few seconds per process that tells nothing. */
const UNTRACED_PATHS = new Set(['/livez', '/readyz', '/metrics']);

const pathOf = (url: string | undefined) => url?.split('?', 1)[0] ?? '';

/** A query string with its values hidden (a search may hold a phone number or a name); the names stay. */
function redactedQuery(url: string | undefined): Record<string, string> {
  const query = url?.split('?')[1];
  if (!query) return {};
  const names = [...new URLSearchParams(query).keys()];
  return { 'url.query': names.map((name) => `${encodeURIComponent(name)}=REDACTED`).join('&') };
}

/**
 * Loads OpenTelemetry and hooks pg and node:http, only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set: otherwise
 * no OpenTelemetry module is loaded and nothing is hooked. Synchronous on purpose (`require`, not `import()`):
 * the hooks must be in place before pg and Fastify (which loads node:http) are evaluated, and the static
 * imports of an entry point evaluate right after this module, without waiting for a top-level await. Both
 * are CommonJS (pg's ESM entry wraps its CommonJS one), so require-in-the-middle patches them and no ESM
 * loader hook (`module.register`) is needed.
 *
 * The SDK reads the other `OTEL_*` variables: `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL` (default
 * `http/protobuf`), `OTEL_SERVICE_NAME` (default here `orderly`), `OTEL_TRACES_SAMPLER`, `OTEL_BSP_*`.
 * Traces only: metrics are Prometheus's and logs are pino's.
 */
export function startTracing(env: NodeJS.ProcessEnv): Tracing | undefined {
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT) return undefined;
  const load = createRequire(import.meta.url);
  const { context, trace } = load('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { NodeSDK, resources } = load('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = load(
    '@opentelemetry/instrumentation-http',
  ) as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = load(
    '@opentelemetry/instrumentation-pg',
  ) as typeof import('@opentelemetry/instrumentation-pg');
  const { FastifyOtelInstrumentation } = load('@fastify/otel') as typeof import('@fastify/otel');

  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const untraced = (url: string | undefined) => UNTRACED_PATHS.has(pathOf(url));
  const fastify = new FastifyOtelInstrumentation({
    // Hook spans would outnumber the rest: the request and its handler are enough to place the queries.
    instrumentHooks: false,
    ignorePaths: ({ url }) => untraced(url),
    requestHook: (span: Span, request: FastifyRequest) => {
      // The HTTP server span (the active one here) is the request's root in this service: it carries the
      // route, the status and the request id.
      trace.getSpan(context.active())?.setAttribute(REQUEST_ID_ATTRIBUTE, request.id);
      span.setAttributes({ [REQUEST_ID_ATTRIBUTE]: request.id, 'url.path': pathOf(request.url) });
    },
  });
  const sdk = new NodeSDK({
    resource: resources.defaultResource().merge(
      resources.resourceFromAttributes({
        'service.name': 'orderly',
        'service.version': version,
        'process.pid': process.pid,
      }),
    ),
    // Not the process detector: it would record the command line, and a CLI command's may hold an email.
    resourceDetectors: [resources.envDetector, resources.hostDetector],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => untraced(request.url),
        startIncomingSpanHook: (request: IncomingMessage) => redactedQuery(request.url),
      }),
      // Statements with their placeholders, never their values (phone numbers, names, messages).
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      fastify,
    ],
  });
  sdk.start();
  return { plugin: fastify.plugin(), shutdown: () => sdk.shutdown() };
}

/**
 * Started when first imported: entry points import this module before any other (see `startTracing`). The
 * SDK, the hooks and the exporter are process-wide, so this is one of the few module-level values.
 */
export const tracing: Tracing | undefined = startTracing(process.env);
