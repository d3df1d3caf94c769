/**
 * The HTTP scenarios: what each one requests and what it must answer. A new scenario is one more entry in
 * the table of `scenarios()`; its key is what BENCH_SCENARIOS names. Each scenario is a list of requests that
 * wrk cycles over (bench/wrk.ts), against Orderly (a server child) or the bare floor (bench/floor.ts).
 */
import type { Seeded } from './database.js';
import { DEEP, DISPATCH_KEY, ONLY } from './options.js';
import type { ServerVariant } from './server-process.js';

/** The process a scenario runs against: a server child (`outbox`, `no-outbox`) or the floor. */
export type Target = ServerVariant | 'floor';

export interface BenchRequest {
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Scenario {
  key: string;
  name: string;
  expect: number;
  method: 'GET' | 'POST';
  /** Headers that authenticate the requests, instead of user A's API token. */
  credentials?: Record<string, string>;
  /** The process it runs against (default `outbox`: Orderly with the outbox as configured). */
  target?: Target;
  /** The key of the floor scenario that does the same work, for the Orderly / floor columns. */
  floor?: string;
  /** An order create: the notifications the new order must have, so that the outbox is on or off as meant. */
  notifies?: number;
  /** A new Idempotency-Key on every request (wrk's script counts them). */
  idempotencyKeys?: boolean;
  /** Runs once against the started target before the warm-up, unmeasured (e.g. to find a deep cursor). */
  prepare?(origin: string, headers: Record<string, string>): Promise<void>;
  /** The requests, cycled in order (called after `prepare`). */
  requests(): BenchRequest[];
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

export const targetOf = (scenario: Scenario): Target => scenario.target ?? 'outbox';

/** The scenario's own credentials, else user A's API token. */
export function credentialsOf(scenario: Scenario, token: string): Record<string, string> {
  return scenario.credentials ?? { authorization: `Bearer ${token}` };
}

/** The scenarios that need the floor process, which needs a PostgreSQL server to share the database with. */
export const needsFloor = (scenario: Scenario) => targetOf(scenario) === 'floor';

/** `providerJwt`: an access token from the OpenID provider for user A. */
export function scenarios(seeded: Seeded, providerJwt: string): Scenario[] {
  const { a, b, w } = seeded;
  const detailOf = (ids: number[]) => () => ids.map((id) => ({ path: `/api/v1/customers/${id}/` }));
  const ownDetails = detailOf(a.customerIds);
  const otherDetails = detailOf(b.customerIds);
  const order = (customer: number) =>
    JSON.stringify({ customer, item: 'Maize flour 2kg', quantity: 3, price_per_unit: '12.50' });
  const creates = () => w.customerIds.map((id) => ({ path: '/api/v1/orders/', body: order(id) }));
  // Orders are placed by W, so that A's lists keep their size however many orders the run creates.
  const writer = { authorization: `Bearer ${w.token}` };
  const firstPage = () => [{ path: '/api/v1/orders/?limit=10' }];
  const deepPage = () => [{ path: `/api/v1/orders/?limit=10&offset=${DEEP}` }];
  let deepCursor = '';
  const all: Scenario[] = [
    {
      key: 'floor-detail',
      name: 'floor: customer detail',
      expect: 200,
      method: 'GET',
      target: 'floor',
      requests: ownDetails,
    },
    {
      key: 'detail',
      name: 'GET customer detail',
      expect: 200,
      method: 'GET',
      floor: 'floor-detail',
      requests: ownDetails,
    },
    {
      // Seeded customers are at version 1, so this ETag is current: every answer is a 304 without a body.
      key: 'not-modified',
      name: 'GET customer detail, If-None-Match current (304)',
      expect: 304,
      method: 'GET',
      requests: () => ownDetails().map((request) => ({ ...request, headers: { 'if-none-match': '"1"' } })),
    },
    {
      // Sessions are never cached, so that a logout or a disabled user counts at once: one query per request.
      key: 'session',
      name: 'GET customer detail, session cookie',
      expect: 200,
      method: 'GET',
      credentials: { cookie: `orderly_session=${a.session}` },
      requests: ownDetails,
    },
    {
      // A verified JWT is cached for AUTH_CACHE_TTL_MS like an API token, so this measures mostly cache
      // hits and a re-verification (signature, then the user by identity) every 5 s, as in production.
      key: 'jwt',
      name: 'GET customer detail, provider JWT',
      expect: 200,
      method: 'GET',
      credentials: { authorization: `Bearer ${providerJwt}` },
      requests: ownDetails,
    },
    {
      key: 'floor-missing',
      name: "floor: another user's customer (404)",
      expect: 404,
      method: 'GET',
      target: 'floor',
      requests: otherDetails,
    },
    {
      key: 'missing',
      name: "GET another user's customer (404)",
      expect: 404,
      method: 'GET',
      floor: 'floor-missing',
      requests: otherDetails,
    },
    {
      key: 'floor-list',
      name: 'floor: orders list, page 1 (exact count)',
      expect: 200,
      method: 'GET',
      target: 'floor',
      requests: firstPage,
    },
    {
      key: 'list',
      name: 'GET orders list, page 1 (exact count)',
      expect: 200,
      method: 'GET',
      floor: 'floor-list',
      requests: firstPage,
    },
    {
      // Compared with the floor's v1 page 1, which counts too: a v2 page does less work (no count).
      key: 'v2-list',
      name: 'GET v2 orders list, first page',
      expect: 200,
      method: 'GET',
      floor: 'floor-list',
      requests: () => [{ path: '/api/v2/orders/?limit=10' }],
    },
    {
      key: 'floor-deep',
      name: `floor: orders list, offset ${DEEP.toLocaleString('en-US')}`,
      expect: 200,
      method: 'GET',
      target: 'floor',
      requests: deepPage,
    },
    {
      key: 'deep',
      name: `GET orders list, offset ${DEEP.toLocaleString('en-US')}`,
      expect: 200,
      method: 'GET',
      floor: 'floor-deep',
      requests: deepPage,
    },
    {
      key: 'v2-deep',
      name: `GET v2 orders list, ${DEEP.toLocaleString('en-US')} rows deep (cursor)`,
      expect: 200,
      method: 'GET',
      floor: 'floor-list',
      async prepare(origin, headers) {
        deepCursor = await cursorAt(origin, headers, DEEP);
      },
      requests: () => [{ path: `/api/v2/orders/?limit=10&cursor=${deepCursor}` }],
    },
    {
      key: 'floor-create',
      name: 'floor: order create (+ outbox row in the same statement)',
      expect: 201,
      method: 'POST',
      target: 'floor',
      credentials: writer,
      notifies: 1,
      requests: creates,
    },
    {
      // With the outbox as configured (SMS_EVENTS, by default on for new orders).
      key: 'create',
      name: 'POST order create',
      expect: 201,
      method: 'POST',
      credentials: writer,
      floor: 'floor-create',
      notifies: 1,
      requests: creates,
    },
    {
      key: 'create-idempotent',
      name: 'POST order create, Idempotency-Key',
      expect: 201,
      method: 'POST',
      credentials: writer,
      notifies: 1,
      idempotencyKeys: true,
      requests: creates,
    },
    {
      // Against a second server child started with SMS_EVENTS=none (no outbox), on the same database
      // (embedded: a copy of the seeded one).
      key: 'create-no-outbox',
      name: 'POST order create, outbox off (SMS_EVENTS=none)',
      expect: 201,
      method: 'POST',
      credentials: writer,
      target: 'no-outbox',
      notifies: 0,
      requests: creates,
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
