import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../src/db/client.js';
import { errorCatalogue } from '../../src/shared/errors.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import {
  createUserWithToken,
  customerBody,
  itemBody,
  orderBody,
  type TestUser,
} from '../helpers/factories.js';
import { expectMatchesContract } from '../helpers/http.js';
import {
  type Caller,
  type FuzzRequest,
  fuzzRequest,
  IdRef,
  SecretRef,
  type Symbolic,
} from './arbitraries.js';
import { integrityViolations } from './integrity.js';
import { loadOperations, pathRowKind, type RowKind } from './operations.js';

/**
 * Bad input at scale: requests generated from the committed OpenAPI documents, valid and invalid, sent to
 * the real app. A failure prints how to replay it (FUZZ_SEED with FUZZ_RUNS, or FUZZ_PATH); `npm run fuzz` is
 * the long run.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_112);
const numRuns = Number(process.env.FUZZ_RUNS ?? 1_000);
const replayPath = process.env.FUZZ_PATH;
// A request costs a few milliseconds: the long run's budget grows with it.
const timeout = 60_000 + numRuns * 100;

const operations = loadOperations();
let t: TestApp;
const actors = {} as Record<Exclude<Caller, 'none'>, TestUser>;
const pools: Record<RowKind, number[]> = {
  customers: [],
  orders: [],
  items: [],
  notifications: [],
  users: [],
  tokens: [],
};
/** Users and tokens the fuzzer signs in with: an admin request may never disable or revoke them. */
const protectedIds: Partial<Record<RowKind, Set<number>>> = {};

const counts = new Map<string, Record<string, number>>();
const crashes: unknown[] = [];
const onCrash = (error: unknown) => crashes.push(error);

