import { inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ExpectedVersions } from '../shared/versions.js';

/** The condition of a change that may apply only to the `expected` versions (none: any version). */
export function versionIn(column: AnyPgColumn, expected: ExpectedVersions): SQL | undefined {
  return expected === undefined ? undefined : inArray(column, [...expected]);
}
