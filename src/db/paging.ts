import { count, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageRequest } from '../shared/pagination.js';
import type { Database } from './client.js';
import { preparedByShape } from './prepared.js';

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
  const found = await pageQuery(db, table, where, orderBy).limit(page.limit).offset(page.offset);
  return pageOf(db, table, where, page, found);
}

/** The list as the statement a page is: its rows, each with the count of every matching row. */
function pageQuery<T extends PgTable>(db: Database, table: T, where: SQL | undefined, orderBy: SQL[]) {
  const matching = where
    ? sql`(select count(*) from ${table} where ${where})`
    : sql`(select count(*) from ${table})`;
  return db
    .select({ ...getTableColumns(table), [PAGE_TOTAL]: matching.mapWith(Number) })
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy);
}

async function pageOf<T extends PgTable>(
  db: Database,
  table: T,
  where: SQL | undefined,
  page: PageRequest,
  found: Record<string, unknown>[],
  params?: Record<string, unknown>,
): Promise<Page<T['$inferSelect']>> {
  const rows = found as (T['$inferSelect'] & { [PAGE_TOTAL]: number })[];
  const first = rows[0];
  if (first) return { count: first[PAGE_TOTAL], rows: rows.map(({ [PAGE_TOTAL]: _, ...row }) => row) };
  if (page.offset === 0) return { count: 0, rows: [] };
  const counting = db
    .select({ value: count() })
    .from(table as PgTable)
    .where(where);
  const [total] = params ? await counting.prepare('').execute(params) : await counting;
  return { count: total?.value ?? 0, rows: [] };
}

const PAGE_TOTAL = '__pageTotal';

/**
 * `selectPage` for a hot list, as prepared statements (see `preparedByShape`), where building the query
 * cost a quarter of the list's server CPU. `shape` must name everything the statement's text depends on;
 * `build` makes its filter and order with `sql.placeholder`s, whose values `params` gives.
 */
export function preparedPages<T extends PgTable>(table: T, name: string) {
  const statements = preparedByShape<{
    where: SQL | undefined;
    query: ReturnType<ReturnType<typeof pageQuery>['prepare']>;
  }>(name);
  return async (
    db: Database,
    shape: string,
    build: () => { where: SQL | undefined; orderBy: SQL[] },
    params: Record<string, unknown>,
    page: PageRequest,
  ): Promise<Page<T['$inferSelect']>> => {
    const statement = statements(db, shape, (statementName) => {
      const { where, orderBy } = build();
      const query = pageQuery(db, table, where, orderBy)
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(statementName);
      return { where, query };
    });
    const all = { ...params, limit: page.limit, offset: page.offset };
    const found = (await statement.query.execute(all)) as Record<string, unknown>[];
    return pageOf(db, table, statement.where, page, found, all);
  };
}
