import { type AppError, notFound, preconditionFailed } from './errors.js';

/**
 * The versions a change may apply to (from If-Match), or undefined for any. Repositories put them in the
 * change's own WHERE (db/versions.ts), so the check and the change are one atomic statement.
 */
export type ExpectedVersions = readonly number[] | undefined;

/** 412 when `row` is not at one of the `expected` versions: it changed since the client read it. */
export function assertVersion(
  what: string,
  row: { id: number; version: number },
  expected: ExpectedVersions,
) {
  if (expected && !expected.includes(row.version)) throw preconditionFailed(what, row.id);
}

/**
 * Why a change conditional on `expected` versions touched no row: there is none (404), or it is at another
 * version (412). `find` reads the row as the caller may see it; it is read only when versions were expected.
 */
export async function missingOrChanged(
  what: string,
  id: number,
  expected: ExpectedVersions,
  find: () => Promise<unknown>,
): Promise<AppError> {
  const current = expected && (await find());
  return current ? preconditionFailed(what, id) : notFound(what, id);
}
