import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../shared/errors.js';

/**
 * Limits on what one request may ask of the server, beyond BODY_LIMIT and the page size. No valid
 * request of this API comes near them: bodies are flat objects of a few fields, URLs a path and a
 * few query parameters. They bound the work a hostile request can cause before validation refuses it.
 */
export const limits = {
  /** Deepest nesting of a JSON body: `{}` and `[]` are depth 1, `{"a":{}}` depth 2. */
  jsonDepth: 20,
  /** Most elements of one JSON array, or members of one JSON object, in a body. */
  jsonItems: 1000,
  /** Longest request target (path and query string), in bytes. */
  urlBytes: 4096,
  /** Largest request line plus headers, in bytes: Node's default, stated so that it cannot change unnoticed. */
  headerBytes: 16_384,
} as const;

/** Whether a parsed JSON value nests deeper than, or holds a container larger than, the limits. */
function exceedsLimits(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  // An explicit stack, not recursion: the body decides the depth. Each container is visited once.
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const container = containers.pop() as Record<string, unknown>;
    const depth = depths.pop() as number;
    if (depth > limits.jsonDepth) return true;
    let items = 0;
    for (const key in container) {
      if (++items > limits.jsonItems) return true;
      const item = container[key];
      if (typeof item === 'object' && item !== null) {
        containers.push(item);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** A body parser that answers through its callback, as Fastify's default JSON parser does. */
type CallbackParser = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/** Wraps a JSON body parser so that a body beyond the depth or size limits is refused before validation. */
export function boundedJsonParser(parse: CallbackParser): CallbackParser {
  return (request, body, done) => {
    parse(request, body, (error, value) => {
      if (error) return done(error, undefined);
      if (exceedsLimits(value)) {
        return done(
          new AppError(
            'body_too_complex',
            `The body nests deeper than ${limits.jsonDepth} levels or has an array or object of more than ${limits.jsonItems} items.`,
            { max_depth: limits.jsonDepth, max_items: limits.jsonItems },
          ),
          undefined,
        );
      }
      done(null, value);
    });
  };
}

/** Size of a header list as HTTP/2 counts it against SETTINGS_MAX_HEADER_LIST_SIZE (RFC 9113 §6.5.2). */
function headerListBytes(rawHeaders: string[]): number {
  // Names and values alternate; each field counts 32 bytes besides its name and value.
  let bytes = 16 * rawHeaders.length;
  for (const part of rawHeaders) bytes += part.length;
  return bytes;
}

/**
 * Refuses, before any other work on it, a request whose URL is longer than the limit (414), and an
 * HTTP/2 request whose headers are larger than the limit (431): Node's HTTP/1.1 parser refuses those
 * itself (see transport.ts), but its HTTP/2 server only advertises the limit to the client.
 */
export const limitsPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (request, _reply, done) => {
      // The request line arrives as latin1, one character per byte.
      if (request.url.length > limits.urlBytes) {
        return done(
          new AppError(
            'uri_too_long',
            `The URL is ${request.url.length} bytes long; at most ${limits.urlBytes} are accepted. Send long filters in fewer or shorter query parameters.`,
            { max_bytes: limits.urlBytes },
          ),
        );
      }
      if (
        request.raw.httpVersionMajor === 2 &&
        headerListBytes(request.raw.rawHeaders) > limits.headerBytes
      ) {
        return done(
          new AppError(
            'headers_too_large',
            `The request headers are larger than ${limits.headerBytes} bytes.`,
            { max_bytes: limits.headerBytes },
          ),
        );
      }
      done();
    });
  },
  { name: 'limits', dependencies: ['problem'] },
);
