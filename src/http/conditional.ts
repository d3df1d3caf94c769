import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import { AppError } from '../shared/errors.js';
import type { Page } from '../shared/pagination.js';
import { addHeaderToRoute } from './route-schema.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** REQUIRE_IF_MATCH: a change without If-Match is refused (428). */
    requireIfMatch: boolean;
  }
  interface FastifyContextConfig {
    /** The route changes one resource and honours If-Match (documented, and 428 under REQUIRE_IF_MATCH). */
    ifMatch?: boolean;
  }
}

/**
 * A strong ETag from a row's version, which the database moves exactly when the row's content changes
 * (migration 0009): the representation is never hashed.
 */
export function etagOf(version: number, representationTag = ''): string {
  return `"${version}${representationTag}"`;
}

/** Sets the ETag of the one resource a response represents. */
export function withVersion<T>(reply: FastifyReply, version: number, representation: T): T {
  reply.header('etag', etagOf(version, reply.request.representationTag));
  return representation;
}

/**
 * The answer to a GET or HEAD (RFC 9110 §13.1.2): 304 at once, with the ETag and no body, when
 * If-None-Match already names `etag`, so the representation is neither built nor serialised;
 * otherwise the representation with its ETag.
 */
function answerUnlessCurrent<T>(reply: FastifyReply, etag: string, build: () => T): T | FastifyReply {
  reply.header('etag', etag);
  const ifNoneMatch = reply.request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && noneMatchHits(ifNoneMatch, etag)) return reply.code(304).send();
  return build();
}

/** A GET or HEAD of one resource: its ETag, or 304 when the client has it already. */
export function readWithVersion<T>(reply: FastifyReply, version: number, build: () => T): T | FastifyReply {
  return answerUnlessCurrent(reply, etagOf(version, reply.request.representationTag), build);
}

/**
 * A GET or HEAD of a list page, whose ETag is a digest of its count and of its rows' ids and versions,
 * the facts the page is built from (never of its serialised body). The ETag is per URL, so filters and
 * page need not be part of it.
 */
export function readPageWithVersion<T>(
  reply: FastifyReply,
  page: Page<{ id: number; version: number }>,
  build: () => T,
): T | FastifyReply {
  const digest = createHash('sha256').update(String(page.count));
  for (const row of page.rows) digest.update(`,${row.id}.${row.version}`);
  const tag = reply.request.representationTag;
  return answerUnlessCurrent(reply, `"${digest.digest('base64url').slice(0, 27)}${tag}"`, build);
}

/** Whether an If-None-Match header names `etag` (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * A version the database can hold (an int4), in the ETag of any representation (JSON, or JSON-LD's
 * `-ld`): anything else in If-Match can never match.
 */
const STRONG_VERSION_TAG = /^"([1-9][0-9]{0,9})(?:-ld)?"$/;
const MAX_VERSION = 2 ** 31 - 1;

/**
 * The versions a change may apply to, from If-Match (RFC 9110 §13.1.1): undefined when any version will
 * do (no header, or `*`, since a missing resource is 404 anyway), else the strongly matching versions
 * (possibly none: weak or foreign tags never match, so the change fails with 412).
 * With REQUIRE_IF_MATCH a missing header is 428.
 */
export function expectedVersions(request: FastifyRequest): readonly number[] | undefined {
  const header = request.headers['if-match'];
  if (header === undefined) {
    if (request.server.requireIfMatch) {
      throw new AppError(
        'precondition_required',
        'Send If-Match with the ETag of the version you read, so that a change made meanwhile is not overwritten.',
      );
    }
    return undefined;
  }
  if (header.trim() === '*') return undefined;
  const versions: number[] = [];
  for (const candidate of header.split(',')) {
    const digits = STRONG_VERSION_TAG.exec(candidate.trim())?.[1];
    if (digits !== undefined && Number(digits) <= MAX_VERSION) versions.push(Number(digits));
  }
  return versions;
}

/** The 304 documented on a GET. */
export const NotModified = Type.Null({
  description: 'Not modified: the `If-None-Match` ETag is current. No body.',
});

const IfMatchHeader = Type.String({
  description:
    'The `ETag` of the version this change is based on. Another version is 412 `precondition_failed`; `*` matches any.',
});

/**
 * Conditional requests (RFC 9110 §13). GET and HEAD handlers answer through `readWithVersion` and
 * `readPageWithVersion` (304 when the client has the current version). Routes with `config.ifMatch`
 * document If-Match, 412 and 428; their domain functions compare the versions from `expectedVersions`
 * in the same statement or transaction as the change.
 */
export const conditionalPlugin = fp(
  async (app: FastifyInstance, options: { requireIfMatch: boolean }) => {
    app.decorate('requireIfMatch', options.requireIfMatch);
    app.addHook('onRoute', (route) => {
      if (route.config?.ifMatch) addHeaderToRoute(route, 'if-match', IfMatchHeader, [412, 428]);
    });
  },
  { name: 'conditional' },
);
