import { hash } from 'node:crypto';
import { count, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Page, PageRequest } from '../shared/pagination.js';
import type { Database } from './client.js';
import { preparedOnce } from './prepared.js';

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

/** Beyond this many shapes of one list, further shapes are built for each request and planned each time. */
const MAX_PREPARED_SHAPES = 64;

/**
 * `selectPage` for a hot list, as named prepared statements: one per shape of the list (which filters are
 * set, the ordering, the caller's role), built once and planned by PostgreSQL once per connection, where
 * building the query cost a quarter of the list's server CPU. `shape` must name everything the statement's
 * text depends on; `build` makes its filter and order with `sql.placeholder`s, whose values `params` gives.
 */
export function preparedPages<T extends PgTable>(table: T, name: string) {
  type Statement = { where: SQL | undefined; query: ReturnType<ReturnType<typeof pageQuery>['prepare']> };
  const statementsOf = preparedOnce(() => new Map<string, Statement>());
  const prepare = (
    db: Database,
    build: () => { where: SQL | undefined; orderBy: SQL[] },
    statementName: string,
  ) => {
    const { where, orderBy } = build();
    const query = pageQuery(db, table, where, orderBy)
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(statementName);
    return { where, query };
  };
  return async (
    db: Database,
    shape: string,
    build: () => { where: SQL | undefined; orderBy: SQL[] },
    params: Record<string, unknown>,
    page: PageRequest,
  ): Promise<Page<T['$inferSelect']>> => {
    const statements = statementsOf(db);
    let statement = statements.get(shape);
    if (!statement) {
      if (statements.size < MAX_PREPARED_SHAPES) {
        // Named after the shape: the same name always stands for the same text.
        statement = prepare(db, build, `${name}_${hash('sha256', shape, 'base64url').slice(0, 22)}`);
        statements.set(shape, statement);
      } else {
        // An unnamed statement: sent and planned each time, as an unprepared query is.
        statement = prepare(db, build, '');
      }
    }
    const all = { ...params, limit: page.limit, offset: page.offset };
    const found = (await statement.query.execute(all)) as Record<string, unknown>[];
    return pageOf(db, table, statement.where, page, found, all);
  };
}
