import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import {
  type Api,
  expectProblem,
  ITEMS,
  ids,
  itemUrl,
  mergePatch,
  postCustomer,
  postItem,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { itemBody, uniqueSku } from '../helpers/factories.js';
import type { ApiResponse } from '../helpers/http.js';

const t = useTestApp();

/** The validation failures of a 400, as `field: code` pairs. */
const failures = (response: ApiResponse): string[] =>
  (response.data.details as { field: string; code: string }[]).map((d) => `${d.field}: ${d.code}`);

/**
 * A word only this test's items hold: the catalogue is shared by every user (and every test of this
 * file), so lists are narrowed to one test's items with `search`.
 */
const uniqueWord = () => `w${randomUUID().replace(/-/g, '').slice(0, 12)}`;

/** A list of this test's items (those holding `word`), with extra query parameters. */
const listOf = (api: Api, word: string, query = '') => api.get(`${ITEMS}?search=${word}${query}`);

describe('POST /api/v1/items/', () => {
  test('when an admin adds an item, then 201 with Location, the default currency, active and no description', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const sku = uniqueSku('Maize.2kg_w');

    // Act
    const response = await api.post(ITEMS, { sku, name: '  Maize flour 2kg ', unit_price: '210.5' });

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toEqual({
      id: expect.any(Number),
      url: `http://localhost/api/v1/items/${response.data.id}/`,
      sku,
      name: 'Maize flour 2kg',
      description: null,
      unit_price: '210.50',
      currency: 'KES',
      active: true,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: response.data.created_at,
    });
    expect(response.headers.location).toBe(response.data.url);
    expect(response.headers.etag).toBe('"1"');
    expect((await api.get(itemUrl(response.data.id))).data).toEqual(response.data);
  });

  test('when an item names its currency, description and active flag, then they are stored as given', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const description = 'Cold-pressed.\nKeep away from light.';

    // Act
    const response = await api.post(
      ITEMS,
      itemBody({ currency: 'USD', description, active: false, unit_price: '0.01' }),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data).toMatchObject({ currency: 'USD', description, active: false, unit_price: '0.01' });
  });

  test('when the description is blank, then the item has none (null)', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(ITEMS, itemBody({ description: '  \n ' }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data.description).toBeNull();
  });

  test('when a staff user adds an item, then 403 admin_only and nothing is stored', async () => {
    // Arrange
    const { api } = await signIn(t, 'staff');
    const word = uniqueWord();

    // Act
    const response = await api.post(ITEMS, itemBody({ name: `Rice ${word}` }));

    // Assert
    expectProblem(response, 403, 'admin_only');
    expect((await listOf(api, word, '&active=all')).data.count).toBe(0);
  });

  test('when a SKU another item has is used in another case, then 409 sku_taken and the first item is unchanged', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const sku = uniqueSku('Ab-c');
    const first = await postItem(api, { sku });

    // Act
    const response = await api.post(ITEMS, itemBody({ sku: sku.toUpperCase() }));
    const same = await api.post(ITEMS, itemBody({ sku }));

    // Assert
    expectProblem(response, 409, 'sku_taken');
    expect(failures(response)).toEqual(['sku: taken']);
    expectProblem(same, 409, 'sku_taken');
    expect((await api.get(itemUrl(first.id))).data).toEqual(first);
  });

  test('when ten admins add one SKU at once in different cases, then exactly one gets 201 and nine 409 sku_taken', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const sku = uniqueSku('race');
    const word = uniqueWord();
    const variants = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? sku : sku.toUpperCase()));

    // Act
    const responses = await Promise.all(
      variants.map((variant) => api.post(ITEMS, itemBody({ sku: variant, name: `Race ${word}` }))),
    );

    // Assert
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.data.error).toBe('sku_taken');
    }
    expect((await listOf(api, word)).data.count).toBe(1);
  });

  test.each([
    ['sku', 'has space', 'sku: invalid_format'],
    ['sku', 'ümlaut', 'sku: invalid_format'],
    ['sku', 'a/b', 'sku: invalid_format'],
    ['sku', '', 'sku: too_short'],
    ['sku', 'x'.repeat(41), 'sku: too_long'],
    ['sku', 42, 'sku: invalid_type'],
    ['name', '   ', 'name: blank'],
    ['name', '', 'name: too_short'],
    ['name', 'x'.repeat(201), 'name: too_long'],
    ['name', 'Rice\nflour', 'name: invalid_format'],
    ['description', 'x'.repeat(2001), 'description: too_long'],
    ['description', 'Bad\u0000byte', 'description: invalid_format'],
    ['unit_price', '0', 'unit_price: too_small'],
    ['unit_price', '0.00', 'unit_price: too_small'],
    ['unit_price', 210.5, 'unit_price: invalid_type'],
    ['unit_price', '1.234', 'unit_price: invalid_format'],
    ['unit_price', '-1', 'unit_price: invalid_format'],
    ['currency', 'ABC', 'currency: unknown_currency'],
    ['currency', 'kes', 'currency: invalid_format'],
    ['currency', 'KESH', 'currency: invalid_format'],
    ['currency', null, 'currency: invalid_type'],
    ['active', 'yes', 'active: invalid_type'],
  ])(
    'when %s is %j, then 400 naming that field alone and nothing is stored',
    async (field, value, failure) => {
      // Arrange
      const { api } = await signIn(t, 'admin');
      const word = uniqueWord();

      // Act
      const response = await api.post(ITEMS, itemBody({ name: `Item ${word}`, [field]: value }));

      // Assert
      expectProblem(response, 400, 'validation_error');
      expect(failures(response)).toEqual([failure]);
      expect((await listOf(api, word, '&active=all')).data.count).toBe(0);
    },
  );

  test('when the description is exactly 2,000 characters of another script, then it is accepted whole', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const description = '米'.repeat(2000);

    // Act
    const response = await api.post(ITEMS, itemBody({ description }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect((await api.get(itemUrl(response.data.id))).data.description).toBe(description);
  });

  test('when several fields fail, then one 400 lists them all, schema and business rules together', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(ITEMS, {
      sku: 'bad sku',
      name: '  ',
      unit_price: 3,
      currency: 'XYZ',
      colour: 'red',
    });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response).sort()).toEqual([
      'colour: unknown_field',
      'currency: unknown_currency',
      'name: blank',
      'sku: invalid_format',
      'unit_price: invalid_type',
    ]);
  });

  test.each([
    ['id', 12345],
    ['url', 'http://localhost/api/v1/items/1/'],
    ['created_at', '2020-01-01T00:00:00.000Z'],
  ])('when a new item sets the read-only field %s, then 400 read_only_field', async (field, value) => {
    // Arrange
    const { api } = await signIn(t, 'admin');

    // Act
    const response = await api.post(ITEMS, itemBody({ [field]: value }));

    // Assert
    expectProblem(response, 400, 'read_only_field');
    expect(failures(response)).toEqual([`${field}: read_only`]);
  });

  test('when an item is posted twice with one Idempotency-Key, then one item, and the retry replays the first answer', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const body = itemBody({ name: `Tea ${word}` });
    const key = { headers: { 'idempotency-key': randomUUID() } };

    // Act
    const first = await api.post(ITEMS, body, key);
    const retry = await api.post(ITEMS, body, key);
    const other = await api.post(ITEMS, { ...body, unit_price: '1.00' }, key);

    // Assert
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBe('false');
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toBe(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expectProblem(other, 422, 'idempotency_key_mismatch');
    expect((await listOf(api, word)).data.count).toBe(1);
  });
});

