import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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
