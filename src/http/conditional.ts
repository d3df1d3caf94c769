import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { KeysetPage } from '../shared/cursor.js';
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
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The ETag of the representation the request negotiated: two representations of one version must not
 * share an entity tag (RFC 9110 §8.8.3), so JSON-LD's carries `-ld` (http/negotiation.ts sets the tag).
 */
const representationEtag = (reply: FastifyReply, etag: string) =>
  reply.request.representationTag === '' ? etag : `${etag.slice(0, -1)}${reply.request.representationTag}"`;

/** If-Match names a version whatever its representation: the JSON-LD tag is dropped before comparing. */
const withoutRepresentationTag = (etag: string) => etag.replace(/-ld"$/, '"');

/** Sets the ETag of the one resource a response represents. */
export function withVersion<T>(reply: FastifyReply, version: number, representation: T): T {
  return withEtag(reply, etagOf(version), representation);
}

/**
 * The strong ETag of a representation built from several rows, such as a v2 order, which shows its
 * customer's name: the rows' versions, the main row's first (`"7.3"`). A change to any of them changes it.
 */
export function etagOfVersions(versions: readonly (number | null | undefined)[]): string {
  return `"${versions.map((version) => version ?? 0).join('.')}"`;
}

/** Sets the ETag of a response (see `etagOfVersions`). */
export function withEtag<T>(reply: FastifyReply, etag: string, representation: T): T {
  reply.header('etag', representationEtag(reply, etag));
  return representation;
}

/**
 * The answer to a GET or HEAD (RFC 9110 §13.1.2): 304 at once, with the ETag and no body, when
 * If-None-Match already names `etag`, so the representation is neither built nor serialised;
 * otherwise the representation with its ETag.
 */
export function readWithEtag<T>(reply: FastifyReply, version: string, build: () => T): T | FastifyReply {
  const etag = representationEtag(reply, version);
  reply.header('etag', etag);
  const ifNoneMatch = reply.request.headers['if-none-match'];
  if (ifNoneMatch !== undefined && noneMatchHits(ifNoneMatch, etag)) return reply.code(304).send();
  return build();
}

/** A GET or HEAD of one resource: its ETag, or 304 when the client has it already. */
export function readWithVersion<T>(reply: FastifyReply, version: number, build: () => T): T | FastifyReply {
  return readWithEtag(reply, etagOf(version), build);
}

/**
 * The ETag of a list page: a digest of `facts` (what else the page shows, such as its count) and of its
 * rows' ids and tags (their versions), the facts the page is built from (never of its serialised body).
 * The ETag is per URL, so filters and page need not be part of it.
 */
function pageEtag<R extends { id: number }>(facts: string, rows: readonly R[], tagOf: (row: R) => string) {
  const digest = createHash('sha256').update(facts);
  for (const row of rows) digest.update(`,${row.id}.${tagOf(row)}`);
  return `"${digest.digest('base64url').slice(0, 27)}"`;
}

/** A GET or HEAD of a v1 list page (count and rows), with its ETag (or 304). */
export function readPageWithVersion<T>(
  reply: FastifyReply,
  page: Page<{ id: number; version: number }>,
  build: () => T,
): T | FastifyReply {
  return readWithEtag(
    reply,
    pageEtag(String(page.count), page.rows, (row) => String(row.version)),
    build,
  );
}

/**
 * A GET or HEAD of a keyset page, with its ETag (or 304): its rows' tags (by default their versions), whether
 * it has neighbours (a row arriving past its end adds a `next` link) and its count when asked.
 */
export function readKeysetPageWithVersion<R extends { id: number }, T>(
  reply: FastifyReply,
  page: KeysetPage<R>,
  tagOf: (row: R) => string,
  build: () => T,
): T | FastifyReply {
  const facts = `${page.count ?? ''};${page.next ? 'n' : ''}${page.previous ? 'p' : ''}`;
  return readWithEtag(reply, pageEtag(facts, page.rows, tagOf), build);
}

/** Whether an If-None-Match header names `etag` (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
function noneMatchHits(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** A version the database can hold (an int4): anything else in If-Match can never match. */
const STRONG_VERSION_TAG = /^"([1-9][0-9]{0,9})"$/;
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
    const digits = STRONG_VERSION_TAG.exec(withoutRepresentationTag(candidate.trim()))?.[1];
    if (digits !== undefined && Number(digits) <= MAX_VERSION) versions.push(Number(digits));
  }
  return versions;
}

/**
 * If-Match for a representation built from several rows (see `etagOfVersions`): the change may apply to
 * the main row's version as `current` read it when If-Match names `current`'s ETag (or `*`); to none when
 * it names another (412). The domain compares that version in the change's own statement or row lock, so
 * a change to the main row meanwhile still fails; related rows are compared at the read.
 */
export async function expectedVersionsOf(
  request: FastifyRequest,
  current: () => Promise<{ version: number; etag: string }>,
): Promise<readonly number[] | undefined> {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '*') return expectedVersions(request);
  const { version, etag } = await current();
  return header.split(',').some((candidate) => withoutRepresentationTag(candidate.trim()) === etag)
    ? [version]
    : [];
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
