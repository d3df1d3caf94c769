/**
 * The load: autocannon (programmatic, in this process) drives one scenario against its server child, and
 * what each measured slice costs is added up per scenario.
 */
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import type pg from 'pg';
import { CONNECTIONS } from './options.js';
import { backendCpu, databaseCpu, machineCpu, processTimes, procStatus } from './proc.js';
import { credentialsOf, type Scenario } from './scenarios.js';
import type { Server } from './server-process.js';

const SETTLE_MS = 1_000;

/** What one scenario accumulates over its slices (one slice per round). */
export class Totals {
  requests = 0;
  sent = 0;
  expected = 0;
  non2xx = 0;
  errors = 0;
  seconds = 0;
  latencies: number[] = [];
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

  /** Exact percentile over every response of every slice. */
  percentile(p: number): number {
    return percentile(this.latencies, p);
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function fire(
  server: Server,
  token: string,
  scenario: Scenario,
  seconds: number,
  onLatency?: (ms: number) => void,
): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: server.origin,
        connections: CONNECTIONS,
        duration: seconds,
        method: scenario.method,
        headers: {
          ...credentialsOf(scenario, token),
          accept: 'application/json',
          ...(scenario.method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        requests: [
          {
            setupRequest: (request) => {
              const { headers, ...next } = scenario.next();
              return { ...request, ...next, headers: { ...request.headers, ...headers } };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
    firing = instance;
  });
}

/** The autocannon run in progress, stopped on Ctrl-C by `stopFiring`. */
let firing: autocannon.Instance | undefined;

export function stopFiring(): void {
  firing?.stop();
}

/**
 * One request first, so that a scenario that answers the wrong status (or, for an order create, writes the
 * wrong number of notifications) fails loudly instead of benchmarking it.
 */
export async function check(server: Server, token: string, scenario: Scenario) {
  const { path, body, headers } = scenario.next();
  const response = await fetch(server.origin + path, {
    method: scenario.method,
    headers: {
      ...credentialsOf(scenario, token),
      accept: 'application/json',
      'content-type': 'application/json',
      ...headers,
    },
    body,
  });
  const text = await response.text();
  if (response.status !== scenario.expect) {
    throw new Error(
      `${scenario.name}: expected ${scenario.expect}, got ${response.status}: ${text.slice(0, 300)}`,
    );
  }
  if (scenario.notifies === undefined) return;
  const { id } = JSON.parse(text) as { id: number };
  const notifications = await fetch(`${server.origin}/api/v1/orders/${id}/notifications/`, {
    headers: { ...credentialsOf(scenario, token), accept: 'application/json' },
  });
  const { count } = (await notifications.json()) as { count: number };
  if (count !== scenario.notifies) {
    throw new Error(`${scenario.name}: the new order has ${count} notifications, not ${scenario.notifies}`);
  }
}

/** Runs one measured slice of a scenario and adds it to the scenario's totals. */
export async function runSlice(
  server: Server,
  token: string,
  totals: Totals,
  seconds: number,
  stats: pg.Client | undefined,
  profileName: string,
): Promise<void> {
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procStatus(server.pid)?.rss ?? 0);
  }, 50);
  const statementsBefore = await server.ask('profile-start');
  const backendsBefore = await backendCpu(stats);
  const serverBefore = processTimes(server.pid);
  const loadBefore = process.cpuUsage();
  const machineBefore = machineCpu();
  const result = await fire(server, token, totals.scenario, seconds, (ms) => totals.latencies.push(ms));
  // Requests still in flight when autocannon stops are served all the same: let them finish, and count
  // per request *sent*, so that their statements and CPU are not charged to the completed ones. (The
  // machine's busy time is read before: it only serves to estimate other work on the machine.)
  const machineAfter = machineCpu();
  await sleep(SETTLE_MS);
  const load = process.cpuUsage(loadBefore);
  const serverAfter = processTimes(server.pid);
  const backendsAfter = await backendCpu(stats);
  clearInterval(sampler);
  const statementsAfter = await server.ask('profile-stop', profileName);

  totals.requests += result.requests.total;
  totals.sent += result.requests.sent;
  totals.expected += result.statusCodeStats?.[`${totals.scenario.expect}`]?.count ?? 0;
  totals.non2xx += result.non2xx;
  totals.errors += result.errors + result.timeouts;
  totals.seconds += result.duration;
  totals.peakRss = Math.max(totals.peakRss, peakRss, procStatus(server.pid)?.rss ?? 0);
  totals.serverSystem += serverAfter.system - serverBefore.system;
  totals.serverCpu += serverAfter.user - serverBefore.user + (serverAfter.system - serverBefore.system);
  totals.loadCpu += (load.user + load.system) / 1e6;
  totals.machineBusy += machineAfter.busy - machineBefore.busy;
  totals.machineWall += (machineAfter.total - machineBefore.total) / cpus().length;
  totals.databaseCpu += databaseCpu(backendsBefore, backendsAfter);
  totals.statements += statementsAfter - statementsBefore;
}
