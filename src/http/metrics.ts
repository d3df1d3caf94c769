import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { bearerToken } from '../auth/auth.plugin.js';
import { type Metrics, UNMATCHED_ROUTE } from '../observability/metrics.js';
import { AppError } from '../shared/errors.js';
import { secretsEqual } from '../shared/secrets.js';
import { PROBLEM_TYPE, problemDocument } from './problem.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's metrics (app.ts makes them; the plugins that count something reach them here). */
    metrics: Metrics;
  }
}

export const METRICS_PATH = '/metrics';

/** The route template that answered `request`, or `unmatched`: never the URL, whose ids and query the client chooses. */
export const routeTemplate = (request: FastifyRequest): string =>
  request.is404 ? UNMATCHED_ROUTE : (request.routeOptions.url ?? UNMATCHED_ROUTE);

export interface MetricsPluginOptions {
  metrics: Metrics;
  /** METRICS_TOKEN: serve GET /metrics on this port to `Authorization: Bearer <token>`. Unset: not here. */
  token: string | undefined;
}

/** Every method but OPTIONS (CORS answers it for any path): each gets the 404 of an unknown path. */
const ANY_METHOD = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Counts every answered request (its route template, method, status class and duration) in an
 * onResponse hook that does no I/O, and, with a token, serves `GET /metrics` on the app's own port to
 * callers that present it as `Authorization: Bearer <token>` (compared in constant time).
 * The scrape is answered by an onRequest hook that runs before the rate limiter (register this plugin
 * before it), so it is never rate-limited, and needs no user token. Any other request to the path, whatever
 * its method, gets what an unknown path gets (404 `not_found`, rate-limit headers and all), so the
 * endpoint does not reveal that it exists. The route is logged only at warn and above and is in no OpenAPI
 * document (it is outside the versions' scopes).
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance, { metrics, token }: MetricsPluginOptions) => {
    app.decorate('metrics', metrics);
    app.addHook('onResponse', (request, reply, done) => {
      metrics.recordRequest(
        request.method,
        routeTemplate(request),
        reply.statusCode,
        reply.elapsedTime / 1000,
      );
      done();
    });
    if (token === undefined) return;
    // Callback style, like the onResponse hook: every request passes here, and most leave at once.
    app.addHook('onRequest', (request, reply, done) => {
      if (request.url !== METRICS_PATH || request.method !== 'GET') return done();
      if (!secretsEqual(bearerToken(request.headers.authorization ?? ''), token)) return done();
      metrics
        .text()
        .then((text) => reply.type(metrics.contentType).header('cache-control', 'no-store').send(text), done);
    });
    app.route({
      method: ANY_METHOD,
      url: METRICS_PATH,
      logLevel: 'warn',
      schema: { hide: true },
      handler: async () => {
        throw new AppError('not_found', `Nothing is at ${METRICS_PATH}.`);
      },
    });
  },
  { name: 'metrics', dependencies: ['problem'] },
);

export interface MetricsServer {
  /** Where it listens, e.g. `http://127.0.0.1:9464`. */
  url: string;
  close(): Promise<void>;
}

interface MetricsServerLog {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

function sendProblem(response: ServerResponse, error: AppError, path: string) {
  const body = problemDocument(error, { origin: '', instance: path, requestId: randomUUID() });
  response.writeHead(error.status, {
    ...error.headers,
    'content-type': PROBLEM_TYPE,
    'x-api-error-code': error.code,
  });
  response.end(JSON.stringify(body));
}

/**
 * GET /metrics on a listener of its own (METRICS_PORT), for API and worker processes alike: nothing else
 * is served there, and nothing there needs a token, since the public load balancer does not route to it.
 */
export async function startMetricsServer(
  metrics: Metrics,
  { host, port }: { host: string; port: number },
  log: MetricsServerLog,
): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (path !== METRICS_PATH) {
      sendProblem(response, new AppError('not_found', `Nothing is at ${path.slice(0, 200)}.`), path);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const error = new AppError(
        'method_not_allowed',
        `${request.method} is not allowed here; use GET, HEAD.`,
        { allowed_methods: ['GET', 'HEAD'] },
        { allow: 'GET, HEAD' },
      );
      sendProblem(response, error, path);
      return;
    }
    metrics.text().then(
      (text) => {
        response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : text);
      },
      (error: unknown) => {
        log.error({ err: error }, 'metrics could not be collected');
        sendProblem(
          response,
          new AppError('internal_error', 'The metrics could not be collected; see the logs.'),
          path,
        );
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port: bound } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${bound}${METRICS_PATH}`;
  log.info({ url }, 'metrics listening');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Prometheus keeps its connection open between scrapes; a scrape cut short at shutdown is harmless.
        server.closeAllConnections();
      }),
  };
}
