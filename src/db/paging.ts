import { count, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageRequest } from '../shared/pagination.js';
import type { Database } from './client.js';

/**
 * One page of `table` and the number of matching rows. The count rides on the page query as a window
 * function (one round trip); only a page past the end needs a second query to count.
 */
export async function selectPage<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  orderBy: SQL[],
  page: PageRequest,
): Promise<Page<T['$inferSelect']>> {
  const rows = (await db
    .select({ ...getTableColumns(table), total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(page.limit)
    .offset(page.offset)) as (T['$inferSelect'] & { total: number })[];
  if (rows.length > 0) return { count: rows[0]?.total ?? 0, rows: rows.map(({ total: _, ...row }) => row) };
  if (page.offset === 0) return { count: 0, rows: [] };
  const [total] = await db
    .select({ value: count() })
    .from(table as PgTable)
    .where(where);
  return { count: total?.value ?? 0, rows: [] };
}
