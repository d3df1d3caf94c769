import pg from 'pg';

/**
 * What went wrong with a statement, in few enough kinds to be a metric label:
 * - `connection`: no answer from the server (refused, reset, terminated, admin shutdown);
 * - `timeout`: the server cancelled it (statement or lock timeout);
 * - `constraint`: a constraint refused a row (class 23; some are expected, e.g. a duplicate code);
 * - `conflict`: a serialization failure or deadlock (40001, 40P01);
 * - `other`: any other error the server reported (a bug, a missing migration).
 */
export const queryErrorKinds = ['connection', 'timeout', 'constraint', 'conflict', 'other'] as const;
export type QueryErrorKind = (typeof queryErrorKinds)[number];

export type QueryErrorCounts = Record<QueryErrorKind, number>;

/** The kind of a `pg` error: by its SQLSTATE when the server sent one, else a connection failure. */
export function queryErrorKind(error: unknown): QueryErrorKind {
  if (!(error instanceof pg.DatabaseError)) return 'connection';
  const code = error.code ?? '';
  if (code === '57014' || code === '55P03') return 'timeout';
  if (code.startsWith('08') || code.startsWith('57P')) return 'connection';
  if (code.startsWith('23')) return 'constraint';
  if (code === '40001' || code === '40P01') return 'conflict';
  return 'other';
}

type Method = (...args: unknown[]) => unknown;

/**
 * Replaces `name` on `target` with the same method that also reports the error it fails with, in its
 * callback form (the pool's) and its promise form (Drizzle's), so that each failure is seen once.
 */
function reportFailures(target: object, name: 'query' | 'connect', report: (error: unknown) => void) {
  const holder = target as Record<string, Method>;
  const original = holder[name] as Method;
  holder[name] = function (this: unknown, ...args: unknown[]) {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, ...rest: unknown[]) => {
        if (error) report(error);
        return callback(error, ...rest);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result instanceof Promise) result.then(undefined, report);
    return result;
  };
}

/**
 * A `pg.Client` class for `new pg.Pool({ Client })` that counts, in `counts`, the connections that fail
 * and the statements that fail, by kind. Every statement of the pool goes through a client, whether
 * Drizzle runs it on the pool or in a transaction.
 */
export function countingClient(counts: QueryErrorCounts): typeof pg.Client {
  const report = (error: unknown) => {
    counts[queryErrorKind(error)] += 1;
  };
  return class CountingClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      reportFailures(this, 'connect', report);
      reportFailures(this, 'query', report);
    }
  };
}
