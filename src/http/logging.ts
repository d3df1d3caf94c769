import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { LoggerOptions } from 'pino';
import type { Config } from '../config.js';
import { routeTemplate } from './metrics.js';

// Query parameters that carry credentials or one-time secrets: the OIDC callback's code and state, the
// delivery-report callback's secret, and the tokens some clients put in URLs against advice.
const SECRET_PARAMETERS = /([?&](?:code|state|secret|access_token|id_token|token|session_state)=)[^&#]*/gi;

/** A URL fit for the logs: secret query values replaced. */
export const redactUrl = (url: string) => url.replace(SECRET_PARAMETERS, '$1[redacted]');

/**
 * pino settings for the API and the worker: JSON lines (LOG_FORMAT=json), or pino-pretty's coloured lines
 * for a person (pretty, in a worker thread so that formatting never holds up a request). When Fastify's
 * request fields are logged (`req`), the URL is redacted; headers never are.
 */
export function loggerOptions(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>): LoggerOptions {
  return {
    level: config.LOG_LEVEL,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
    ...(config.LOG_FORMAT === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/**
 * One line per answered request at info, instead of Fastify's two (`disableRequestLogging` in app.ts):
 * its request id (`reqId`), user id once authenticated, method, route template (never the URL, whose
 * query may hold secrets), status and duration. It goes through the request's logger, so a route that
 * sets `logLevel: 'warn'` (the probes, the metrics scrape) is not logged.
 */
export const requestLogPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onResponse', (request, reply, done) => {
      // Set only on authenticated routes, once authentication succeeded.
      const userId = (request.actor as { userId: number } | null | undefined)?.userId;
      request.log.info(
        {
          userId,
          method: request.method,
          route: routeTemplate(request),
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
      done();
    });
  },
  { name: 'request-log' },
);
