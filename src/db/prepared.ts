import { hash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, PgDialect } from 'drizzle-orm/pg-core';
import { type Actor, ownerScope } from '../auth/actor.js';
import type { Database } from './client.js';

/** A scope for a statement prepared ahead of any request: staff rows match the `ownerId` placeholder. */
export type PreparedScope = (ownerColumn: AnyPgColumn) => ReturnType<typeof ownerScope>;

/**
 * A hot statement prepared once per database (PostgreSQL then plans it once per connection, and
 * Drizzle builds its SQL once), instead of being rebuilt on every request.
 */
export function preparedOnce<S>(build: (db: Database) => S): (db: Database) => S {
  const cache = new WeakMap<Database, S>();
  return (db) => {
    let statement = cache.get(db);
    if (!statement) {
      statement = build(db);
      cache.set(db, statement);
    }
    return statement;
  };
}

/**
 * A hot lookup of owned rows prepared once per database and role.
 * Run it with `{ ...params, ownerId: actor.userId }`.
 */
export function preparedPerRole<S>(build: (db: Database, scope: PreparedScope, role: Actor['role']) => S) {
  const statements = preparedOnce((db) => {
    const forRole = (role: Actor['role']) =>
      build(db, (column) => ownerScope({ role }, column, sql.placeholder('ownerId')), role);
    return { admin: forRole('admin'), staff: forRole('staff') };
  });
  return (db: Database, actor: Actor): S => statements(db)[actor.role];
}

/** Beyond this many shapes of one statement, further shapes are sent unnamed and planned each time. */
const MAX_SHAPES = 64;

/**
 * A hot statement whose text depends on the request (which filters are set, the order, where a page
 * starts), prepared once per shape of it, under a name derived from the shape: Drizzle builds each shape's
 * SQL once, and PostgreSQL plans it once per connection. `shape` must name everything the text depends
 * on; `prepare` builds the statement with `sql.placeholder`s for the values and prepares it under the name
 * it is given ('' past MAX_SHAPES: an unnamed statement, not kept).
 */
export function preparedByShape<S>(name: string) {
  const shapesOf = preparedOnce(() => new Map<string, S>());
  return (db: Database, shape: string, prepare: (statementName: string) => S): S => {
    const shapes = shapesOf(db);
    let statement = shapes.get(shape);
    if (statement === undefined) {
      if (shapes.size >= MAX_SHAPES) return prepare('');
      // The same name always stands for the same text.
      statement = prepare(`${name}_${hash('sha256', shape, 'base64url').slice(0, 22)}`);
      shapes.set(shape, statement);
    }
    return statement;
  };
}

const dialect = new PgDialect();
/** Statement names by SQL text, for this process (a name is bound to one text per connection). */
const statementNames = new Map<string, string>();

/**
 * Rows of a raw SQL statement run as a named prepared statement: PostgreSQL parses and plans it once
 * per connection instead of on every call (for a long statement, most of its cost). Statements that
 * differ only in their values share one name; each distinct text gets its own, `prefix` and a number.
 * PGlite (in process) ignores the name.
 */
export async function selectPreparedRows<T>(db: Database, prefix: string, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  let name = statementNames.get(compiled.sql);
  if (name === undefined) {
    name = `${prefix}_${statementNames.size}`;
    statementNames.set(compiled.sql, name);
  }
  const result = (await db._.session.prepareQuery(compiled, undefined, name, false).execute()) as {
    rows: T[];
  };
  return result.rows;
}
