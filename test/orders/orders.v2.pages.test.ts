import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { selectRows } from '../../src/db/client.js';
import {
  expectProblem,
  ids,
  linksOf,
  ORDERS_V2,
  pathOf,
  postCustomerV2,
  signIn,
  walkPages,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import type { ApiResponse } from '../helpers/http.js';

const t = useTestApp();

/** A staff user with one customer and `count` orders inserted in one statement, many sharing their sort values. */
async function shopWithOrders(count: number) {
  const staff = await signIn(t);
  const customer = await postCustomerV2(staff.api);
  const rows = await selectRows<{ id: unknown }>(
    t.deps.database.db,
    sql`insert into orders (owner_id, customer_id, customer_code, item, quantity, price_per_unit, currency, status, time_placed)
      select ${staff.user.id}, ${customer.id}, ${customer.code}, 'Seeded item ' || g, 1 + g % 7, (1 + g % 5)::numeric,
             'KES', case when g % 3 = 0 then 'Closed' else 'Pending' end,
             now() - (g % 50) * interval '1 second'
      from generate_series(1, ${count}) g
      returning id`,
  );
  return { ...staff, customer, seeded: rows.map((row) => Number(row.id)) };
}

/** Inserts a few orders for the same customer, as another client would while the walk goes on. */
async function insertMore(shop: Awaited<ReturnType<typeof shopWithOrders>>, count = 3) {
  const rows = await selectRows<{ id: unknown }>(
    t.deps.database.db,
    sql`insert into orders (owner_id, customer_id, customer_code, item, quantity, price_per_unit, currency)
      select ${shop.user.id}, ${shop.customer.id}, ${shop.customer.code}, 'Late item', 1 + (random() * 6)::int,
             (1 + (random() * 4)::int)::numeric, 'KES'
      from generate_series(1, ${count})
      returning id`,
  );
  return rows.map((row) => Number(row.id));
}

/** Asserts that no id came twice and that every seeded id came. */
function expectEachOnce(pages: ApiResponse[], seeded: number[]) {
  const seen = pages.flatMap(ids);
  expect(new Set(seen).size, 'no order twice').toBe(seen.length);
  const missing = seeded.filter((id) => !seen.includes(id));
  expect(missing, 'no seeded order missed').toEqual([]);
}

describe(`a v2 cursor walk over 1,000 orders while new ones arrive (${onRealPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  test.each([
    ['newest first (the default)', ''],
    ['by -quantity', '&ordering=-quantity'],
    ['by total, then newest first', '&ordering=total,-placed_at'],
    ['by status and item_name', '&ordering=status,-item_name'],
  ])('when the orders are walked %s, then each of the 1,000 comes exactly once', async (_name, ordering) => {
    // Arrange
    const shop = await shopWithOrders(1_000);
    const arrived: number[] = [];

    // Act: each page is read while other orders are being inserted
    const pages: ApiResponse[] = [];
    let next: string | null = `${ORDERS_V2}?limit=40${ordering}`;
    while (next) {
      const [page, inserted]: [ApiResponse, number[]] = await Promise.all([
        shop.api.get(next),
        insertMore(shop),
      ]);
      expect(page.statusCode, page.body).toBe(200);
      arrived.push(...inserted);
      pages.push(page);
      next = page.data.next && pathOf(page.data.next);
    }

    // Assert
    expectEachOnce(pages, shop.seeded);
    expect(pages.length).toBeGreaterThanOrEqual(25);
    expect(arrived.length).toBeGreaterThan(0);
    const everything = await shop.api.get(`${ORDERS_V2}?limit=1&count=true`);
    expect(everything.data.count).toBe(1_000 + arrived.length);
  });

  test('when the walk goes back with previous from the last page, then it gives the same pages in reverse', async () => {
    // Arrange
    const shop = await shopWithOrders(1_000);
    const forward = await walkPages(shop.api, `${ORDERS_V2}?limit=100&ordering=-quantity`);

    // Act
    const backward = await walkPages(shop.api, pathOf(String(forward.at(-2)?.data.next)), {
      backwards: true,
    });

    // Assert
    expectEachOnce(forward, shop.seeded);
    expect(forward).toHaveLength(10);
    expect(backward.map((page) => ids(page))).toEqual(forward.map((page) => ids(page)).reverse());
    expect(backward.at(-1)?.data.previous).toBeNull();
  });

  test('when a status filter is walked with count=true, then each page counts the filtered rows and the walk gives them all', async () => {
    // Arrange
    const shop = await shopWithOrders(1_000);
    const closed = (
      await selectRows<{ id: unknown }>(
        t.deps.database.db,
        sql`select id from orders where customer_id = ${shop.customer.id} and status = 'Closed'`,
      )
    ).map((row) => Number(row.id));

    // Act
    const pages = await walkPages(shop.api, `${ORDERS_V2}?status=Closed&limit=100&count=true`);

    // Assert
    expect(pages.flatMap(ids).sort()).toEqual(closed.sort());
    expect(pages.map((page) => page.data.count)).toEqual(pages.map(() => closed.length));
    expect(
      pages.flatMap((page) => page.data.results.map((order: { status: string }) => order.status)),
    ).toEqual(closed.map(() => 'Closed'));
  });
});

describe('v2 order cursors that are not valid here', () => {
  test('when a cursor is edited, made up, or used by another user, with other filters or another ordering, then 400 invalid_cursor', async () => {
    // Arrange
    const shop = await shopWithOrders(30);
    const other = await signIn(t);
    const first = await shop.api.get(`${ORDERS_V2}?limit=10&status=Pending`);
    const next = new URL(first.data.next);
    const cursor = String(next.searchParams.get('cursor'));
    const edited = `${cursor.slice(0, 30)}${cursor[30] === 'A' ? 'B' : 'A'}${cursor.slice(31)}`;
    const at = (query: string) => `${ORDERS_V2}?limit=10&${query}`;

    // Act
    const responses = {
      edited: await shop.api.get(at(`status=Pending&cursor=${edited}`)),
      truncated: await shop.api.get(at(`status=Pending&cursor=${cursor.slice(0, -4)}`)),
      garbage: await shop.api.get(at('status=Pending&cursor=not-a-cursor')),
      notBase64: await shop.api.get(at('status=Pending&cursor=%F0%9F%92%A9')),
      otherUser: await other.api.get(at(`status=Pending&cursor=${cursor}`)),
      otherFilter: await shop.api.get(at(`status=Closed&cursor=${cursor}`)),
      noFilter: await shop.api.get(at(`cursor=${cursor}`)),
      otherOrdering: await shop.api.get(at(`status=Pending&ordering=-quantity&cursor=${cursor}`)),
      otherList: await shop.api.get(`/api/v2/customers/?limit=10&cursor=${cursor}`),
    };

    // Assert
    for (const [name, response] of Object.entries(responses)) {
      expect(response.statusCode, name).toBe(400);
      expectProblem(response, 400, 'invalid_cursor');
    }
    const followed = await shop.api.get(pathOf(first.data.next));
    expect(followed.statusCode).toBe(200);
    const withOtherLimit = await shop.api.get(
      at(`status=Pending&cursor=${cursor}`).replace('limit=10', 'limit=3'),
    );
    expect(ids(withOtherLimit)).toEqual(ids(followed).slice(0, 3));
  });
});

describe('v2 order pages over HTTP', () => {
  test('when a page is read, then its links are in the body and a Link header; the first has no previous, the last no next', async () => {
    // Arrange
    const shop = await shopWithOrders(5);

    // Act
    const first = await shop.api.get(`${ORDERS_V2}?limit=2`);
    const second = await shop.api.get(pathOf(first.data.next));
    const last = await shop.api.get(pathOf(second.data.next));
    const all = await shop.api.get(`${ORDERS_V2}?limit=5`);

    // Assert
    expect(first.data.previous).toBeNull();
    expect(first.headers.link).toBe(`<${first.data.next}>; rel="next"`);
    expect(linksOf(second)).toEqual({ next: second.data.next, prev: second.data.previous });
    expect(last.data.next).toBeNull();
    expect(linksOf(last)).toEqual({ prev: last.data.previous });
    expect(all.headers.link).toBeUndefined();
    expect(all.data).toEqual({ results: expect.any(Array), next: null, previous: null });
    expect([...ids(first), ...ids(second), ...ids(last)]).toEqual(ids(all));
    expect(first.data.next.startsWith('http://localhost/api/v2/orders/?limit=2&cursor=')).toBe(true);
  });

  test('when a page is read again with its ETag, then 304; a new order on a later page changes the first page’s ETag only through its next link', async () => {
    // Arrange
    const shop = await shopWithOrders(2);
    const page = await shop.api.get(`${ORDERS_V2}?limit=2&ordering=placed_at`);

    // Act
    const same = await shop.api.get(`${ORDERS_V2}?limit=2&ordering=placed_at`, {
      headers: { 'if-none-match': String(page.headers.etag) },
    });
    await shop.api.post(ORDERS_V2, {
      customer: shop.customer.id,
      item_name: 'Rice',
      quantity: 1,
      unit_price: '1',
    });
    const grown = await shop.api.get(`${ORDERS_V2}?limit=2&ordering=placed_at`, {
      headers: { 'if-none-match': String(page.headers.etag) },
    });

    // Assert
    expect(page.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(grown.statusCode).toBe(200);
    expect(ids(grown)).toEqual(ids(page));
    expect(grown.data.next).not.toBeNull();
  });

  test('when limit is out of range or ordering names an unknown field, then 400 validation_error', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const tooMany = await api.get(`${ORDERS_V2}?limit=101`);
    const none = await api.get(`${ORDERS_V2}?limit=0`);
    const v1Field = await api.get(`${ORDERS_V2}?ordering=-amount`);

    // Assert
    expectProblem(tooMany, 400, 'validation_error');
    expectProblem(none, 400, 'validation_error');
    expectProblem(v1Field, 400, 'validation_error');
    expect(v1Field.data.details[0]).toMatchObject({ field: 'ordering', code: 'invalid_choice' });
    expect(v1Field.data.details[0].message).toContain('placed_at');
  });
});