describe('GET, PUT, PATCH /api/v1/items/{id}/', () => {
  test('when a staff user reads the catalogue, then items and lists are visible to them as to admins', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const { api: staff } = await signIn(t, 'staff');
    const word = uniqueWord();
    const item = await postItem(admin, { name: `Sugar ${word}` });

    // Act
    const read = await staff.get(itemUrl(item.id));
    const list = await listOf(staff, word);

    // Assert
    expect(read.statusCode).toBe(200);
    expect(read.data).toEqual(item);
    expect(list.data.results).toEqual([item]);
  });

  test('when no item has the id, then 404 not_found', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(itemUrl(987_654_321));

    // Assert
    expectProblem(response, 404, 'not_found');
  });

  test('when PUT sends every writable field, then all are replaced and GET shows them', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api, { description: 'Old' });
    const sku = uniqueSku('put');

    // Act
    const response = await api.put(itemUrl(item.id), {
      sku,
      name: ' Rice 5kg ',
      description: null,
      unit_price: '950',
      currency: 'UGX',
      active: false,
    });

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({
      id: item.id,
      sku,
      name: 'Rice 5kg',
      description: null,
      unit_price: '950.00',
      currency: 'UGX',
      active: false,
      created_at: item.created_at,
    });
    expect(response.headers.etag).toBe('"2"');
    expect((await api.get(itemUrl(item.id))).data).toEqual(response.data);
  });

  test('when PUT leaves out writable fields, then 400 required for each and nothing changes', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);

    // Act
    const response = await api.put(itemUrl(item.id), { sku: item.sku, name: 'Only a name' });

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response).sort()).toEqual([
      'active: required',
      'currency: required',
      'description: required',
      'unit_price: required',
    ]);
    expect((await api.get(itemUrl(item.id))).data).toEqual(item);
  });

  test('when PUT sends back exactly what GET returned, then 200 and nothing changes, updated_at and ETag included', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);
    const read = await api.get(itemUrl(item.id));
    await sleep(5); // so that a bumped updated_at would differ

    // Act
    const response = await api.put(itemUrl(item.id), read.data);

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toEqual(read.data);
    expect(response.headers.etag).toBe(read.headers.etag);
  });

  test('when PUT changes a read-only field, then 400 read_only_field and nothing changes', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);

    // Act
    const response = await api.put(itemUrl(item.id), { ...item, name: 'Changed', id: item.id + 1 });

    // Assert
    expectProblem(response, 400, 'read_only_field');
    expect(failures(response)).toEqual(['id: read_only']);
    expect((await api.get(itemUrl(item.id))).data).toEqual(item);
  });

  test('when PATCH sends one field as a merge patch, then only it changes; description null removes it', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api, { description: 'Sifted.' });

    // Act
    const priced = await api.patch(itemUrl(item.id), { unit_price: '199.99' });
    const cleared = await mergePatch(api, itemUrl(item.id), JSON.stringify({ description: null }));

    // Assert
    expect(priced.statusCode, priced.body).toBe(200);
    expect(priced.data).toEqual({ ...item, unit_price: '199.99', updated_at: priced.data.updated_at });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.data).toMatchObject({ unit_price: '199.99', description: null, name: item.name });
  });

  test('when PATCH sets a required field to null, then 400 and the item keeps it', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);

    // Act
    const response = await mergePatch(api, itemUrl(item.id), JSON.stringify({ unit_price: null }));

    // Assert
    expectProblem(response, 400, 'validation_error');
    expect(failures(response)).toEqual(['unit_price: invalid_type']);
    expect((await api.get(itemUrl(item.id))).data).toEqual(item);
  });

  test('when PATCH takes the SKU of another item in another case, then 409 sku_taken; changing the case of its own SKU is fine', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const taken = await postItem(api, { sku: uniqueSku('taken') });
    const item = await postItem(api, { sku: uniqueSku('mine') });

    // Act
    const conflict = await api.patch(itemUrl(item.id), { sku: taken.sku.toUpperCase() });
    const recased = await api.patch(itemUrl(item.id), { sku: item.sku.toUpperCase() });

    // Assert
    expectProblem(conflict, 409, 'sku_taken');
    expect(failures(conflict)).toEqual(['sku: taken']);
    expect(recased.statusCode, recased.body).toBe(200);
    expect(recased.data.sku).toBe(item.sku.toUpperCase());
  });

  test('when a staff user changes or deletes an item, then 403 admin_only and the item is unchanged', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const { api: staff } = await signIn(t, 'staff');
    const item = await postItem(admin);

    // Act
    const patched = await staff.patch(itemUrl(item.id), { unit_price: '1.00' });
    const archived = await staff.patch(itemUrl(item.id), { active: false });
    const put = await staff.put(itemUrl(item.id), { ...item, name: 'Mine now' });
    const deleted = await staff.delete(itemUrl(item.id));

    // Assert
    for (const response of [patched, archived, put, deleted]) expectProblem(response, 403, 'admin_only');
    expect((await admin.get(itemUrl(item.id))).data).toEqual(item);
  });

  test('when GET sends If-None-Match with the current ETag, then 304; after a change, then 200 with a new ETag', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);
    const first = await api.get(itemUrl(item.id));
    const etag = String(first.headers.etag);

    // Act
    const unchanged = await api.get(itemUrl(item.id), { headers: { 'if-none-match': etag } });
    await api.patch(itemUrl(item.id), { name: 'Renamed' });
    const changed = await api.get(itemUrl(item.id), { headers: { 'if-none-match': etag } });

    // Assert
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.data.name).toBe('Renamed');
  });

  test('when If-Match names an older version, then 412 and nothing changes; with the current one, then 200', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);
    const before = String((await api.get(itemUrl(item.id))).headers.etag);
    const moved = await api.patch(itemUrl(item.id), { unit_price: '300.00' });

    // Act
    const stale = await api.patch(
      itemUrl(item.id),
      { unit_price: '1.00' },
      { headers: { 'if-match': before } },
    );
    const fresh = await api.patch(
      itemUrl(item.id),
      { unit_price: '2.00' },
      { headers: { 'if-match': String(moved.headers.etag) } },
    );

    // Assert
    expectProblem(stale, 412, 'precondition_failed');
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.data.unit_price).toBe('2.00');
  });
});

