/**
 * Preloaded (`node --import`) by bench/dispatch.ts into each dispatcher worker it starts (`dist/cli.js
 * worker`, unchanged): counts the statements the worker sends to PostgreSQL, and answers run.ts over IPC
 * with the count, as bench/server.ts does for the server. Transpiled to plain JS (bench/child-process.ts),
 * like server.ts.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

// The app's pg, resolved from the app's root: the very module that dist/ imports (its ESM entry wraps this one).
const distDir = process.env.BENCH_DIST_DIR;
if (!distDir) throw new Error('BENCH_DIST_DIR is unset: this module is preloaded by bench/run.ts only.');
const pg = createRequire(join(distDir, '..', 'package.json'))('pg') as typeof import('pg');

let count = 0;
const query = pg.Client.prototype.query;
// Every statement goes through Client#query, the pool's and the LISTEN connections' alike.
pg.Client.prototype.query = function (this: unknown, ...args: unknown[]) {
  count++;
  return (query as (...args: unknown[]) => unknown).apply(this, args);
} as typeof query;

process.on('message', (message: { id?: number }) => {
  process.send?.({ id: message.id, statements: count });
});
// The bench process went away (crashed or killed): stop as on SIGTERM rather than outlive it.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
