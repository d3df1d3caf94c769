import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { Database } from '../db/client.js';
import { AppError, databaseError, UNIQUE_VIOLATION } from '../shared/errors.js';
import {
  deleteExpiredKeys,
  findOutcome,
  lockKey,
  type StoredOutcome,
  type StoredResponse,
  storeOutcome,
  storeOutcomeWithin,
} from './idempotency.repository.js';
import { renderProblem } from './problem.js';
import { addHeaderToRoute } from './route-schema.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The transaction of a request sent with an Idempotency-Key: its changes commit with its outcome. */
    transaction: Database | undefined;
  }
  interface FastifyContextConfig {
    /** A POST that creates or acts: it accepts an Idempotency-Key. */
    idempotent?: boolean;
  }
}

const KEY_HEADER = 'idempotency-key';
const REPLAYED_HEADER = 'idempotent-replayed';
/** Response headers worth replaying with the body. */
const KEPT_HEADERS = ['content-type', 'location', 'etag'] as const;
const SWEEP_INTERVAL_MS = 15 * 60_000;

const IdempotencyKeyHeader = Type.String({
  pattern: '^("[!-~]{1,255}"|[!-~]{1,255})$',
  description:
    'A unique key (1–255 printable ASCII characters, e.g. a UUID; bare or quoted) that makes a retry of this request safe: ' +
    'the first outcome, errors included, is stored for `IDEMPOTENCY_TTL_SECONDS` (24 h by default) and replayed ' +
    'to every retry with `Idempotent-Replayed: true`. The same key with a different request is 422; while the first ' +
    'is still running, 409 with `Retry-After`.',
  examples: ['8e03978e-40d5-43e8-bc93-6894a57f9324'],
});

/** The JSON of `value` with object keys sorted, so that the same body always has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? '';
}

const fingerprintOf = (request: FastifyRequest) =>
  createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonicalJson(request.body)}`)
    .digest('base64url');

/** The key the client sent: the draft's quoted Structured-Field string, or Stripe's bare token. */
const keyOf = (header: string) => /^"(.+)"$/.exec(header)?.[1] ?? header;

/** A handler's refusal (a 4xx), carried out of its transaction so that nothing it wrote is kept. */
class Refused extends Error {
  constructor(readonly problem: AppError) {
    super(problem.message);
  }
}

/** The transaction lost to a retry with the same key that committed first. */
class Overtaken extends Error {}

/**
 * Refusals worth replaying: the handler's 4xx answers. A missing If-Match (428) is not one: the retry
 * that adds it must run.
 */
const isReplayable = (error: unknown): error is AppError =>
  error instanceof AppError && error.status < 500 && error.code !== 'precondition_required';

function send(reply: FastifyReply, response: StoredResponse, replayed: boolean) {
  return reply
    .code(response.statusCode)
    .headers(response.headers)
    .header(REPLAYED_HEADER, String(replayed))
    .send(response.body);
}

function replay(reply: FastifyReply, stored: StoredOutcome, fingerprint: string) {
  if (stored.fingerprint !== fingerprint) {
    throw new AppError(
      'idempotency_key_mismatch',
      'This Idempotency-Key was first used with another request (method, path or body); use a new key for a new request.',
    );
  }
  return send(reply, stored, true);
}

interface Outcome {
  stored: StoredOutcome;
  /** This request ran the handler (else `stored` is a replay). */
  first: boolean;
}

/**
 * Runs `handler` once per caller and key: its changes and its outcome (status, body, Location, ETag)
 * commit in one transaction, and retries get the stored outcome again.
 */
