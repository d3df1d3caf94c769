import { and, asc, count, desc, getTableColumns, or, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type CursorValue, invalidCursor, type KeysetPage, type KeysetRequest } from '../shared/cursor.js';
import type { Database } from './client.js';

/** One column of a keyset ordering, and how to read its value from a row. */
export interface KeysetKey<R> {
  column: AnyPgColumn;
  descending: boolean;
  /** The row's value of `column`, as a cursor carries it. */
  valueOf: (row: R) => CursorValue;
}

const asCursorValue = (value: unknown): CursorValue =>
  value instanceof Date ? value.toISOString() : (value as CursorValue);

/**
 * The keys of an ordering of `table`'s rows (or of rows that hold its columns under the same names, such as
 * a join's), with the id as the last key unless the ordering names it already: a keyset needs a total order.
 */
export function keysetKeys<R>(
  table: PgTable,
  ordering: { column: AnyPgColumn; descending: boolean }[],
  id: { column: AnyPgColumn; descending: boolean },
): KeysetKey<R>[] {
  const propertyOf = new Map(Object.entries(getTableColumns(table)).map(([name, column]) => [column, name]));
  const keys = ordering.some((key) => key.column === id.column) ? ordering : [...ordering, id];
  return keys.map(({ column, descending }) => {
    const property = propertyOf.get(column);
    if (property === undefined) throw new Error(`${column.name} is not a column of the keyset's table`);
    return {
      column,
      descending,
      valueOf: (row) => asCursorValue((row as Record<string, unknown>)[property]),
    };
  });
}

/*
 * PostgreSQL sorts NULL above every value: last when ascending, first when descending. "After v in this
 * key's order" is then, for a nullable column: ascending, `col > v or col is null` (nothing after NULL);
 * descending, `col < v` (and after NULL, every value).
 */
/** A cursor's value, or the placeholder that stands for it in a prepared statement. */
type SeekValue = CursorValue | Placeholder;

function after(key: KeysetKey<unknown>, value: SeekValue, descending: boolean): SQL {
  const nullable = !key.column.notNull;
  if (value === null) return descending ? sql`${key.column} is not null` : sql`false`;
  if (descending) return sql`${key.column} < ${value}`;
  return nullable ? sql`(${key.column} > ${value} or ${key.column} is null)` : sql`${key.column} > ${value}`;
}

const equal = (key: KeysetKey<unknown>, value: SeekValue): SQL =>
  value === null ? sql`${key.column} is null` : sql`${key.column} = ${value}`;

/**
 * The rows after `values` in the order of `keys` (directions as given), or at them too when `inclusive`.
 * Keys of one direction without NULLs compare as one row, `(a, b) < ($1, $2)`, which an index on (…, a, b)
 * answers with a seek. Otherwise the comparison is expanded (`a > $1 or (a = $1 and b > $2)`), with a bound on
 * the first key alone so that an index on it still starts at the page rather than at the first row.
 */
function seek(
  keys: KeysetKey<unknown>[],
  values: SeekValue[],
  directions: boolean[],
  inclusive: boolean,
): SQL {
  const uniform = directions.every((descending) => descending === directions[0]);
  if (uniform && keys.every((key) => key.column.notNull) && values.every((value) => value !== null)) {
    const operator = `${directions[0] ? '<' : '>'}${inclusive ? '=' : ''}`;
    return sql`(${sql.join(
      keys.map((key) => key.column),
      sql`, `,
    )}) ${sql.raw(operator)} (${sql.join(
      values.map((value) => sql`${value}`),
      sql`, `,
    )})`;
  }
  const terms = keys.map((key, i) =>
    and(
      ...keys.slice(0, i).map((earlier, j) => equal(earlier, values[j] ?? null)),
      after(key, values[i] ?? null, directions[i] ?? false),
    ),
  );
  if (inclusive) terms.push(and(...keys.map((key, j) => equal(key, values[j] ?? null))));
  const [first] = keys;
  const [firstValue] = values;
  const bound =
    first?.column.notNull && firstValue !== null && firstValue !== undefined
      ? sql`${first.column} ${sql.raw(directions[0] ? '<=' : '>=')} ${firstValue}`
      : undefined;
  return and(bound, or(...terms)) as SQL;
}

