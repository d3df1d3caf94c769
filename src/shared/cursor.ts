import { createHmac, timingSafeEqual } from 'node:crypto';
import { type TSchema, Type } from 'typebox';
import { AppError } from './errors.js';
import { MAX_PAGE_SIZE } from './pagination.js';

export const DEFAULT_CURSOR_PAGE_SIZE = 20;

/** A sort value as a cursor carries it: timestamps as ISO 8601 strings, decimals as strings. */
export type CursorValue = string | number | null;

/** Where a keyset page starts: next to a row, given by its sort values (its id last). */
export interface CursorPosition {
  values: CursorValue[];
  /** `next`: the rows after it, in the list's order; `previous`: the rows before it. */
  direction: 'next' | 'previous';
  /** The row itself belongs to the page: the way back from a page that came back empty. */
  inclusive?: boolean;
}

/** One page to read: at most `limit` rows from `position` (the first page without one), and maybe the count. */
export interface KeysetRequest {
  limit: number;
  position?: CursorPosition;
  count: boolean;
}

/** A keyset page: its rows in the list's order, where its neighbours start (if any), and the count if asked. */
export interface KeysetPage<T> {
  rows: T[];
  next?: CursorPosition;
  previous?: CursorPosition;
  count?: number;
}

/** Query parameters of every v2 list. */
export const CursorQuery = {
  limit: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_CURSOR_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  }),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1024,
      description:
        'Opaque: where the page starts, as given in `next` or `previous` (never built by hand). It holds for ' +
        'this caller, this list and its filters and ordering: an edited cursor, or one used by another caller or ' +
        'with other filters or ordering, is 400 `invalid_cursor`. `limit` and `count` may change between pages.',
    }),
  ),
  count: Type.Boolean({
    default: false,
    description:
      '`true` adds `count`, the number of rows matching the filters across all pages (one more query).',
  }),
};

/** A v2 list page: `{results, next, previous}`, plus `count` when asked for. */
export function CursorPageOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      results: Type.Array(item),
      next: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
        description:
          'The next page, or null on the last one. The `Link` header carries it too (`rel="next"`).',
      }),
      previous: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
        description: 'The previous page, or null on the first one (`Link`: `rel="prev"`).',
      }),
      count: Type.Optional(
        Type.Integer({
          minimum: 0,
          description: 'With `count=true`: rows matching the filters, across all pages.',
        }),
      ),
    },
    { additionalProperties: false, title: `${name} page` },
  );
}

export const invalidCursor = () => {
  const message =
    'The cursor was edited, or was made for another caller, list, filters or ordering: follow the `next` and ' +
    '`previous` links as given, or start again from the first page.';
  return new AppError('invalid_cursor', message, [{ field: 'cursor', code: 'invalid_cursor', message }]);
};

// 128 bits of HMAC-SHA256: forging one is as hard as guessing a 128-bit key, and URLs stay short.
const TAG_BYTES = 16;

function tagOf(key: Buffer, binding: string, payload: Buffer): Buffer {
  // The binding is JSON, which escapes NUL: the separator cannot be forged from either side.
  return createHmac('sha256', key)
    .update(binding)
    .update('\0')
    .update(payload)
    .digest()
    .subarray(0, TAG_BYTES);
}

/**
 * The opaque cursor of `position`: base64url of a MAC and the position's JSON. The MAC covers `binding`
 * (who asks for which list, filtered and ordered how) without carrying it, so the cursor is valid there only.
 */
export function encodeCursor(key: Buffer, binding: string, position: CursorPosition): string {
  const payload = Buffer.from(
    JSON.stringify({
      k: position.values,
      d: position.direction === 'next' ? 'n' : 'p',
      ...(position.inclusive ? { i: 1 } : {}),
    }),
  );
  return Buffer.concat([tagOf(key, binding, payload), payload]).toString('base64url');
}

const isCursorValue = (value: unknown): value is CursorValue =>
  value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

/** The position a cursor made by `encodeCursor` for the same key and binding holds; anything else is 400 `invalid_cursor`. */
export function decodeCursor(key: Buffer, binding: string, cursor: string): CursorPosition {
  const bytes = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url') : Buffer.alloc(0);
  if (bytes.length <= TAG_BYTES) throw invalidCursor();
  const payload = bytes.subarray(TAG_BYTES);
  if (!timingSafeEqual(bytes.subarray(0, TAG_BYTES), tagOf(key, binding, payload))) throw invalidCursor();
  // Signed by us, so well formed; checked anyway, so that a leaked key could not reach the database with junk.
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { k: values, d: direction, i: inclusive } = parsed as { k?: unknown; d?: unknown; i?: unknown };
  if (!Array.isArray(values) || values.length === 0 || !values.every(isCursorValue)) throw invalidCursor();
  if (direction !== 'n' && direction !== 'p') throw invalidCursor();
  return {
    values,
    direction: direction === 'n' ? 'next' : 'previous',
    ...(inclusive === 1 ? { inclusive: true } : {}),
  };
}
