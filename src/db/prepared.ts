import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, ownerScope } from '../auth/actor.js';
import type { Database } from './client.js';

/** A scope for a statement prepared ahead of any request: staff rows match the `ownerId` placeholder. */
export type PreparedScope = (ownerColumn: AnyPgColumn) => ReturnType<typeof ownerScope>;

/**
 * A hot lookup prepared once per database and role (PostgreSQL then plans it once per connection,
 * and Drizzle builds its SQL once), instead of being rebuilt on every request.
 * Run it with `{ ...params, ownerId: actor.userId }`.
 */
export function preparedPerRole<S>(build: (db: Database, scope: PreparedScope, role: Actor['role']) => S) {
  const cache = new WeakMap<Database, Record<Actor['role'], S>>();
  return (db: Database, actor: Actor): S => {
    let statements = cache.get(db);
    if (!statements) {
      const forRole = (role: Actor['role']) =>
        build(db, (column) => ownerScope({ role }, column, sql.placeholder('ownerId')), role);
      statements = { admin: forRole('admin'), staff: forRole('staff') };
      cache.set(db, statements);
    }
    return statements[actor.role];
  };
}
