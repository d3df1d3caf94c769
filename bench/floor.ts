/**
 * The floor: what the measured endpoints cost with nothing but Node's HTTP server and the pg driver, so that
 * the gap to Orderly is what Orderly's layers cost (framework, hooks, auth, validation, serialisation, Drizzle).
 * Started by bench/run.ts as a child process (bench/server-process.ts startFloor), on Orderly's own tables,
 * PostgreSQL server only. It answers, with Orderly's v1 fields (not its headers or problem details):
 *
 * - GET /api/v1/customers/{id}/ (404 for another owner's customer),
 * - GET /api/v1/orders/?limit=&offset= (the page and the exact count in one statement, newest first),
 * - POST /api/v1/orders/ {customer, item, quantity, price_per_unit} (201; the order and its notification
 *   in one statement, as Orderly's insertOrder and Outbox write them).
 *
 * Each request is one named prepared statement on a pg.Pool of DATABASE_POOL_SIZE clients (BENCH_FLOOR_POOL_SIZE,
 * which run.ts reads from the app's config), JSON built by hand, no validation. API tokens are checked against
 * a map of token hashes read once at start (the bench creates its tokens before starting the floor): a
 * SHA-256 per request, as Orderly hashes a token, but no query.
 *
 * Transpiled to plain JS and run by plain node, like bench/server.ts; the app's own pg is found through
 * BENCH_DIST_DIR. It answers run.ts over IPC with its statement count, as server.ts does.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const distDir = process.env.BENCH_DIST_DIR;
if (!distDir) throw new Error('BENCH_DIST_DIR is unset: this module is started by bench/run.ts only.');
const pg = createRequire(join(distDir, '..', 'package.json'))('pg') as typeof import('pg');

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.BENCH_FLOOR_POOL_SIZE ?? 20),
});
const currency = process.env.BENCH_FLOOR_CURRENCY ?? 'KES';

let statements = 0;
function query(name: string, text: string, values: unknown[]) {
  statements++;
  return pool.query({ name, text, values });
}

const CUSTOMER = {
  name: 'floor_customer',
  text: `select id, owner_id, first_name, second_name, code, phone, created_at, updated_at
         from customers where id = $1 and owner_id = $2`,
};

// Newest first, as Orderly's default ordering (time_placed desc, then id desc). The count is a subquery of
// its own, so it can be an index-only scan as Orderly's separate COUNT is; the left join keeps it on a page
// past the end.
const ORDER_COLUMNS = `id, owner_id, customer_id, customer_code, item, item_id, quantity, price_per_unit,
  currency, amount, status, time_placed, updated_at`;
const ORDERS_PAGE = {
  name: 'floor_orders_page',
  text: `with page as (
           select ${ORDER_COLUMNS} from orders where owner_id = $1
           order by time_placed desc, id desc limit $2 offset $3
         )
         select total.count, page.* from (select count(*) from orders where owner_id = $1) total
         left join page on true
         order by page.time_placed desc, page.id desc`,
};

// The order from the owner's customer row and its notification, in one statement as Orderly's insertOrder
// with the Outbox's insert (its message a fixed format rather than the compiled template).
const CREATE_ORDER = {
  name: 'floor_create_order',
  text: `with c as (
           select id, code, owner_id, first_name, phone from customers where id = $1 and owner_id = $2
         ), o as (
           insert into orders (owner_id, customer_id, customer_code, item, item_id, quantity, price_per_unit, currency)
           select owner_id, id, code, $3, null, $4, $5, $6 from c
           returning ${ORDER_COLUMNS}
         ), n as (
           insert into notifications (owner_id, order_id, event, recipient, message)
           select o.owner_id, o.id, 'order_placed', c.phone,
                  'Hi ' || c.first_name || ', your order of ' || o.quantity || ' units of ' || o.item ||
                  ' has been placed at ' || to_char(o.time_placed, 'HH24:MI') || '. Thank you.'
           from o join c on c.id = o.customer_id
         )
         select * from o`,
};

interface OrderRow {
  id: string;
  owner_id: string;
  customer_id: string;
  customer_code: string;
  item: string;
  item_id: string | null;
  quantity: number;
  price_per_unit: string;
  currency: string;
  amount: string;
  status: string;
  time_placed: Date;
  updated_at: Date;
}

const orderJson = (origin: string, o: OrderRow) =>
  JSON.stringify({
    id: Number(o.id),
    url: `${origin}/api/v1/orders/${o.id}/`,
    customer: Number(o.customer_id),
    customer_code: o.customer_code,
    item: o.item,
    item_id: o.item_id === null ? null : Number(o.item_id),
    quantity: o.quantity,
    price_per_unit: o.price_per_unit,
    currency: o.currency,
    amount: o.amount,
    status: o.status,
    time_placed: o.time_placed.toISOString(),
    owner: Number(o.owner_id),
    updated_at: o.updated_at.toISOString(),
  });

/** Token hash → owner id, read once. */
const owners = new Map<string, number>();

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  response.end(body);
}