/**
 * One keyset page: `select(seek, orderBy, limit)` runs the list's own query (its table or join, its filters)
 * with the page's seek condition, order and limit added; `countRows` counts the rows its filters match.
 * One row more than the page is read, to know whether there is a next page (a previous one, walking back);
 * a page read backwards is read in the opposite order from the row where it ends, then turned around.
 */
export async function selectKeysetPage<R>(
  keys: KeysetKey<R>[],
  request: KeysetRequest,
  select: (seek: SQL | undefined, orderBy: SQL[], limit: number) => Promise<R[]>,
  countRows: () => Promise<number>,
): Promise<KeysetPage<R>> {
  const { position, directions, orderBy } = placement(keys, request);
  const where =
    position && seek(keys as KeysetKey<unknown>[], position.values, directions, position.inclusive === true);
  const fetched = await select(where, orderBy, request.limit + 1);
  return pageFrom(keys, request, fetched, request.count ? await countRows() : undefined);
}

/**
 * `selectKeysetPage` as a prepared statement: `select` gets the shape of the page's seek (direction,
 * inclusive, which cursor values are null), a `build` of its seek and order with placeholders, and their
 * values (`k0`, `k1`… and `limit`), to run through `preparedByShape`.
 */
export async function selectPreparedKeysetPage<R>(
  keys: KeysetKey<R>[],
  request: KeysetRequest,
  select: (
    shape: string,
    build: () => { seek: SQL | undefined; orderBy: SQL[] },
    params: Record<string, unknown>,
  ) => Promise<R[]>,
  countRows: () => Promise<number>,
): Promise<KeysetPage<R>> {
  const { position, directions, orderBy } = placement(keys, request);
  const values = position?.values ?? [];
  const params: Record<string, unknown> = { limit: request.limit + 1 };
  values.forEach((value, i) => {
    if (value !== null) params[`k${i}`] = value;
  });
  const shape = position
    ? `${position.direction}${position.inclusive ? ' inclusive' : ''} ${values.map((value) => (value === null ? 0 : 1)).join('')}`
    : 'start';
  const build = () => ({
    seek:
      position &&
      seek(
        keys as KeysetKey<unknown>[],
        values.map((value, i) => (value === null ? null : sql.placeholder(`k${i}`))),
        directions,
        position.inclusive === true,
      ),
    orderBy,
  });
  const fetched = await select(shape, build, params);
  return pageFrom(keys, request, fetched, request.count ? await countRows() : undefined);
}

/** Where a keyset page starts, and its order: backwards from its cursor for a previous page. */
function placement<R>(keys: KeysetKey<R>[], request: KeysetRequest) {
  const { position } = request;
  // A cursor for another set of keys (the list's ordering changed with a release) cannot be placed.
  if (position && position.values.length !== keys.length) throw invalidCursor();
  const backwards = position?.direction === 'previous';
  const directions = keys.map((key) => key.descending !== backwards);
  const orderBy = keys.map((key, i) => (directions[i] ? desc(key.column) : asc(key.column)));
  return { position, directions, orderBy };
}

/** The page of `fetched` (one row more than the page, when there is more), with its links. */
function pageFrom<R>(
  keys: KeysetKey<R>[],
  request: KeysetRequest,
  fetched: R[],
  total: number | undefined,
): KeysetPage<R> {
  const { position } = request;
  const backwards = position?.direction === 'previous';
  const more = fetched.length > request.limit;
  const rows = fetched.slice(0, request.limit);
  if (backwards) rows.reverse();
  const valuesOf = (row: R) => keys.map((key) => key.valueOf(row));
  const first = rows[0];
  const last = rows.at(-1);
  const hasNext = backwards ? position !== undefined : more;
  const hasPrevious = backwards ? more : position !== undefined;
  const page: KeysetPage<R> = { rows, ...(total === undefined ? {} : { count: total }) };
  if (hasNext) {
    // A page that came back empty leads back to where it started, that row included.
    page.next = last
      ? { values: valuesOf(last), direction: 'next' }
      : position && { values: position.values, direction: 'next', inclusive: !position.inclusive };
  }
  if (hasPrevious) {
    page.previous = first
      ? { values: valuesOf(first), direction: 'previous' }
      : position && { values: position.values, direction: 'previous', inclusive: !position.inclusive };
  }
  return page;
}

/** The number of rows of `table` that `where` matches: the `count` of a keyset page. */
export async function countRows(db: Database, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ value: count() }).from(table).where(where);
  return row?.value ?? 0;
}
