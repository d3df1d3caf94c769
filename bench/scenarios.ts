/**
 * The HTTP scenarios: what each one requests, as user A, and what it must answer. A new scenario is one
 * more entry in the table of `scenarios()`; its key is what BENCH_SCENARIOS names.
 */
import type { Seeded } from './database.js';
import { DISPATCH_KEY, ONLY } from './options.js';
import type { ServerVariant } from './server-process.js';

const DEEP_OFFSET = 40_000;

export interface Scenario {
  key: string;
  name: string;
  expect: number;
  method: 'GET' | 'POST';
  /** Headers that authenticate the requests, instead of the owner's API token. */
  credentials?: Record<string, string>;
  /** The server child it runs against (default `outbox`). */
  variant?: ServerVariant;
  /** An order create: the notifications the new order must have, so that the outbox is on or off as meant. */
  notifies?: number;
  /** Runs once against the started server before the warm-up, unmeasured (e.g. to find a deep cursor). */
  prepare?(origin: string, headers: Record<string, string>): Promise<void>;
  next(): { path: string; body?: string; headers?: Record<string, string> };
}

/**
 * The cursor of the v2 orders page that starts `depth` rows in, found by following `next` links with the
 * largest pages v2 serves (a cursor is opaque: only the server can make one).
 */
async function cursorAt(origin: string, headers: Record<string, string>, depth: number): Promise<string> {
  const pageSize = 100;
  let url = `${origin}/api/v2/orders/?limit=${pageSize}`;
  for (let walked = 0; walked < depth; walked += pageSize) {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`walking v2 orders: ${url} answered ${response.status}`);
    const { next } = (await response.json()) as { next: string | null };
    if (!next) throw new Error(`v2 orders end before row ${depth}`);
    url = next;
  }
  const cursor = new URL(url).searchParams.get('cursor');
  if (!cursor) throw new Error('the v2 next link carries no cursor');
  return cursor;
}

export const variantOf = (scenario: Scenario): ServerVariant => scenario.variant ?? 'outbox';

/** The scenario's own credentials, else the owner's API token. */
export function credentialsOf(scenario: Scenario, token: string): Record<string, string> {
  return scenario.credentials ?? { authorization: `Bearer ${token}` };
}

function cycle<T>(values: T[]): () => T {
  let i = 0;
  return () => values[i++ % values.length] as T;
}

