/**
 * The bench's knobs, read from the environment once, as the bench starts: a bad value fails the run before
 * anything is seeded or started.
 *
 * DATABASE_URL chooses the database (bench/database.ts). DATABASE_POOL_SIZE, AUTH_CACHE_TTL_MS, REDIS_URL
 * and the other settings pass through to the server and workers. RATE_LIMIT_PER_MINUTE is 1e9 unless set:
 * the limiter is measured but never refuses (0: off); see bench/server-process.ts.
 */

/** BENCH_DURATION: measured seconds per scenario (10). */
export const DURATION = positive('BENCH_DURATION', 10);
/** BENCH_WARMUP: seconds per scenario of the warm-up round that runs every scenario once first (2). */
export const WARMUP = positive('BENCH_WARMUP', 2);
/** BENCH_CONNECTIONS: concurrent connections (32). */
export const CONNECTIONS = Math.round(positive('BENCH_CONNECTIONS', 32));
/**
 * BENCH_THREADS: wrk threads (1). One wrk thread drives far more requests per second than the server can
 * answer on this machine; a second would only add one more busy thread to the two cores they all share.
 */
export const THREADS = Math.round(positive('BENCH_THREADS', 1));
/**
 * BENCH_ROUNDS: split each scenario's seconds into this many slices, run round-robin, so that a noisy
 * neighbour on a shared machine weighs on every scenario alike (2); the report shows the spread of the
 * slices' req/s. Percentiles are over all slices. The dispatcher runs each of its configurations this many
 * times, round-robin too.
 */
export const ROUNDS = Math.round(positive('BENCH_ROUNDS', 2));
/** BENCH_CUSTOMERS, BENCH_ORDERS: user A's customers (1000) and orders (10000), which the reads measure. */
export const CUSTOMERS = Math.round(positive('BENCH_CUSTOMERS', 1_000));
export const ORDERS = Math.round(positive('BENCH_ORDERS', 10_000));
/** BENCH_OTHER_CUSTOMERS, BENCH_OTHER_ORDERS: user B's (3 and 5), whose customers the 404 scenarios ask for. */
export const OTHER_CUSTOMERS = Math.round(positive('BENCH_OTHER_CUSTOMERS', 3));
export const OTHER_ORDERS = Math.round(positive('BENCH_OTHER_ORDERS', 5));
/** BENCH_DEEP: the offset of the deep v1 page, and how deep the v2 cursor page starts (9000). */
export const DEEP = Math.round(positive('BENCH_DEEP', 9_000));
if (DEEP + 10 > ORDERS) throw new Error('BENCH_DEEP must leave a page of 10 within BENCH_ORDERS.');
/**
 * BENCH_SCENARIOS: comma-separated keys, to run a subset, in that order: the keys of the HTTP scenarios
 * (bench/scenarios.ts; an unknown key fails the run with the list of them) and DISPATCH_KEY.
 */
export const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((key) => key.trim());
/** The key of the dispatcher runs, which are not HTTP scenarios. */
export const DISPATCH_KEY = 'dispatch';
/**
 * BENCH_CPU_PROF=1: a V8 CPU profile of the server child for each measured slice, and of each dispatcher
 * worker's whole life, kept in directories that are printed; summarise one with bench/profile-summary.ts.
 * Profiling slows the processes: take the figures from runs without it.
 */
export const CPU_PROFILE = Boolean(process.env.BENCH_CPU_PROF);
/** BENCH_DISPATCH_MESSAGES: pending notifications each dispatcher run drains (10000). */
export const DISPATCH_MESSAGES = Math.round(positive('BENCH_DISPATCH_MESSAGES', 10_000));
/**
 * BENCH_DISPATCH_WORKERS, BENCH_DISPATCH_CONCURRENCY: comma-separated worker process counts (1,2) and
 * SMS_CONCURRENCY values (64); every combination is run. The outbound rate cap (SMS_RATE_PER_SECOND)
 * is raised to 100000 for the run.
 */
export const DISPATCH_WORKERS = positiveList('BENCH_DISPATCH_WORKERS', '1,2');
export const DISPATCH_CONCURRENCY = positiveList('BENCH_DISPATCH_CONCURRENCY', '64');
/** BENCH_DISPATCH_LATENCY_MS: how long the fake gateway takes to answer each request (20). */
export const DISPATCH_LATENCY_MS = positive('BENCH_DISPATCH_LATENCY_MS', 20);

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
}

function positiveList(name: string, fallback: string): number[] {
  const values = (process.env[name] ?? fallback).split(',').map((item) => Number(item.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0))
    throw new Error(`${name} must be comma-separated positive integers.`);
  return values;
}