const notFound = (response: ServerResponse, detail: string) =>
  send(response, 404, `{"status":404,"error":"not_found","detail":${JSON.stringify(detail)}}`);

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const authorization = request.headers.authorization;
  const owner = authorization?.startsWith('Bearer ')
    ? owners.get(createHash('sha256').update(authorization.slice(7)).digest('hex'))
    : undefined;
  if (owner === undefined) {
    send(response, 401, '{"status":401,"error":"unauthenticated"}');
    return;
  }
  const origin = `http://${request.headers.host}`;
  const url = request.url ?? '/';
  const customer = /^\/api\/v1\/customers\/(\d+)\/$/.exec(url);
  if (request.method === 'GET' && customer) {
    const { rows } = await query(CUSTOMER.name, CUSTOMER.text, [customer[1], owner]);
    const c = rows[0];
    if (!c) return notFound(response, `Customer ${customer[1]} was not found.`);
    send(
      response,
      200,
      JSON.stringify({
        id: Number(c.id),
        url: `${origin}/api/v1/customers/${c.id}/`,
        first_name: c.first_name,
        second_name: c.second_name,
        code: c.code,
        phone: c.phone,
        owner: Number(c.owner_id),
        created_at: c.created_at.toISOString(),
        updated_at: c.updated_at.toISOString(),
      }),
    );
    return;
  }
  if (url.startsWith('/api/v1/orders/?') || url === '/api/v1/orders/') {
    if (request.method === 'GET') {
      const params = new URLSearchParams(url.slice(url.indexOf('?') + 1));
      const limit = Number(params.get('limit') ?? 20);
      const offset = Number(params.get('offset') ?? 0);
      const { rows } = await query(ORDERS_PAGE.name, ORDERS_PAGE.text, [owner, limit, offset]);
      const count = Number(rows[0]?.count ?? 0);
      const link = (at: number) =>
        `"${origin}/api/v1/orders/?limit=${limit}${at > 0 ? `&offset=${at}` : ''}"`;
      const next = offset + limit < count ? link(offset + limit) : 'null';
      const previous = offset > 0 ? link(Math.max(0, Math.min(offset - limit, count - limit))) : 'null';
      const results = rows.filter((row) => row.id !== null).map((row) => orderJson(origin, row));
      send(
        response,
        200,
        `{"count":${count},"next":${next},"previous":${previous},"results":[${results.join(',')}]}`,
      );
      return;
    }
    if (request.method === 'POST') {
      const body = JSON.parse(await readBody(request)) as {
        customer: number;
        item: string;
        quantity: number;
        price_per_unit: string;
      };
      const { rows } = await query(CREATE_ORDER.name, CREATE_ORDER.text, [
        body.customer,
        owner,
        body.item,
        body.quantity,
        body.price_per_unit,
        currency,
      ]);
      const order = rows[0] as OrderRow | undefined;
      if (!order) return notFound(response, `Customer ${body.customer} was not found.`);
      send(response, 201, orderJson(origin, order), { location: `${origin}/api/v1/orders/${order.id}/` });
      return;
    }
  }
  notFound(response, 'No such route on the floor.');
}

async function main() {
  const { rows } = await pool.query<{ token_hash: string; user_id: string }>(
    `select t.token_hash, t.user_id from api_tokens t join users u on u.id = t.user_id
     where t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and not u.disabled`,
  );
  for (const row of rows) owners.set(row.token_hash, Number(row.user_id));

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`floor: ${error instanceof Error ? error.message : String(error)}\n`);
      if (!response.headersSent) send(response, 500, '{"status":500,"error":"internal"}');
      else response.destroy();
    });
  });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown());
  process.on('SIGINT', () => void shutdown());
  process.on('disconnect', () => void shutdown());
  // The statement count, as bench/server.ts answers it (no CPU profiles: the floor is not what is profiled).
  process.on('message', (message: { id?: number }) => {
    process.send?.({ id: message.id, statements });
  });

  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench floor failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