async function runOnce(
  handler: RouteHandlerMethod,
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  ttlSeconds: number,
) {
  const { userId } = request.actor;
  const fingerprint = fingerprintOf(request);
  const db = request.server.db;
  // The error of storing this request's outcome, once known (undefined: stored).
  let storing: Promise<unknown> | undefined;
  try {
    const outcome = await db
      .transaction(async (tx): Promise<Outcome> => {
        const { locked, stored } = await lockKey(tx, userId, key);
        if (!locked) {
          throw new AppError(
            'idempotency_key_in_use',
            'A request with this Idempotency-Key is still running; retry after it ends to get its outcome.',
            undefined,
            { 'retry-after': '1' },
          );
        }
        if (stored) return { stored, first: false };
        request.transaction = tx;
        let payload: unknown;
        try {
          payload = await handler.call(app, request, reply);
        } catch (error) {
          throw isReplayable(error) ? new Refused(error) : error;
        } finally {
          request.transaction = undefined;
        }
        if (payload === reply || reply.sent)
          throw new Error(`${request.url}: an idempotent handler returns its payload`);
        const headers = Object.fromEntries(
          KEPT_HEADERS.map((name) => [name, reply.getHeader(name)]).filter(
            ([, value]) => value !== undefined,
          ),
        );
        const response: StoredOutcome = {
          fingerprint,
          statusCode: reply.statusCode,
          headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
          body: reply.serialize(payload) as string,
        };
        // The COMMIT is queued behind the outcome's INSERT without waiting for its answer: if the INSERT
        // fails, PostgreSQL turns that COMMIT into a ROLLBACK, and nothing of the request is kept.
        storing = storeOutcomeWithin(tx, userId, key, response, ttlSeconds).then(
          () => undefined,
          (error: unknown) => error,
        );
        return { stored: response, first: true };
      })
      .catch(async (error: unknown) => {
        // PGlite reports the ROLLBACK of such a COMMIT as an error of its own: the INSERT's is the cause.
        throw (await storing) ?? error;
      });
    const failure = await storing;
    if (failure !== undefined)
      throw databaseError(failure)?.code === UNIQUE_VIOLATION ? new Overtaken() : failure;
    return outcome.first ? send(reply, outcome.stored, false) : replay(reply, outcome.stored, fingerprint);
  } catch (error) {
    if (error instanceof Overtaken) {
      const stored = await findOutcome(db, userId, key);
      if (stored) return replay(reply, stored, fingerprint);
      throw error;
    }
    if (!(error instanceof Refused)) throw error;
    // The refusal is kept outside the rolled-back transaction: it changed nothing. Should a retry have
    // stored its own outcome meanwhile (its lock came free with the rollback), that one is kept.
    const { headers, body } = renderProblem(request, error.problem);
    const response = { statusCode: error.problem.status, headers, body: JSON.stringify(body) };
    await storeOutcome(db, userId, key, { fingerprint, ...response }, ttlSeconds);
    return send(reply, response, false);
  }
}

/**
 * Idempotency-Key (draft-ietf-httpapi-idempotency-key-header, as Stripe does it) on the routes with
 * `config.idempotent`: the first outcome of a key, per caller, is stored with the request's own changes
 * and replayed to its retries. Requests refused before their handler (authentication, validation, rate
 * limits) store nothing, so they can be fixed and sent again with the same key.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, options: { ttlSeconds: number }) => {
    app.decorateRequest('transaction', undefined);
    app.addHook('onRoute', (route) => {
      if (!route.config?.idempotent) return;
      addHeaderToRoute(route, KEY_HEADER, IdempotencyKeyHeader, [409, 422]);
      const handler = route.handler;
      route.handler = async function idempotent(request, reply) {
        const header = request.headers[KEY_HEADER];
        if (typeof header !== 'string') return handler.call(this, request, reply);
        return runOnce(handler, this, request, reply, keyOf(header), options.ttlSeconds);
      };
    });

    let sweeper: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      sweeper = setInterval(() => {
        deleteExpiredKeys(app.db).catch((error) =>
          app.log.warn({ err: error }, 'idempotency key sweep failed'),
        );
      }, SWEEP_INTERVAL_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(sweeper));
  },
  { name: 'idempotency' },
);
