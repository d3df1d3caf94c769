import { readFileSync } from 'node:fs';
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { errorSummary } from '../shared/errors.js';
import type { DestinationPolicy } from './destinations.js';

export interface Outgoing {
  url: string;
  /** The webhook-* headers; the sender adds content-type, user-agent, host and content-length. */
  headers: Record<string, string>;
  body: string;
}

export interface Answer {
  /** The receiver's status code: set whenever it answered, even if its body was then cut short. */
  statusCode: number | null;
  durationMs: number;
  /** The first 1 KB of the answer's body, as text (invalid UTF-8 replaced). */
  response: string | null;
  /** Why there is no answer (or why the destination was refused); null when the receiver answered. */
  error: string | null;
}

/** What is kept of an answer's body: enough for an admin to see what a receiver said. */
const RESPONSE_LIMIT = 1024;

const USER_AGENT = `Orderly-Webhooks/${
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version
}`;

/**
 * One POST per call to an address the policy has just checked: the host is resolved once per attempt and
 * the connection goes to that address (SNI, certificate check and Host still name the URL's host), so a
 * name cannot point elsewhere between the check and the connection. Redirects are never followed.
 */
export class WebhookSender {
  readonly #policy: DestinationPolicy;
  readonly #timeoutMs: number;
  // Pooled by address (and TLS server name): safe to reuse, since each address was checked before use.
  readonly #http = new http.Agent({ keepAlive: true });
  readonly #https = new https.Agent({ keepAlive: true });

  constructor(policy: DestinationPolicy, options: { timeoutMs: number }) {
    this.#policy = policy;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Never throws: every failure, the policy's refusal included, is an Answer with its `error`. */
  send(request: Outgoing): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      let outgoing: ClientRequest | undefined;
      let statusCode: number | null = null;
      const kept: Buffer[] = [];
      let keptBytes = 0;
      const settle = (error: string | null) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        const response = statusCode === null ? null : new TextDecoder().decode(Buffer.concat(kept));
        resolve({ statusCode, durationMs: Math.round(performance.now() - started), response, error });
      };
      // One deadline for the whole exchange: resolving, connecting, the answer and its body.
      const timer = setTimeout(() => {
        settle(statusCode === null ? `no answer within ${this.#timeoutMs} ms` : null);
        outgoing?.destroy();
      }, this.#timeoutMs);

      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        settle('the URL is not an absolute URL');
        return;
      }
      this.#policy.resolve(url).then(
        (resolved) => {
          if (settled) return;
          if (!resolved.ok) {
            settle(resolved.reason);
            return;
          }
          outgoing = this.#post(url, resolved.address, resolved.family, request);
          outgoing.on('response', (answer: IncomingMessage) => {
            statusCode = answer.statusCode ?? null;
            // The whole body is read so that the connection can serve the next delivery.
            answer.on('data', (chunk: Buffer) => {
              if (keptBytes < RESPONSE_LIMIT) kept.push(chunk.subarray(0, RESPONSE_LIMIT - keptBytes));
              keptBytes += chunk.length;
            });
            answer.on('end', () => settle(null));
            // A body cut short after the status line: the receiver has answered all the same.
            answer.on('error', () => settle(null));
            answer.on('close', () => settle(null));
          });
          outgoing.on('error', (error) => settle(failure(error)));
          outgoing.end(request.body);
        },
        (error: unknown) => settle(failure(error)),
      );
    });
  }

  close(): void {
    this.#http.destroy();
    this.#https.destroy();
  }

  #post(url: URL, address: string, family: 4 | 6, request: Outgoing): ClientRequest {
    const secure = url.protocol === 'https:';
    const name = url.hostname.replace(/^\[|\]$/g, '');
    return (secure ? https : http).request({
      agent: secure ? this.#https : this.#http,
      host: address,
      family,
      port: url.port || (secure ? 443 : 80),
      // TLS names the URL's host (SNI may not carry an address; an address URL is checked as itself).
      servername: secure && !isIP(name) ? name : undefined,
      method: 'POST',
      path: `${url.pathname}${url.search}`,
      headers: {
        ...request.headers,
        host: url.host,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(request.body),
        'user-agent': USER_AGENT,
      },
    });
  }
}

const SOCKET_FAILURES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection closed before an answer',
  EPIPE: 'connection closed before an answer',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

/** A short sentence for an admin reading the attempt, from the innermost cause. */
function failure(error: unknown): string {
  const { code, message } = errorSummary(error);
  const text = typeof message === 'string' && message ? message : String(code);
  if (typeof code !== 'string') return text;
  const known = SOCKET_FAILURES[code];
  if (known) return known;
  if (/CERT|TLS|SSL/.test(code)) return `TLS: ${text}`;
  if (code.startsWith('HPE_')) return `not an HTTP answer (${text})`;
  return text;
}
