import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { serverKey } from '../db/server-keys.js';
import {
  type CursorPosition,
  decodeCursor,
  encodeCursor,
  type KeysetPage,
  type KeysetRequest,
} from '../shared/cursor.js';
import { readKeysetPageWithVersion } from './conditional.js';
import type { Readiness } from './probes.js';
import { absoluteUrl } from './urls.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Signs the v2 pagination cursors; the same in every process sharing the database (`server_keys`). */
    cursorKey: Buffer;
  }
}

/** What a v2 list's query holds besides its filters and ordering. */
const PAGING_PARAMETERS = new Set(['limit', 'cursor', 'count']);

/**
 * What a cursor holds for: the caller, the list (its route and path parameters, e.g. an order's
 * notifications) and its filters and ordering, as validated. `limit` and `count` may change between pages.
 */
function bindingOf(request: FastifyRequest): string {
  const sorted = (record: unknown) =>
    Object.entries((record ?? {}) as Record<string, unknown>)
      .filter(([name, value]) => !PAGING_PARAMETERS.has(name) && value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([
    request.actor.userId,
    request.routeOptions.url,
    sorted(request.params),
    sorted(request.query),
  ]);
}

/**
 * The page a v2 list request asks for: `limit`, where its `cursor` says to start (400 `invalid_cursor` unless
 * this server made it for this caller, list, filters and ordering) and whether to `count`.
 */
export function keysetRequestOf(request: FastifyRequest): KeysetRequest {
  const { limit, cursor, count } = request.query as { limit: number; cursor?: string; count?: boolean };
  const position =
    cursor === undefined ? undefined : decodeCursor(request.server.cursorKey, bindingOf(request), cursor);
  return { limit, count: count === true, ...(position ? { position } : {}) };
}

/** A v2 list page as sent. */
export interface CursorPage<T> {
  results: T[];
  next: string | null;
  previous: string | null;
  count?: number;
}

/**
 * Answers a v2 list request with `page`: its results, links to its neighbours (the request's URL with their
 * cursors) in the body and in a `Link` header (RFC 8288), its count when asked, and its ETag, or 304 when the
 * client has it already. `tagOf` gives a row's part of the ETag (its version by default).
 */
export function answerKeysetPage<R extends { id: number; version: number }, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: KeysetPage<R>,
  toRepresentation: (row: R) => T,
  tagOf?: (row: R) => string,
): CursorPage<T> | FastifyReply;
/** Rows without a version (users, API tokens) give their tag from the fields the page shows. */
export function answerKeysetPage<R extends { id: number }, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: KeysetPage<R>,
  toRepresentation: (row: R) => T,
  tagOf: (row: R) => string,
): CursorPage<T> | FastifyReply;
export function answerKeysetPage<R extends { id: number; version?: number }, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: KeysetPage<R>,
  toRepresentation: (row: R) => T,
  tagOf: (row: R) => string = (row) => String(row.version),
): CursorPage<T> | FastifyReply {
  const binding = bindingOf(request);
  const linkTo = (position: CursorPosition | undefined) => {
    if (!position) return null;
    const url = new URL(absoluteUrl(request, request.url));
    url.searchParams.set('cursor', encodeCursor(request.server.cursorKey, binding, position));
    return url.toString();
  };
  const next = linkTo(page.next);
  const previous = linkTo(page.previous);
  const links = [next && `<${next}>; rel="next"`, previous && `<${previous}>; rel="prev"`].filter(Boolean);
  if (links.length > 0) reply.header('link', links.join(', '));
  return readKeysetPageWithVersion(reply, page, tagOf, () => ({
    results: page.rows.map(toRepresentation),
    next,
    previous,
    ...(page.count === undefined ? {} : { count: page.count }),
  }));
}

/**
 * Loads the cursor key once, at start, from the database every process shares: at once when the database
 * is up, else as one of the steps the start runs once it is (no list is served before: http/probes.ts).
 */
export const cursorPagesPlugin = fp(
  async (app: FastifyInstance, { readiness }: { readiness: Readiness }) => {
    const load = async () => {
      app.cursorKey = await serverKey(app.db, 'cursor');
    };
    app.decorate('cursorKey', Buffer.alloc(0));
    if (readiness.databaseUp) await load();
    else readiness.beforeReady.push(load);
  },
  { name: 'cursor-pages' },
);
