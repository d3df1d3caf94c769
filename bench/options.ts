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
export const CONNECTIONS = positive('BENCH_CONNECTIONS', 32);
/**
 * BENCH_ROUNDS: split each scenario's seconds into this many slices, run round-robin, so that a noisy
 * neighbour on a shared machine weighs on every scenario alike (1). Percentiles are over all slices.
 * The dispatcher runs each of its configurations this many times, round-robin too.
 */
export const ROUNDS = Math.round(positive('BENCH_ROUNDS', 1));
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
