import type { FastifyRequest, FastifyServerOptions } from 'fastify';

// Query parameters that carry credentials or one-time secrets: the OIDC callback's code and state, the
// delivery-report callback's secret, and the tokens some clients put in URLs against advice.
const SECRET_PARAMETERS = /([?&](?:code|state|secret|access_token|id_token|token|session_state)=)[^&#]*/gi;

/** A URL fit for the logs: secret query values replaced. */
export const redactUrl = (url: string) => url.replace(SECRET_PARAMETERS, '$1[redacted]');

/** pino settings: Fastify's request fields, with the URL redacted (headers are never logged). */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: redactUrl(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  };
}
