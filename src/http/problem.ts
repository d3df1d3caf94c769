import type { ErrorObject } from 'ajv';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Static, Type } from 'typebox';
import {
  AppError,
  databaseFault,
  type ErrorCode,
  errorCatalogue,
  errorSummary,
  type FieldError,
} from '../shared/errors.js';
import { publicOrigin } from './urls.js';

export const FieldErrorV1 = Type.Object(
  {
    field: Type.String({ description: 'The failing input: a body field, query or path parameter.' }),
    code: Type.String({ description: 'Machine code of the failure, e.g. `required`, `max_length`.' }),
    message: Type.String(),
  },
  { additionalProperties: false },
);

/** RFC 9457 problem details, with Orderly's extension members. */
export const ProblemV1 = Type.Object(
  {
    type: Type.String({ description: 'URI of the documentation of this kind of problem.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String({
      description:
        'The request path; `urn:uuid:` and the request id when the connection was refused before a request was read.',
    }),
    error: Type.Enum(Object.keys(errorCatalogue) as ErrorCode[], { description: 'Stable machine code.' }),
    message: Type.String({ description: 'Same as `detail`.' }),
    details: Type.Optional(
      Type.Union([Type.Array(FieldErrorV1), Type.Record(Type.String(), Type.Unknown())], {
        description: 'For `validation_error`, every failing field; otherwise facts about the conflict.',
      }),
    ),
    request_id: Type.String(),
    timestamp: Type.String({ format: 'date-time' }),
  },
  {
    $id: 'Problem',
    additionalProperties: false,
    examples: [
      {
        type: 'https://api.example.com/problems/not_found',
        title: 'Not found',
        status: 404,
        detail: 'Customer 42 was not found.',
        instance: '/api/v1/customers/42/',
        error: 'not_found',
        message: 'Customer 42 was not found.',
        request_id: '5f0c6f9e-3b1d-4c2a-9a53-0c7e2f1f2b7d',
        timestamp: '2026-11-25T14:00:00.000Z',
      },
    ],
  },
);
export type ProblemV1 = Static<typeof ProblemV1>;

const problemRef = Type.Unsafe<ProblemV1>({ $ref: 'Problem#' });

/** What a 429 carries besides its body (http/rate-limit.ts; RateLimit and RateLimit-Policy are on every response). */
const rateLimitedHeaders = {
  'Retry-After': { type: 'integer', minimum: 1, description: 'Seconds to wait before sending again.' },
  RateLimit: {
    type: 'string',
    description:
      'The exceeded policy, nothing remaining, and the seconds until its window ends (draft-ietf-httpapi-ratelimit-headers), e.g. `"default";r=0;t=17`.',
  },
  'RateLimit-Policy': {
    type: 'string',
    description: 'Its quota `q` per window of `w` seconds, e.g. `"default";q=600;w=60`.',
  },
};

/** What a 503 carries besides its body. */
const unavailableHeaders = {
  'Retry-After': {
    type: 'integer',
    minimum: 1,
    description: 'Seconds to wait before trying again (with `database_unavailable` and `database_timeout`).',
  },
};