describe('archiving', () => {
  test('when an item is archived, then lists hide it unless active=false or active=all, and it is still readable by id', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const { api } = await signIn(t, 'staff');
    const word = uniqueWord();
    const kept = await postItem(admin, { name: `Kept ${word}` });
    const old = await postItem(admin, { name: `Old ${word}` });

    // Act
    const archived = await admin.patch(itemUrl(old.id), { active: false });
    const byDefault = await listOf(api, word);
    const onlyActive = await listOf(api, word, '&active=true');
    const onlyArchived = await listOf(api, word, '&active=false');
    const all = await listOf(api, word, '&active=all');
    const read = await api.get(itemUrl(old.id));

    // Assert
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.data.active).toBe(false);
    expect(ids(byDefault)).toEqual([kept.id]);
    expect(ids(onlyActive)).toEqual([kept.id]);
    expect(ids(onlyArchived)).toEqual([old.id]);
    expect(ids(all)).toEqual([kept.id, old.id]);
    expect(read.statusCode).toBe(200);
    expect(read.data.active).toBe(false);
  });

  test.each([['active=yes'], ['active=1'], ['active=']])(
    'when the list asks for %s, then 400 naming active',
    async (query) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(`${ITEMS}?${query}`);

      // Assert
      expectProblem(response, 400, 'validation_error');
      expect(failures(response)).toEqual([`active: invalid_choice`]);
    },
  );
});