async function seedRows() {
  const send = (who: TestUser, method: string, url: string, payload: object) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${who.token}` } });
  for (const owner of [actors.staff, actors.otherStaff, actors.admin]) {
    for (let n = 0; n < 3; n++) {
      const customer = (await send(owner, 'POST', '/api/v1/customers/', customerBody())).json();
      pools.customers.push(customer.id);
      const order = (await send(owner, 'POST', '/api/v1/orders/', orderBody(customer.id))).json();
      pools.orders.push(order.id);
    }
  }
  for (let n = 0; n < 3; n++) {
    pools.items.push((await send(actors.admin, 'POST', '/api/v2/items/', itemBody())).json().id);
  }
  for (let n = 0; n < 3; n++) {
    const target = await createUserWithToken(t.deps.database.db, 'staff');
    pools.users.push(target.id);
    pools.tokens.push(target.tokenId);
  }
  await refreshNotifications();
}

async function refreshNotifications() {
  const rows = await selectRows<{ id: number | string }>(
    t.deps.database.db,
    sql`select id from notifications order by id desc limit 50`,
  );
  pools.notifications = rows.map((row) => Number(row.id));
}

function resolveId(ref: IdRef): number {
  const pool = pools[ref.kind];
  let id = ref.random ?? (pool.length > 0 ? (pool[ref.pick % pool.length] as number) : ref.pick + 1);
  if (protectedIds[ref.kind]?.has(id)) id += 1_000_000;
  return id;
}

function resolve(value: Symbolic): unknown {
  if (value instanceof IdRef) return resolveId(value);
  if (value instanceof SecretRef) return actors[value.who].token;
  if (Array.isArray(value)) return value.map(resolve);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item)]));
  }
  return value;
}

/** Percent-encodes text as UTF-8; a lone surrogate, which no URL can carry, as U+FFFD (raw `%ED%A0%80` is sent too). */
const encodeUri = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\uFFFD'));

function urlOf(request: FuzzRequest): string {
  const path = request.path.map((part) => (part instanceof IdRef ? String(resolveId(part)) : part)).join('');
  const query = request.query
    .map(({ name, value, raw }) => {
      const text = value instanceof IdRef ? String(resolveId(value)) : value;
      return raw ? `${name}=${text}` : `${encodeUri(name)}=${encodeUri(text)}`;
    })
    .join('&');
  // As the request reaches the app (light-my-request parses it as WHATWG URL does, like most clients):
  // dot segments resolved, so that the contract is checked against the route that answered.
  const sent = new URL(query ? `${path}?${query}` : path, 'http://localhost');
  return sent.pathname + sent.search;
}

function headersOf(request: FuzzRequest): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  if (request.caller !== 'none') headers.authorization = `Bearer ${actors[request.caller].token}`;
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = value instanceof SecretRef ? `Bearer ${actors[value.who].token}` : value;
  }
  return headers;
}

function payloadOf(request: FuzzRequest, headers: Record<string, string | string[]>) {
  const { body } = request;
  if (body.kind === 'none') return undefined;
  if (body.kind === 'json') {
    headers['content-type'] = body.contentType;
    return JSON.stringify(resolve(body.value)) ?? '';
  }
  if (body.contentType !== undefined) headers['content-type'] = body.contentType;
  return typeof body.payload === 'string' ? body.payload : Buffer.from(body.payload);
}

/** What every answer must be, whatever was sent. */
function expectWellFormed(method: string, url: string, response: LightMyRequestResponse) {
  const status = response.statusCode;
  expect(status, response.body.slice(0, 2000)).toBeLessThan(500);
  if (status >= 400 && method !== 'HEAD') {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(response.body) as { error: keyof typeof errorCatalogue; status: number };
    expect(Object.keys(errorCatalogue)).toContain(problem.error);
    expect(errorCatalogue[problem.error].status).toBe(status);
    expect(problem.status).toBe(status);
    expect(response.headers['x-api-error-code']).toBe(problem.error);
  }
  expectMatchesContract(t.app, method, url, response);
}

/** Keeps the pools of real ids in step with what the API created and deleted. */
function track(request: FuzzRequest, response: LightMyRequestResponse, url: string) {
  const operation = operations.find((candidate) => candidate.operationId === request.operationId);
  if (!operation || request.method !== operation.method) return;
  const path = url.split('?')[0] ?? url;
  if (response.statusCode === 201) {
    const kind = /\/(customers|orders|items|tokens)\/$/.exec(path)?.[1] as RowKind | undefined;
    const id = (response.json() as { id?: unknown }).id;
    if (kind && typeof id === 'number') pools[kind].push(id);
  }
  if (response.statusCode === 204 && request.method === 'DELETE') {
    const kind = pathRowKind(operation.path);
    const id = Number(/\/(\d+)\/$/.exec(path)?.[1]);
    if (kind) pools[kind] = pools[kind].filter((existing) => existing !== id);
  }
}

function count(request: FuzzRequest, response: LightMyRequestResponse) {
  const row = counts.get(request.operationId) ?? {};
  const key = `${Math.floor(response.statusCode / 100)}xx`;
  row[key] = (row[key] ?? 0) + 1;
  row[request.intent] = (row[request.intent] ?? 0) + 1;
  counts.set(request.operationId, row);
}

/** A request as text, its long strings cut short: a counterexample can hold a 70 kB body. */
const compact = (value: unknown) =>
  JSON.stringify(value, (_key, item) =>
    typeof item === 'string' && item.length > 120
      ? `${item.slice(0, 60)}…(${item.length} chars)`
      : item instanceof IdRef || item instanceof SecretRef
        ? String(item)
        : item,
  );

/** Names the failing request briefly, and how to replay it, instead of fast-check's full print. */
function reportFailure(details: fc.RunDetails<[FuzzRequest]>) {
  if (!details.failed) return;
  const [request] = details.counterexample ?? [];
  throw new Error(
    [
      `Request ${details.numRuns} failed. Replay the run up to it: FUZZ_SEED=${details.seed} FUZZ_RUNS=${details.numRuns}; ` +
        `this request alone, on fresh data: FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath}`,
      request ? `${request.method} ${urlOf(request).slice(0, 300)}` : '',
      compact(request),
      String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance).slice(0, 3000),
    ].join('\n'),
  );
}

function report(seconds: number) {
  const total = { requests: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 } as Record<string, number>;
  const lines = [...counts.entries()].sort().map(([operationId, row]) => {
    for (const [key, value] of Object.entries(row)) total[key] = (total[key] ?? 0) + value;
    total.requests = (total.requests ?? 0) + (row.valid ?? 0) + (row.invalid ?? 0);
    const cells = ['2xx', '3xx', '4xx', '5xx', 'valid', 'invalid'].map((key) => `${key}=${row[key] ?? 0}`);
    return `  ${operationId.padEnd(30)} ${cells.join(' ')}`;
  });
  const database = onRealPostgres ? 'PostgreSQL' : 'PGlite';
  console.log(
    [
      `fuzz (${database}): FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns}: ${total.requests} requests in ${seconds.toFixed(1)} s`,
      `  total: 2xx=${total['2xx']} 3xx=${total['3xx']} 4xx=${total['4xx']} 5xx=${total['5xx']}`,
      ...lines,
    ].join('\n'),
  );
}

beforeAll(async () => {
  t = await buildTestApp({
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_CALLBACK_PER_MINUTE: '1000000',
    // Webhook URLs the fuzzer registers (https://example.test/) are resolved at registration and at each
    // test event: by a DNS server that is not there, so no query leaves the machine and every name fails.
    WEBHOOK_DNS_SERVERS: '127.0.0.1:9',
  });
  actors.staff = await createUserWithToken(t.deps.database.db, 'staff');
  actors.otherStaff = await createUserWithToken(t.deps.database.db, 'staff');
  actors.admin = await createUserWithToken(t.deps.database.db, 'admin');
  protectedIds.users = new Set(Object.values(actors).map((actor) => actor.id));
  protectedIds.tokens = new Set(Object.values(actors).map((actor) => actor.tokenId));
  await seedRows();
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
});

afterAll(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await t?.close();
});

describe('bad input at scale', () => {
  it(
    'when valid and invalid requests to every documented operation are sent, then none is a 5xx, every 4xx is a catalogued problem, every answer matches the document, and the data keeps its constraints',
    async () => {
      // Arrange
      console.log(
        `fuzz: FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns}${replayPath ? ` FUZZ_PATH=${replayPath}` : ''}`,
      );
      const started = performance.now();
      let sent = 0;

      // Act and Assert, request by request
      try {
        await fc.assert(
          fc.asyncProperty(fuzzRequest(operations), async (request) => {
            const url = urlOf(request);
            const headers = headersOf(request);
            const payload = payloadOf(request, headers);
            const response = await t.app.inject({ method: request.method as 'GET', url, headers, payload });
            count(request, response);
            expectWellFormed(request.method, url, response);
            track(request, response, url);
            if (++sent % 200 === 0) await refreshNotifications();
          }),
          // The app keeps its state between requests, so a failure is reported as found, not shrunk.
          { seed, numRuns, path: replayPath, endOnFailure: true, reporter: reportFailure },
        );
      } finally {
        report((performance.now() - started) / 1000);
      }

      // Assert: the process lived through it, and the database still holds to its rules
      expect(crashes).toEqual([]);
      const health = await t.app.inject({ method: 'GET', url: '/api/v1/health/' });
      expect(health.statusCode, health.body).toBe(200);
      expect(await integrityViolations(t.deps.database.db)).toEqual([]);
    },
    timeout,
  );
});
