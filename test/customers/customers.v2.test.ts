import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  CUSTOMERS_V2,
  customerUrlV2,
  expectProblem,
  ids,
  mergePatch,
  pathOf,
  postCustomer,
  postCustomerV2,
  postOrder,
  signIn,
  walkPages,
} from '../helpers/api.js';
import { buildSecondInstance, useTestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

const ORIGIN = 'http://localhost';

const t = useTestApp();

/** A name no other test uses, so a search finds only this test's rows. */
const uniqueName = () => `N${randomUUID().replace(/-/g, '').slice(0, 20)}`;
const ifMatch = (etag: unknown) => ({ headers: { 'if-match': String(etag) } });

describe('v2 customers: create, read, change, delete', () => {
  test('when a customer is created through v2, then 201 with its v2 url, name, Location and ETag, and GET returns it', async () => {
    // Arrange
    const { user, api } = await signIn(t);

    // Act
    const created = await api.post(CUSTOMERS_V2, {
      first_name: ' Amina ',
      second_name: 'Otieno',
      phone: '+254 712 345 678',
      code: 'ami01',
    });

    // Assert
    expect(created.statusCode, created.body).toBe(201);
    const customer = created.data;
    expect(customer).toEqual({
      id: expect.any(Number),
      url: `${ORIGIN}/api/v2/customers/${customer.id}/`,
      name: 'Amina Otieno',
      first_name: 'Amina',
      second_name: 'Otieno',
      code: 'AMI01',
      phone: '+254712345678',
      owner: user.id,
      created_at: expect.any(String),
      updated_at: customer.created_at,
    });
    expect(created.headers.location).toBe(customer.url);
    expect(created.headers.etag).toMatch(/^"[0-9]+"$/);
    const read = await api.get(pathOf(customer.url));
    expect(read.data).toEqual(customer);
    expect(read.headers.etag).toBe(created.headers.etag);
  });

  test('when v1 and v2 read the same customer, then they show the same fields, v2 with its own url and name', async () => {
    // Arrange
    const { api } = await signIn(t);
    const v1 = await postCustomer(api);

    // Act
    const v2 = (await api.get(customerUrlV2(v1.id))).data;

    // Assert
    const { url: _v1Url, ...shared } = v1;
    expect(v2).toEqual({
      ...shared,
      url: `${ORIGIN}/api/v2/customers/${v1.id}/`,
      name: `${v1.first_name} ${v1.second_name}`,
    });
  });

  test('when a create sends a read-only field, then 400 read_only_field names it', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS_V2, customerBody({ name: 'Someone Else' }));

    // Assert
    expectProblem(response, 400, 'read_only_field');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'name', code: 'read_only' })]);
  });

  test('when a customer is replaced and patched with If-Match, then each answers its new ETag; a stale one is 412', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await api.post(CUSTOMERS_V2, customerBody());
    const url = pathOf(created.data.url);

    // Act
    const replaced = await api.put(
      url,
      { ...created.data, first_name: 'Wanjiru', code: 'WAN01' },
      ifMatch(created.headers.etag),
    );
    const patched = await mergePatch(api, url, JSON.stringify({ second_name: 'Kamau' }));
    const stale = await api.patch(url, { first_name: 'Late' }, ifMatch(created.headers.etag));
    const renamed = await api.patch(url, { name: 'Not Allowed' });

    // Assert
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.data).toMatchObject({
      first_name: 'Wanjiru',
      code: 'WAN01',
      name: `Wanjiru ${created.data.second_name}`,
    });
    expect(replaced.headers.etag).not.toBe(created.headers.etag);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data.name).toBe('Wanjiru Kamau');
    expectProblem(stale, 412, 'precondition_failed');
    expectProblem(renamed, 400, 'read_only_field');
    expect((await api.get(url)).data).toEqual(patched.data);
  });

  test('when a customer is read with its current ETag in If-None-Match, then 304 without a body', async () => {
    // Arrange
    const { api } = await signIn(t);
    const customer = await postCustomerV2(api);
    const read = await api.get(pathOf(customer.url));

    // Act
    const again = await api.get(pathOf(customer.url), {
      headers: { 'if-none-match': String(read.headers.etag) },
    });

    // Assert
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(read.headers.etag);
  });

  test('when a customer without orders is deleted with its ETag, then 204 and it is gone; one with orders stays (409)', async () => {
    // Arrange
    const { api } = await signIn(t);
    const lonely = await api.post(CUSTOMERS_V2, customerBody());
    const busy = await postCustomerV2(api);
    await postOrder(api, busy.id);

    // Act
    const deleted = await api.delete(pathOf(lonely.data.url), ifMatch(lonely.headers.etag));
    const refused = await api.delete(pathOf(busy.url));

    // Assert
    expect(deleted.statusCode).toBe(204);
    expectProblem(await api.get(pathOf(lonely.data.url)), 404, 'not_found');
    expectProblem(refused, 409, 'customer_has_orders');
  });

  test('when a create is sent twice with one Idempotency-Key, then one customer, and the retry is the replayed 201', async () => {
    // Arrange
    const { api } = await signIn(t);
    const body = customerBody();
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const first = await api.post(CUSTOMERS_V2, body, key);
    const retry = await api.post(CUSTOMERS_V2, body, key);

    // Assert
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(retry.headers.etag).toBe(first.headers.etag);
    const list = await api.get(`${CUSTOMERS_V2}?search=${encodeURIComponent(body.phone)}&count=true`);
    expect(list.data.count).toBe(1);
  });
});

