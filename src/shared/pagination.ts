import { type TSchema, Type } from 'typebox';
import { AppError } from './errors.js';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/** Query parameters shared by every list. */
export const PageQuery = {
  limit: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: `Page size, 1 to ${MAX_PAGE_SIZE}.`,
  }),
  offset: Type.Integer({ minimum: 0, maximum: 100_000_000, default: 0, description: 'Rows to skip.' }),
};

/** The DRF list shape: `{count, next, previous, results}` with absolute links. */
export function PageOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      count: Type.Integer({ minimum: 0, description: 'Rows matching the filters, across all pages.' }),
      next: Type.Union([Type.String({ format: 'uri' }), Type.Null()], { description: 'Next page, or null.' }),
      previous: Type.Union([Type.String({ format: 'uri' }), Type.Null()], {
        description: 'Previous page, or null.',
      }),
      results: Type.Array(item),
    },
    { additionalProperties: false, title: `${name} page` },
  );
}

export interface Page<T> {
  count: number;
  rows: T[];
}

export interface PageRequest {
  limit: number;
  offset: number;
}

/** Links to the neighbouring pages of `url` (absolute, with its query), DRF style. */
export function pageLinks(url: string, page: PageRequest, count: number) {
  const link = (offset: number) => {
    const target = new URL(url);
    target.searchParams.set('limit', String(page.limit));
    if (offset > 0) target.searchParams.set('offset', String(offset));
    else target.searchParams.delete('offset');
    return target.toString();
  };
  return {
    next: page.offset + page.limit < count ? link(page.offset + page.limit) : null,
    previous:
      page.offset > 0 ? link(Math.max(0, Math.min(page.offset - page.limit, count - page.limit))) : null,
  };
}

export interface SortKey<F extends string> {
  field: F;
  descending: boolean;
}

/** `ordering=-time_placed,id` → sort keys, refusing unknown fields with a 400 naming the allowed ones. */
export function parseOrdering<F extends string>(
  value: string | undefined,
  allowed: readonly F[],
  fallback: SortKey<F>[],
): SortKey<F>[] {
  if (!value) return fallback;
  const keys = value.split(',').map((part) => {
    const descending = part.startsWith('-');
    const field = (descending ? part.slice(1) : part) as F;
    if (!allowed.includes(field)) {
      throw new AppError('validation_error', `Cannot order by "${part}".`, [
        {
          field: 'ordering',
          code: 'invalid_choice',
          message: `Order by one or more of ${allowed.join(', ')}, each optionally prefixed by "-".`,
        },
      ]);
    }
    return { field, descending };
  });
  return keys;
}
