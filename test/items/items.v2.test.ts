import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  expectProblem,
  ITEMS_V2,
  ids,
  itemUrl,
  itemUrlV2,
  mergePatch,
  pathOf,
  postCustomer,
  postItemV2,
  postOrder,
  signIn,
  walkPages,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { itemBody, uniqueSku } from '../helpers/factories.js';
import { client } from '../helpers/http.js';

const ORIGIN = 'http://localhost';

const t = useTestApp();
const ifMatch = (etag: unknown) => ({ headers: { 'if-match': String(etag) } });

/** A word only this test's items hold: the catalogue is shared, so lists are narrowed with `search`. */
const uniqueWord = () => `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;

describe('v2 items: create, read, change, delete', () => {
  test('when an admin adds an item through v2, then 201 with its v2 url, Location and ETag, and GET returns it', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const sku = uniqueSku('MAIZE');

    // Act
    const created = await api.post(ITEMS_V2, {
      sku,
      name: ' Maize flour 2kg ',
      description: 'Sifted.',
      unit_price: '210.5',
      currency: 'USD',
    });

    // Assert
    expect(created.statusCode, created.body).toBe(201);
    const item = created.data;
    expect(item).toEqual({
      id: expect.any(Number),
      url: `${ORIGIN}/api/v2/items/${item.id}/`,
      sku,
      name: 'Maize flour 2kg',
      description: 'Sifted.',
      unit_price: '210.50',
      currency: 'USD',
      active: true,
      created_at: expect.any(String),
      updated_at: item.created_at,
    });
    expect(created.headers.location).toBe(item.url);
    expect(created.headers.etag).toMatch(/^"[0-9]+"$/);
    const read = await api.get(pathOf(item.url));
    expect(read.data).toEqual(item);
    expect(read.headers.etag).toBe(created.headers.etag);
  });

  test('when v1 and v2 read the same item, then they show the same fields, v2 with its own url', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const v2 = await postItemV2(api);

    // Act
    const v1 = (await api.get(itemUrl(v2.id))).data;

    // Assert
    expect(v2).toEqual({ ...v1, url: `${ORIGIN}/api/v2/items/${v1.id}/` });
  });

  test('when an item is replaced and patched with If-Match, then each answers its new ETag; a stale one is 412', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await api.post(ITEMS_V2, itemBody());
    const url = pathOf(created.data.url);

    // Act
    const replaced = await api.put(
      url,
      { ...created.data, name: 'Maize flour 5kg', unit_price: '480.00' },
      ifMatch(created.headers.etag),
    );
    const patched = await mergePatch(api, url, JSON.stringify({ active: false, description: 'Gone.' }));
    const stale = await api.patch(url, { name: 'Late' }, ifMatch(created.headers.etag));
    const staleDelete = await api.delete(url, ifMatch(created.headers.etag));
    const readOnly = await api.patch(url, { url: `${ORIGIN}/api/v2/items/1/` });

    // Assert
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.data).toMatchObject({ name: 'Maize flour 5kg', unit_price: '480.00' });
    expect(replaced.headers.etag).not.toBe(created.headers.etag);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.data).toMatchObject({ active: false, description: 'Gone.', name: 'Maize flour 5kg' });
    expectProblem(stale, 412, 'precondition_failed');
    expectProblem(staleDelete, 412, 'precondition_failed');
    expectProblem(readOnly, 400, 'read_only_field');
    expect((await api.get(url)).data).toEqual(patched.data);
  });

  test('when an item no order names is deleted with its ETag, then 204 and it is gone; one an order names is 409', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const created = await api.post(ITEMS_V2, itemBody());
    const ordered = await postItemV2(api);
    const customer = await postCustomer(api);
    await postOrder(api, customer.id, { item: undefined, price_per_unit: undefined, item_id: ordered.id });

    // Act
    const deleted = await api.delete(pathOf(created.data.url), ifMatch(created.headers.etag));
    const inUse = await api.delete(itemUrlV2(ordered.id));

    // Assert
    expect(deleted.statusCode, deleted.body).toBe(204);
    expectProblem(await api.get(pathOf(created.data.url)), 404, 'not_found');
    expectProblem(inUse, 409, 'item_in_use');
    expect(inUse.data.details).toEqual({ order_count: 1 });
  });

  test('when a create is sent twice with one Idempotency-Key, then one item, and the retry is the replayed 201', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const body = itemBody({ name: `Rice ${word}` });
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const first = await api.post(ITEMS_V2, body, key);
    const retry = await api.post(ITEMS_V2, body, key);

    // Assert
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(retry.headers.etag).toBe(first.headers.etag);
    const list = await api.get(`${ITEMS_V2}?search=${word}&count=true`);
    expect(list.data.count).toBe(1);
  });

  test('when a SKU is taken in another case, then 409 sku_taken naming sku', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const sku = uniqueSku('ab');
    await postItemV2(api, { sku });

    // Act
    const response = await api.post(ITEMS_V2, itemBody({ sku: sku.toUpperCase() }));

    // Assert
    expectProblem(response, 409, 'sku_taken');
    expect(response.data.details).toEqual([expect.objectContaining({ field: 'sku', code: 'taken' })]);
  });
});

describe('v2 items are the admins’ to change', () => {
  test('when staff read the catalogue, then 200; when they create, replace, patch or delete, then 403 admin_only and nothing changes', async () => {
    // Arrange
    const admin = await signIn(t, 'admin');
    const { api } = await signIn(t);
    const item = await postItemV2(admin.api);
    const url = itemUrlV2(item.id);

    // Act
    const read = await api.get(url);
    const created = await api.post(ITEMS_V2, itemBody());
    const replaced = await api.put(url, { ...item, name: 'Staff name' });
    const patched = await api.patch(url, { unit_price: '1.00' });
    const deleted = await api.delete(url);

    // Assert
    expect(read.statusCode).toBe(200);
    expect(read.data).toEqual(item);
    for (const response of [created, replaced, patched, deleted]) expectProblem(response, 403, 'admin_only');
    expect((await api.get(url)).data).toEqual(item);
  });

  test('when the catalogue is read without credentials, then 401', async () => {
    // Act
    const response = await client(t.app).get(ITEMS_V2);

    // Assert
    expectProblem(response, 401, 'unauthorized');
  });
});

describe('GET /api/v2/items/ (keyset pages)', () => {
  test('when items are walked by name with active=all, two at a time, then every one once, archived ones too, in name order, and back', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const made = [];
    for (const name of ['Cassava', 'Beans', 'Avocado', 'Beans', 'Dates']) {
      made.push(await postItemV2(api, { name: `${name} ${word}` }));
    }
    const archived = made[2];
    await api.patch(itemUrlV2(archived.id), { active: false });
    const expected = [...made]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id))
      .map((item) => item.id);

    // Act
    const pages = await walkPages(
      api,
      `${ITEMS_V2}?search=${word}&ordering=name&active=all&limit=2&count=true`,
    );
    const last = pages.at(-1);
    const back = await walkPages(api, pathOf(String(last?.data.previous)), { backwards: true });
    const activeOnly = await api.get(`${ITEMS_V2}?search=${word}&ordering=name`);

    // Assert
    expect(pages.map((page) => page.data.results.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap(ids)).toEqual(expected);
    expect(pages.every((page) => page.data.count === 5)).toBe(true);
    expect(back.reverse().flatMap(ids)).toEqual(expected.slice(0, 4));
    expect(ids(activeOnly)).toEqual(expected.filter((id) => id !== archived.id));
  });

  test('when a cursor is used with another active filter or ordering, then 400 invalid_cursor', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    for (let i = 0; i < 3; i++) await postItemV2(api, { name: `Item ${i} ${word}` });
    const first = await api.get(`${ITEMS_V2}?search=${word}&limit=2&active=all`);
    const cursor = new URL(first.data.next).searchParams.get('cursor') ?? '';

    // Act
    const otherFilter = await api.get(`${ITEMS_V2}?search=${word}&limit=2&active=true&cursor=${cursor}`);
    const otherOrdering = await api.get(
      `${ITEMS_V2}?search=${word}&limit=2&active=all&ordering=-unit_price&cursor=${cursor}`,
    );

    // Assert
    expectProblem(otherFilter, 400, 'invalid_cursor');
    expectProblem(otherOrdering, 400, 'invalid_cursor');
  });

  test('when the list is ordered by a field items have not, then 400', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(`${ITEMS_V2}?ordering=colour`);

    // Assert
    expectProblem(response, 400, 'validation_error');
  });
});
