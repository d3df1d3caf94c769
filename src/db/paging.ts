import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageRequest } from '../shared/pagination.js';
import type { Database } from './client.js';

/**
 * One page of `table` and the number of matching rows. A page that is not full tells the count by
 * itself; otherwise a separate COUNT follows. (A `count(*) over ()` on the page query would read every
 * matching row in full; a plain COUNT can be an index-only scan, several times faster on large owners.)
 */
export async function selectPage<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  orderBy: SQL[],
  page: PageRequest,
): Promise<Page<T['$inferSelect']>> {
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(page.limit)
    .offset(page.offset)) as T['$inferSelect'][];
  if (rows.length > 0 && rows.length < page.limit) return { count: page.offset + rows.length, rows };
  if (rows.length === 0 && page.offset === 0) return { count: 0, rows };
  const [total] = await db
    .select({ value: count() })
    .from(table as PgTable)
    .where(where);
  return { count: total?.value ?? 0, rows };
}
