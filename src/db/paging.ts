import { count, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageRequest } from '../shared/pagination.js';
import type { Database } from './client.js';

/**
 * One page of `table` and the number of matching rows, in one statement: the count is an uncorrelated
 * subquery (evaluated once, and an index-only scan where it can be; a `count(*) over ()` would read every
 * matching row in full). Only a page past the end, which has no row to carry the count, asks again.
 */
export async function selectPage<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  orderBy: SQL[],
  page: PageRequest,
): Promise<Page<T['$inferSelect']>> {
  const matching = where
    ? sql`(select count(*) from ${table} where ${where})`
    : sql`(select count(*) from ${table})`;
  const found = (await db
    .select({ ...getTableColumns(table), [PAGE_TOTAL]: matching.mapWith(Number) })
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(page.limit)
    .offset(page.offset)) as (T['$inferSelect'] & { [PAGE_TOTAL]: number })[];
  const first = found[0];
  if (first) return { count: first[PAGE_TOTAL], rows: found.map(({ [PAGE_TOTAL]: _, ...row }) => row) };
  if (page.offset === 0) return { count: 0, rows: [] };
  const [total] = await db
    .select({ value: count() })
    .from(table as PgTable)
    .where(where);
  return { count: total?.value ?? 0, rows: [] };
}

const PAGE_TOTAL = '__pageTotal';