/** `providerJwt`: an access token from the OpenID provider for user A. */
export function scenarios(seeded: Seeded, providerJwt: string): Scenario[] {
  const [a, b] = seeded.users;
  if (!a || !b) throw new Error('seeding created no users');
  const ownCustomer = cycle(a.customerIds);
  const sessionCustomer = cycle(a.customerIds);
  const jwtCustomer = cycle(a.customerIds);
  const floorCustomer = cycle(a.customerIds);
  const rawCustomer = cycle(a.customerIds);
  const preparedCustomer = cycle(a.customerIds);
  const otherCustomer = cycle(b.customerIds);
  const orderCustomer = cycle(a.customerIds);
  const noOutboxCustomer = cycle(a.customerIds);
  const idempotentCustomer = cycle(a.customerIds);
  const notModifiedCustomer = cycle(a.customerIds);
  let idempotencyKeys = 0;
  let deepCursor = '';
  const order = (customer: number) =>
    JSON.stringify({ customer, item: 'Maize flour 2kg', quantity: 3, price_per_unit: '12.50' });
  const all: Scenario[] = [
    {
      key: 'floor',
      name: 'floor: same query, bare route',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor/customers/${floorCustomer()}` }),
    },
    {
      key: 'raw',
      name: 'floor without Drizzle (diagnostic)',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor-raw/customers/${rawCustomer()}` }),
    },
    {
      key: 'prepared',
      name: 'floor, Drizzle prepared statement (diagnostic)',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/bench/floor-prepared/customers/${preparedCustomer()}` }),
    },
    {
      key: 'detail',
      name: 'GET customer detail',
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/api/v1/customers/${ownCustomer()}/` }),
    },
    {
      // Seeded customers are at version 1, so this ETag is current: every answer is a 304 without a body.
      key: 'not-modified',
      name: 'GET customer detail, If-None-Match current (304)',
      expect: 304,
      method: 'GET',
      next: () => ({
        path: `/api/v1/customers/${notModifiedCustomer()}/`,
        headers: { 'if-none-match': '"1"' },
      }),
    },
    {
      // Sessions are never cached, so that a logout or a disabled user counts at once: one query per request.
      key: 'session',
      name: 'GET customer detail, session cookie',
      expect: 200,
      method: 'GET',
      credentials: { cookie: `orderly_session=${a.session}` },
      next: () => ({ path: `/api/v1/customers/${sessionCustomer()}/` }),
    },
    {
      // A verified JWT is cached for AUTH_CACHE_TTL_MS like an API token, so this measures mostly cache
      // hits and a re-verification (signature, then the user by identity) every 5 s, as in production.
      key: 'jwt',
      name: 'GET customer detail, provider JWT',
      expect: 200,
      method: 'GET',
      credentials: { authorization: `Bearer ${providerJwt}` },
      next: () => ({ path: `/api/v1/customers/${jwtCustomer()}/` }),
    },
    {
      key: 'missing',
      name: "GET another user's customer (404)",
      expect: 404,
      method: 'GET',
      next: () => ({ path: `/api/v1/customers/${otherCustomer()}/` }),
    },
    {
      key: 'list',
      name: 'GET orders list, first page',
      expect: 200,
      method: 'GET',
      next: () => ({ path: '/api/v1/orders/?limit=10' }),
    },
    {
      key: 'deep',
      name: `GET orders list, offset ${DEEP_OFFSET}`,
      expect: 200,
      method: 'GET',
      next: () => ({ path: `/api/v1/orders/?limit=10&offset=${DEEP_OFFSET}` }),
    },
    {
      key: 'v2-list',
      name: 'GET v2 orders list, first page',
      expect: 200,
      method: 'GET',
      next: () => ({ path: '/api/v2/orders/?limit=10' }),
    },
    {
      key: 'v2-deep',
      name: `GET v2 orders list, ${DEEP_OFFSET} rows deep (cursor)`,
      expect: 200,
      method: 'GET',
      async prepare(origin, headers) {
        deepCursor = await cursorAt(origin, headers, DEEP_OFFSET);
      },
      next: () => ({ path: `/api/v2/orders/?limit=10&cursor=${deepCursor}` }),
    },
    {
      // With the outbox as configured (SMS_EVENTS, by default on for new orders).
      key: 'create',
      name: 'POST order create',
      expect: 201,
      method: 'POST',
      notifies: 1,
      next: () => ({ path: '/api/v1/orders/', body: order(orderCustomer()) }),
    },
    {
      key: 'create-idempotent',
      name: 'POST order create, Idempotency-Key',
      expect: 201,
      method: 'POST',
      notifies: 1,
      next: () => ({
        path: '/api/v1/orders/',
        body: order(idempotentCustomer()),
        headers: { 'idempotency-key': `bench-${process.pid}-${idempotencyKeys++}` },
      }),
    },
    {
      // Against a second server child started with SMS_EVENTS=none (no outbox), on the same database
      // (embedded: a copy of the seeded one).
      key: 'create-no-outbox',
      name: 'POST order create, outbox off (SMS_EVENTS=none)',
      expect: 201,
      method: 'POST',
      variant: 'no-outbox',
      notifies: 0,
      next: () => ({ path: '/api/v1/orders/', body: order(noOutboxCustomer()) }),
    },
  ];
  if (!ONLY) return all;
  // In the order given, so that order effects can be checked.
  return ONLY.filter((key) => key !== DISPATCH_KEY).map((key) => {
    const scenario = all.find((candidate) => candidate.key === key);
    if (!scenario) {
      const keys = [...all.map((s) => s.key), DISPATCH_KEY].join(', ');
      throw new Error(`BENCH_SCENARIOS: no scenario "${key}"; use ${keys}.`);
    }
    return scenario;
  });
}
