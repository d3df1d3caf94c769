import { inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * The versions a change may apply to (from If-Match), or undefined for any. A change conditional on
 * them puts `versionIn` in its own WHERE, so the check and the change are one atomic statement.
 */
export type ExpectedVersions = readonly number[] | undefined;

export function versionIn(column: AnyPgColumn, expected: ExpectedVersions): SQL | undefined {
  return expected === undefined ? undefined : inArray(column, [...expected]);
}
