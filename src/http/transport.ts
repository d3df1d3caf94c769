import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type Server, STATUS_CODES } from 'node:http';
import type { Http2Session, SecureServerOptions } from 'node:http2';
import type { Socket } from 'node:net';
import { createSecureContext } from 'node:tls';
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Config, ConfigError } from '../config.js';
import { AppError } from '../shared/errors.js';
import { limits } from './limits.js';
import { PROBLEM_TYPE, problemDocument, renderProblem } from './problem.js';

/** The server's certificate (chain) and private key, as PEM. */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

async function readSetting(setting: 'TLS_CERT_FILE' | 'TLS_KEY_FILE', path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new ConfigError(`${setting} ${path} cannot be read: ${(error as Error).message}`);
  }
}

/**
 * Reads TLS_CERT_FILE and TLS_KEY_FILE (config checks that both or neither are set) and checks that they
 * make a key pair, so that a bad file stops the start with a message naming the setting.
 */
export async function readTlsFiles(config: Config): Promise<TlsFiles | undefined> {
  if (!config.TLS_CERT_FILE || !config.TLS_KEY_FILE) return undefined;
  const [cert, key] = await Promise.all([
    readSetting('TLS_CERT_FILE', config.TLS_CERT_FILE),
    readSetting('TLS_KEY_FILE', config.TLS_KEY_FILE),
  ]);
  try {
    createSecureContext({ cert, key });
  } catch (error) {
    throw new ConfigError(
      `TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key: ${(error as Error).message}`,
    );
  }
  return { cert, key };
}

/** Node's HTTP/2 server options with TLS: HTTP/1.1 clients are served too, chosen by ALPN. */
export function secureServerOptions(tls: TlsFiles): SecureServerOptions {
  return { ...tls, allowHTTP1: true, settings: { maxHeaderListSize: limits.headerBytes } };
}

/**
 * Limits that Node's HTTP/1.1 code reads from the server object: the parser at each new connection, the
 * timeout checks at each round, their interval when the server starts listening. Fastify sets only some
 * of them, and none on the HTTP/2 server that also serves HTTP/1.1, so they are all set here.
 */
export function limitConnections(server: Server, config: Config): void {
  Object.assign(server, {
    maxHeaderSize: limits.headerBytes,
    headersTimeout: config.HEADERS_TIMEOUT_MS,
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.IDLE_TIMEOUT_MS,
    // Node checks every 30 s by default: a 10 s headers timeout could stretch to 40 s.
    connectionsCheckingInterval: Math.max(
      100,
      Math.floor(Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS) / 10),
    ),
  });
}

/**
 * Node 20's HTTP/2 server does not end its sessions when it closes, so one idle client would hold a
 * shutdown for IDLE_TIMEOUT_MS. As the app closes, each session finishes the requests in flight and ends.
 */
export function closeSessionsOnClose(app: FastifyInstance): void {
  const sessions = new Set<Http2Session>();
  app.server.on('session', (session: Http2Session) => {
    sessions.add(session);
    session.once('close', () => sessions.delete(session));
  });
  app.addHook('preClose', async () => {
    for (const session of sessions) session.close();
  });
}

function connectionProblem(error: ConnectionError, config: Config): AppError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError(
        'request_timeout',
        `The request did not arrive in time: headers are allowed ${config.HEADERS_TIMEOUT_MS} ms, the whole request ${config.REQUEST_TIMEOUT_MS} ms.`,
      );
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(
        'headers_too_large',
        `The request line and headers are larger than ${limits.headerBytes} bytes.`,
        { max_bytes: limits.headerBytes },
      );
    default:
      return new AppError('malformed_request', 'The request is not valid HTTP/1.1.');
  }
}

/**
 * Fastify's `clientErrorHandler`: Node refuses a connection before any request object exists (a request
 * too slow to arrive, headers too large, bytes that are not HTTP). The answer is a problem document like
 * every other error, written straight to the socket, which then closes.
 */
export function clientErrorHandler(config: Config) {
  return function onClientError(this: FastifyInstance, error: ConnectionError, socket: Socket): void {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const problem = connectionProblem(error, config);
    const requestId = randomUUID();
    this.log.info({ request_id: requestId, reason: error.code }, problem.code);
    // As Node does: no answer while a response to an earlier request is already on its way.
    const inFlight = (socket as { _httpMessage?: { headersSent: boolean } })._httpMessage;
    if (socket.writable && !inFlight?.headersSent) {
      const body = JSON.stringify(
        problemDocument(problem, {
          origin: config.PUBLIC_URL ?? '',
          instance: `urn:uuid:${requestId}`,
          requestId,
        }),
      );
      socket.write(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
          `Content-Type: ${PROBLEM_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
          `X-Request-ID: ${requestId}\r\nX-API-Error-Code: ${problem.code}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

/**
 * Fastify's `frameworkErrors`: the router refuses a path it cannot decode (a malformed percent-encoding
 * such as `%zz`) or a path parameter longer than its `maxParamLength` before any route or hook runs, and
 * would answer in its own JSON shape. The answer is a problem document like every other error.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('uri_too_long', 'A segment of the URL path is too long for any resource of this API.')
      : error.code === 'FST_ERR_BAD_URL'
        ? new AppError('malformed_request', 'The URL path is not valid: it has a malformed percent-encoding.')
        : new AppError('internal_error', 'The request could not be routed.');
  const { headers, body } = renderProblem(request, problem);
  return reply
    .code(problem.status)
    .headers({ ...headers, 'x-request-id': request.id })
    .send(JSON.stringify(body));
}