const problemResponse = (status: number) => ({
  description: `Problem details; \`error\` is one of: ${Object.entries(errorCatalogue)
    .filter(([, entry]) => entry.status === status)
    .map(([code]) => `\`${code}\``)
    .join(', ')}.`,
  ...(status === 429 ? { headers: rateLimitedHeaders } : {}),
  ...(status === 503 ? { headers: unavailableHeaders } : {}),
  content: { 'application/problem+json': { schema: problemRef } },
});

/**
 * Response schemas for the errors a route can answer, to spread into `schema.response`. Every route can
 * answer 503: while the server shuts down, and whenever the database it reads (for credentials too) fails.
 */
export function problemResponses(...statuses: number[]) {
  const all = [400, 401, 404, 406, 413, 414, 415, 429, 500, 503, ...statuses];
  return Object.fromEntries([...new Set(all)].sort().map((status) => [status, problemResponse(status)]));
}

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

const fieldList = (errors: FieldError[]) => errors.map((e) => `${e.field}: ${e.message}`).join(' ');

/**
 * Runs `action`, naming the fields of a refusal as this version of the API names them: the domain names
 * its fields as v1 does (e.g. v2's `unit_price` is `price_per_unit` there).
 */
export async function withFieldNames<T>(names: Record<string, string>, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof AppError) || !Array.isArray(error.details)) throw error;
    const details = error.details as FieldError[];
    if (!details.some((detail) => Object.hasOwn(names, detail.field))) throw error;
    const renamed = details.map((detail) => ({ ...detail, field: names[detail.field] ?? detail.field }));
    const message = error.message === fieldList(details) ? fieldList(renamed) : error.message;
    throw new AppError(error.code, message, renamed, error.headers);
  }
}

/** The problem document of `error`; `origin` is prefixed to its `type` (empty: a relative URI). */
export function problemDocument(
  error: AppError,
  at: { origin: string; instance: string; requestId: string },
): ProblemV1 {
  return {
    type: `${at.origin}/problems/${error.code}`,
    title: errorCatalogue[error.code].title,
    status: error.status,
    detail: error.message,
    instance: at.instance,
    error: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
    request_id: at.requestId,
    timestamp: new Date().toISOString(),
  };
}

/** The problem document answering `request` with `error`, and the headers that go with it. */
export function renderProblem(
  request: FastifyRequest,
  error: AppError,
): { headers: Record<string, string>; body: ProblemV1 } {
  const body = problemDocument(error, {
    origin: publicOrigin(request),
    instance: request.url.split('?')[0] ?? request.url,
    requestId: request.id,
  });
  // The code in a header too, for clients and proxies that log headers but not bodies.
  const headers = { ...error.headers, 'content-type': PROBLEM_TYPE, 'x-api-error-code': error.code };
  return { headers, body };
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const { headers, body } = renderProblem(request, error);
  return reply.code(error.status).headers(headers).send(body);
}

const ajvCodes: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknown_field',
  type: 'invalid_type',
  minLength: 'too_short',
  maxLength: 'too_long',
  minimum: 'too_small',
  exclusiveMinimum: 'too_small',
  maximum: 'too_large',
  exclusiveMaximum: 'too_large',
  pattern: 'invalid_format',
  format: 'invalid_format',
  enum: 'invalid_choice',
  const: 'invalid_choice',
  anyOf: 'invalid_value',
  minProperties: 'empty',
};

function messageOf(e: ErrorObject, custom: string | undefined): string {
  if (e.keyword === 'required') return 'This field is required.';
  if (e.keyword === 'additionalProperties') return 'This field is not part of the resource; remove it.';
  if (e.keyword === 'enum') return `Must be one of: ${(e.params.allowedValues as unknown[]).join(', ')}.`;
  if (custom && e.keyword !== 'type') return custom;
  return `Must ${e.message?.replace(/^must /, '') ?? 'be valid'}.`;
}

/** Turns Ajv errors into one entry per failing field, with the schema's own wording when it has one. */
function fieldErrorsFromAjv(errors: ErrorObject[], context: string | undefined): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const e of errors) {
    let path = e.instancePath.split('/').slice(1).join('.');
    if (e.keyword === 'required') path = [path, e.params.missingProperty].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties')
      path = [path, e.params.additionalProperty].filter(Boolean).join('.');
    const field = path || (context === 'body' ? 'body' : context || 'request');
    // Keep the first, most specific failure per field; a union reports one failure per branch.
    if (byField.has(field)) continue;
    const custom = (e.parentSchema as { 'x-error-message'?: string } | undefined)?.['x-error-message'];
    // Domain rules run as schema keywords (http/validation.ts) report their own code and wording.
    if (typeof e.params.code === 'string') {
      byField.set(field, { field, code: e.params.code, message: e.message ?? 'Is not valid.' });
      continue;
    }
    byField.set(field, { field, code: ajvCodes[e.keyword] ?? e.keyword, message: messageOf(e, custom) });
  }
  return [...byField.values()];
}

function toAppError(error: FastifyError): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const details = fieldErrorsFromAjv(error.validation as ErrorObject[], error.validationContext);
    const where = error.validationContext === 'body' ? 'body' : 'query or path';
    return new AppError(
      'validation_error',
      `The request ${where} is not valid: ${details.map((d) => `${d.field}: ${d.message}`).join(' ')}`,
      details,
    );
  }
  // secure-json-parse refuses __proto__ and constructor keys with a SyntaxError.
  if (
    error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    error instanceof SyntaxError
  ) {
    return new AppError('invalid_json', `The body is not valid JSON: ${error.message}`);
  }
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return new AppError('payload_too_large', 'The request body is larger than the server accepts.');
  }
  if (status === 415) {
    return new AppError(
      'unsupported_media_type',
      'Send the body as application/json (or application/merge-patch+json for PATCH).',
      undefined,
      { accept: 'application/json, application/merge-patch+json' },
    );
  }
  if (status >= 400 && status < 500) return new AppError('validation_error', error.message);
  const fault = databaseFault(error);
  if (fault) return databaseProblem(fault);
  if (status === 503)
    return new AppError('service_unavailable', 'The service is not available; try again shortly.');
  return new AppError(
    'internal_error',
    'Something went wrong on our side; the request id identifies it in our logs.',
  );
}

/** Seconds a client should wait before retrying after a database failure: a restart takes a few. */
const DATABASE_RETRY_AFTER_SECONDS = { database_unavailable: 2, database_timeout: 1 } as const;

function databaseProblem(fault: keyof typeof DATABASE_RETRY_AFTER_SECONDS): AppError {
  const detail =
    fault === 'database_unavailable'
      ? 'The database cannot be reached right now; try again shortly.'
      : 'The database did not answer in time (the data may be locked by another change); try again shortly.';
  return new AppError(fault, detail, undefined, {
    'retry-after': String(DATABASE_RETRY_AFTER_SECONDS[fault]),
  });
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods some route answers at `path` (a request path without its query). */
export const allowedMethods = (app: FastifyInstance, path: string) =>
  METHODS.filter((method) => app.findRoute({ method, url: path }));

/**
 * An unknown path (404), or a known path with another method (405 + Allow). Set at the root, and again by
 * a scope whose hooks must run for the unknown paths under its prefix too (the API versions').
 */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  const allowed = allowedMethods(request.server, path);
  if (allowed.length > 0) {
    return sendProblem(
      request,
      reply,
      new AppError(
        'method_not_allowed',
        `${request.method} is not allowed here; use ${allowed.join(', ')}.`,
        {
          allowed_methods: allowed,
        },
        { allow: allowed.join(', ') },
      ),
    );
  }
  return sendProblem(request, reply, new AppError('not_found', `Nothing is at ${path}.`));
}

/**
 * One error format everywhere: errors thrown by handlers, Fastify's own (validation, parsing, body size),
 * unknown paths (404) and known paths with another method (405 + Allow).
 */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = toAppError(error);
      // A database outage fails every request at once: one line each, without the driver's stack.
      if (problem.code === 'database_unavailable' || problem.code === 'database_timeout')
        request.log.warn({ error: problem.code, cause: errorSummary(error) }, problem.message);
      else if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
      else if (!(error instanceof AppError))
        request.log.info({ code: error.code, reason: error.message }, problem.code);
      return sendProblem(request, reply, problem);
    });

    // Each problem `type` URI resolves to a description of that kind of problem.
    app.get(
      '/problems/:code',
      {
        schema: {
          operationId: 'problemType',
          summary: 'What an error code means',
          tags: ['meta'],
          params: Type.Object({ code: Type.String({ maxLength: 50 }) }, { additionalProperties: false }),
          response: {
            200: Type.Object(
              { error: Type.String(), title: Type.String(), status: Type.Integer() },
              { additionalProperties: false, title: 'Problem type' },
            ),
            ...problemResponses(),
          },
        },
      },
      async (request) => {
        const { code } = request.params as { code: string };
        if (!Object.hasOwn(errorCatalogue, code))
          throw new AppError('not_found', `No problem type is called ${code}.`);
        return { error: code, ...errorCatalogue[code as ErrorCode] };
      },
    );

    app.setNotFoundHandler(notFoundHandler);
  },
  { name: 'problem' },
);