describe('GET /api/v1/items/', () => {
  test('when listing without ordering, then items come by name, then id', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const cherry = await postItem(api, { name: `${word} Cherry` });
    const apple = await postItem(api, { name: `${word} Apple` });
    const apple2 = await postItem(api, { name: `${word} Apple` });
    const banana = await postItem(api, { name: `${word} Banana` });

    // Act
    const response = await listOf(api, word);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(ids(response)).toEqual([apple.id, apple2.id, banana.id, cherry.id]);
  });

  test('when ordering by -unit_price, by sku or by -created_at, then rows come in that order', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const b = await postItem(api, { name: `${word} one`, sku: `B-${word}`, unit_price: '5.00' });
    await sleep(5);
    const c = await postItem(api, { name: `${word} two`, sku: `C-${word}`, unit_price: '50.00' });
    await sleep(5);
    const a = await postItem(api, { name: `${word} three`, sku: `A-${word}`, unit_price: '9.99' });

    // Act
    const byPrice = await listOf(api, word, '&ordering=-unit_price');
    const bySku = await listOf(api, word, '&ordering=sku');
    const newest = await listOf(api, word, '&ordering=-created_at');

    // Assert
    expect(ids(byPrice)).toEqual([c.id, a.id, b.id]);
    expect(ids(bySku)).toEqual([a.id, b.id, c.id]);
    expect(ids(newest)).toEqual([a.id, c.id, b.id]);
  });

  test.each([['owner'], ['-price'], ['name,nope'], ['name desc']])(
    'when ordering by %j, then 400 naming ordering',
    async (ordering) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(`${ITEMS}?ordering=${encodeURIComponent(ordering)}`);

      // Assert
      expectProblem(response, 400, 'validation_error');
      expect(failures(response).map((failure) => failure.split(':')[0])).toEqual(['ordering']);
    },
  );

  test('when searching, then the SKU or the name matches case-insensitively, and % and _ match literally', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const bySku = await postItem(api, { sku: `QZ_${word}`, name: 'Plain' });
    const byName = await postItem(api, { name: `Flour ${word.toUpperCase()} 100% maize` });
    await postItem(api, { sku: `QZX${word}`, name: 'Other' });

    // Act
    const sku = await api.get(`${ITEMS}?search=${encodeURIComponent(`qz_${word}`)}`);
    const name = await api.get(`${ITEMS}?search=${encodeURIComponent(`${word} 100%`)}`);
    const none = await api.get(`${ITEMS}?search=${encodeURIComponent(`${word}%%`)}`);

    // Assert
    expect(ids(sku)).toEqual([bySku.id]);
    expect(ids(name)).toEqual([byName.id]);
    expect(none.data).toMatchObject({ count: 0, results: [] });
  });

  test('when paging, then count, absolute next and previous links keep the filters', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const created = [];
    for (const letter of ['a', 'b', 'c']) created.push(await postItem(api, { name: `${word} ${letter}` }));

    // Act
    const first = await listOf(api, word, '&limit=2');
    const next = new URL(first.data.next);
    const second = await api.get(next.pathname + next.search);

    // Assert
    expect(first.data.count).toBe(3);
    expect(ids(first)).toEqual([created[0].id, created[1].id]);
    expect(next.searchParams.get('search')).toBe(word);
    expect(ids(second)).toEqual([created[2].id]);
    expect(second.data.next).toBeNull();
  });

  test('when a list is read again unchanged, then 304 with If-None-Match; after a change, then 200', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const word = uniqueWord();
    const item = await postItem(api, { name: `${word} x` });
    const first = await listOf(api, word);
    const etag = String(first.headers.etag);

    // Act
    const unchanged = await api.get(`${ITEMS}?search=${word}`, { headers: { 'if-none-match': etag } });
    await api.patch(itemUrl(item.id), { unit_price: '1.00' });
    const changed = await api.get(`${ITEMS}?search=${word}`, { headers: { 'if-none-match': etag } });

    // Assert
    expect(unchanged.statusCode).toBe(304);
    expect(changed.statusCode).toBe(200);
  });
});