describe('v2 customers of another staff user', () => {
  test('when B reads, replaces, patches or deletes A’s customer, then 404 as for a missing id, and it stays unchanged', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const owned = await postCustomerV2(a.api);
    const url = pathOf(owned.url);

    // Act
    const responses = [
      await b.api.get(url),
      await b.api.put(url, customerBody({ code: 'HIJAK' })),
      await b.api.patch(url, { first_name: 'Hijacked' }),
      await b.api.delete(url),
    ];

    // Assert
    for (const response of responses) {
      expectProblem(response, 404, 'not_found');
      expect(response.data.detail).toBe(`Customer ${owned.id} was not found.`);
    }
    expect((await a.api.get(url)).data).toEqual(owned);
  });

  test('when B lists, searches A’s name or filters by A’s id as owner, then A’s customers never appear; an admin sees both', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const admin = await signIn(t, 'admin');
    const name = uniqueName();
    const aCustomer = await postCustomerV2(a.api, { first_name: name });
    const bCustomer = await postCustomerV2(b.api, { first_name: name });

    // Act
    const list = await b.api.get(`${CUSTOMERS_V2}?count=true`);
    const byName = await b.api.get(`${CUSTOMERS_V2}?search=${name}`);
    const byOwner = await b.api.get(`${CUSTOMERS_V2}?owner=${a.user.id}&count=true`);
    const asAdmin = await admin.api.get(`${CUSTOMERS_V2}?search=${name}`);

    // Assert
    expect(ids(list)).toEqual([bCustomer.id]);
    expect(list.data.count).toBe(1);
    expect(ids(byName)).toEqual([bCustomer.id]);
    expect(byOwner.data).toEqual({ results: [], next: null, previous: null, count: 0 });
    expect(ids(asAdmin)).toEqual([aCustomer.id, bCustomer.id]);
  });
});

describe('v2 customer pages', () => {
  test('when 25 customers are listed 10 at a time, then three pages by id, linked both ways in the body and the Link header', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created: number[] = [];
    for (let i = 0; i < 25; i++) created.push((await postCustomerV2(api)).id);

    // Act
    const forward = await walkPages(api, `${CUSTOMERS_V2}?limit=10`);
    const backward = await walkPages(api, pathOf(forward[1]?.data.next), { backwards: true });

    // Assert
    expect(forward.map((page) => page.data.results.length)).toEqual([10, 10, 5]);
    expect(forward.flatMap(ids)).toEqual(created);
    expect(forward[0]?.data.previous).toBeNull();
    expect(forward[0]?.headers.link).toBe(`<${forward[0]?.data.next}>; rel="next"`);
    expect(forward[2]?.data.next).toBeNull();
    expect(backward.map((page) => ids(page))).toEqual(forward.map((page) => ids(page)).reverse());
  });

  test('when customers are ordered by -first_name, many sharing one, then each appears once, ties by id', async () => {
    // Arrange
    const { api } = await signIn(t);
    const tag = uniqueName().slice(0, 10);
    const created: { id: number; first_name: string }[] = [];
    for (let i = 0; i < 14; i++)
      created.push(await postCustomerV2(api, { first_name: `${tag}${'ABC'[i % 3]}` }));
    const expected = [...created]
      .sort((x, y) => (x.first_name === y.first_name ? x.id - y.id : x.first_name < y.first_name ? 1 : -1))
      .map((customer) => customer.id);

    // Act
    const forward = await walkPages(
      api,
      `${CUSTOMERS_V2}?search=${tag}&ordering=-first_name&limit=4&count=true`,
    );
    const backward = await walkPages(api, pathOf(String(forward.at(-2)?.data.next)), { backwards: true });

    // Assert
    expect(forward.flatMap(ids)).toEqual(expected);
    expect(forward.every((page) => page.data.count === 14)).toBe(true);
    expect(backward.flatMap(ids).length).toBe(14);
    expect(backward.map((page) => ids(page))).toEqual(forward.map((page) => ids(page)).reverse());
  });
});

describe('v2 customer cursors', () => {
  test('when another API instance on the same database follows a next link, then it accepts the cursor', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    for (let i = 0; i < 3; i++) await postCustomerV2(api);
    const first = await api.get(`${CUSTOMERS_V2}?limit=2`);
    const second = await buildSecondInstance(t);

    try {
      // Act
      const next = await client(second.app, user.token).get(pathOf(first.data.next));

      // Assert
      expect(next.statusCode, next.body).toBe(200);
      expect(ids(next)).toHaveLength(1);
      expect(ids(next)).not.toContain(ids(first)[0]);
    } finally {
      await second.close();
    }
  });

  test('when a cursor is used by another caller, then 400 invalid_cursor and none of the first caller’s rows', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    for (let i = 0; i < 3; i++) await postCustomerV2(a.api);
    const page = await a.api.get(`${CUSTOMERS_V2}?limit=1`);

    // Act
    const response = await b.api.get(pathOf(page.data.next));

    // Assert
    expectProblem(response, 400, 'invalid_cursor');
    expect(response.data.details).toEqual([
      expect.objectContaining({ field: 'cursor', code: 'invalid_cursor' }),
    ]);
  });
});
