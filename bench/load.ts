/**
 * A measured slice: wrk (bench/wrk.ts) drives one scenario against its process, and what the slice cost (CPU
 * of the process under load, of PostgreSQL's backends and of wrk; statements) is added up per scenario.
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import { backendCpu, childrenTimes, databaseCpu, machineCpu, processTimes, procStatus } from './proc.js';
import type { Scenario } from './scenarios.js';
import type { Server } from './server-process.js';
import { GRID, runWrk, type WrkResult } from './wrk.js';

const SETTLE_MS = 1_000;

/** What one scenario accumulates over its slices (one slice per round). */
export class Totals {
  requests = 0;
  sent = 0;
  expected = 0;
  non2xx = 0;
  errors = 0;
  seconds = 0;
  /** req/s of each slice, for the spread. */
  perSlice: number[] = [];
  /** Each slice's latency percentiles (ms at GRID) and its responses, to merge the slices. */
  slices: { requests: number; latencies: number[] }[] = [];
  peakRss = 0;
  serverCpu = 0;
  serverSystem = 0;
  loadCpu = 0;
  machineBusy = 0;
  machineWall = 0;
  databaseCpu = 0;
  statements = 0;

  constructor(readonly scenario: Scenario) {}

  get requestsPerSecond() {
    return this.requests / this.seconds;
  }

  /**
   * Percentile over every slice: each slice's percentile grid read as a histogram (the responses between two
   * grid points at the upper one), the slices weighted by their responses. With one slice, exact at the grid's
   * points (as wrk reports them).
   */
  percentile(p: number): number {
    const bins: { ms: number; weight: number }[] = [];
    for (const slice of this.slices) {
      let below = 0;
      GRID.forEach((q, i) => {
        bins.push({ ms: slice.latencies[i] ?? Number.NaN, weight: ((q - below) / 100) * slice.requests });
        below = q;
      });
    }
    return weightedPercentile(bins, p);
  }
}

function weightedPercentile(bins: { ms: number; weight: number }[], p: number): number {
  const sorted = bins.toSorted((a, b) => a.ms - b.ms);
  const total = sorted.reduce((sum, bin) => sum + bin.weight, 0);
  let seen = 0;
  for (const bin of sorted) {
    seen += bin.weight;
    if (seen >= (p / 100) * total * (1 - 1e-9)) return bin.ms;
  }
  return Number.NaN;
}

/** Exact percentile of a list of values. */
export function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** The headers of every request of a scenario: its credentials, JSON, and a body's type. */
export function baseHeaders(scenario: Scenario, credentials: Record<string, string>): Record<string, string> {
  return {
    ...credentials,
    Accept: 'application/json',
    ...(scenario.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
  };
}

/** Runs wrk for a scenario, unmeasured (the warm-up) or as part of a slice. */
export function fire(
  server: Server,
  scenario: Scenario,
  credentials: Record<string, string>,
  seconds: number,
  workDir: string,
): Promise<WrkResult> {
  return runWrk(
    server.origin,
    scenario,
    scenario.requests(),
    baseHeaders(scenario, credentials),
    seconds,
    workDir,
    randomBytes(6).toString('hex'),
  );
}

/**
 * One request first, so that a scenario that answers the wrong status (or, for an order create, writes the
 * wrong number of notifications) fails loudly instead of benchmarking it. `notificationsOf` counts an
 * order's notifications.
 */
export async function check(
  server: Server,
  scenario: Scenario,
  credentials: Record<string, string>,
  notificationsOf: (orderId: number) => Promise<number>,
) {
  const [first] = scenario.requests();
  if (!first) throw new Error(`${scenario.name}: no requests`);
  const response = await fetch(server.origin + first.path, {
    method: scenario.method,
    headers: {
      ...baseHeaders(scenario, credentials),
      ...first.headers,
      ...(scenario.idempotencyKeys
        ? { 'idempotency-key': `bench-check-${randomBytes(6).toString('hex')}` }
        : {}),
    },
    body: first.body,
  });
  const text = await response.text();
  if (response.status !== scenario.expect) {
    throw new Error(
      `${scenario.name}: expected ${scenario.expect}, got ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  if (scenario.notifies === undefined) return;
  const { id } = JSON.parse(text) as { id: number };
  const count = await notificationsOf(id);
  if (count !== scenario.notifies) {
    throw new Error(`${scenario.name}: the new order has ${count} notifications, not ${scenario.notifies}`);
  }
}

/** Runs one measured slice of a scenario and adds it to the scenario's totals. */
export async function runSlice(
  server: Server,
  credentials: Record<string, string>,
  totals: Totals,
  seconds: number,
  stats: pg.Client | undefined,
  profileName: string,
  workDir: string,
): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStatus(server.pid)?.rss ?? 0);
  }, 50);
  const statementsBefore = await server.ask('profile-start');
  const backendsBefore = await backendCpu(stats);
  const serverBefore = processTimes(server.pid);
  // wrk's CPU: it is this process's only child that exits during the slice, and an exited child's CPU time
  // is added to its parent's children's times.
  const loadBefore = childrenTimes();
  const machineBefore = machineCpu();
  const result = await fire(server, totals.scenario, credentials, seconds, workDir);
  // Requests still in flight when wrk stops are served all the same: let them finish, and count per
  // request *sent*, so that their statements and CPU are not charged to the completed ones. (The machine's
  // busy time is read before: it only serves to estimate other work on the machine.)
  const machineAfter = machineCpu();
  const loadAfter = childrenTimes();
  await sleep(SETTLE_MS);
  const serverAfter = processTimes(server.pid);
  const backendsAfter = await backendCpu(stats);
  clearInterval(sampler);
  const statementsAfter = await server.ask('profile-stop', profileName);

  const expect = String(totals.scenario.expect);
  totals.requests += result.requests;
  totals.sent += result.sent;
  totals.expected += result.statuses[expect] ?? 0;
  totals.non2xx += Object.entries(result.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .reduce((sum, [, count]) => sum + count, 0);
  totals.errors += result.errors;
  totals.seconds += result.seconds;
  totals.perSlice.push(result.requests / result.seconds);
  totals.slices.push({ requests: result.requests, latencies: result.latencies });
  totals.peakRss = Math.max(totals.peakRss, peakRss, procStatus(server.pid)?.rss ?? 0);
  totals.serverSystem += serverAfter.system - serverBefore.system;
  totals.serverCpu += serverAfter.user - serverBefore.user + (serverAfter.system - serverBefore.system);
  totals.loadCpu += loadAfter.user - loadBefore.user + (loadAfter.system - loadBefore.system);
  totals.machineBusy += machineAfter.busy - machineBefore.busy;
  totals.machineWall += (machineAfter.total - machineBefore.total) / cpus().length;
  totals.databaseCpu += databaseCpu(backendsBefore, backendsAfter);
  totals.statements += statementsAfter - statementsBefore;
}