describe('DELETE /api/v1/items/{id}/', () => {
  test('when an admin deletes an item no order names, then 204 with no body, then 404', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);

    // Act
    const response = await api.delete(itemUrl(item.id));
    const after = await api.get(itemUrl(item.id));
    const again = await api.delete(itemUrl(item.id));

    // Assert
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    expectProblem(after, 404, 'not_found');
    expectProblem(again, 404, 'not_found');
  });

  test('when orders of any user name the item, then 409 item_in_use with their count, and it can be archived instead', async () => {
    // Arrange
    const { api: admin } = await signIn(t, 'admin');
    const item = await postItem(admin);
    for (const _user of [1, 2]) {
      const { api } = await signIn(t, 'staff');
      const customer = await postCustomer(api);
      await postOrder(api, customer.id, { item: undefined, price_per_unit: undefined, item_id: item.id });
    }

    // Act
    const response = await admin.delete(itemUrl(item.id));
    const archived = await admin.patch(itemUrl(item.id), { active: false });

    // Assert
    expectProblem(response, 409, 'item_in_use');
    expect(response.data.details).toEqual({ order_count: 2 });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await admin.get(itemUrl(item.id))).data).toMatchObject({ id: item.id, active: false });
  });

  test('when If-Match names an older version, then 412 and the item stays; with the current one, then 204', async () => {
    // Arrange
    const { api } = await signIn(t, 'admin');
    const item = await postItem(api);
    const before = String((await api.get(itemUrl(item.id))).headers.etag);
    const moved = await api.patch(itemUrl(item.id), { name: 'Renamed' });

    // Act
    const stale = await api.delete(itemUrl(item.id), { headers: { 'if-match': before } });
    const fresh = await api.delete(itemUrl(item.id), { headers: { 'if-match': String(moved.headers.etag) } });

    // Assert
    expectProblem(stale, 412, 'precondition_failed');
    expect(fresh.statusCode, fresh.body).toBe(204);
  });
});
