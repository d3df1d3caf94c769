import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import {
  CUSTOMERS,
  customerUrl,
  ids,
  mergePatch,
  ORDERS,
  postCustomer,
  postOrder,
  signIn,
} from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { customerBody } from '../helpers/factories.js';

const t = useTestApp();

/** Links compared as URLs, so `http://localhost:80/x` equals `http://localhost/x`. */
const link = (url: string | null) => (url === null ? null : new URL(url).href);

/** The field errors of a problem response, as `field → code`. */
const fieldCodes = (data: { details?: { field: string; code: string }[] }) =>
  Object.fromEntries((data.details ?? []).map((detail) => [detail.field, detail.code]));

describe('POST /api/v1/customers/', () => {
  test('when a valid customer is posted, then it is created with 201, an absolute Location and its fields', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    const body = customerBody({ first_name: 'Amina', second_name: 'Otieno', code: 'ab12c' });

    // Act
    const response = await api.post(CUSTOMERS, body);

    // Assert
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.data).toMatchObject({
      first_name: 'Amina',
      second_name: 'Otieno',
      code: 'AB12C',
      phone: body.phone,
      owner: user.id,
    });
    expect(response.data.id).toEqual(expect.any(Number));
    expect(response.data.url).toMatch(/^https?:\/\/[^/]+\/api\/v1\/customers\/\d+\/$/);
    expect(link(response.data.url)).toBe(`http://localhost${customerUrl(response.data.id)}`);
    expect(response.headers.location).toBe(response.data.url);
    expect(Date.parse(response.data.created_at)).not.toBeNaN();
    expect(response.data.updated_at).toBe(response.data.created_at);
  });

  test('when a customer is created, then GET on its Location returns the same representation', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.get(new URL(created.url).pathname);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data).toEqual(created);
  });

  test('when no code is sent, then a 5-character upper-case code is generated', async () => {
    // Arrange
    const { api } = await signIn(t);
    const body = customerBody();
    expect(body).not.toHaveProperty('code');

    // Act
    const first = await api.post(CUSTOMERS, body);
    const second = await api.post(CUSTOMERS, customerBody());

    // Assert
    expect(first.statusCode).toBe(201);
    expect(first.data.code).toMatch(/^[A-Z0-9]{5}$/);
    expect(second.data.code).toMatch(/^[A-Z0-9]{5}$/);
    expect(second.data.code).not.toBe(first.data.code);
  });

  test('when names have surrounding whitespace, then they are stored trimmed', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(
      CUSTOMERS,
      customerBody({ first_name: '  Amina ', second_name: '\u00a0Otieno\u2003' }),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data.first_name).toBe('Amina');
    expect(response.data.second_name).toBe('Otieno');
  });

  test.each([
    ['Zoë', 'Ångström'],
    ['Иван', 'Петров'],
    ['李', '小龙'],
    ['محمد', 'علي'],
    ['Wanjiru', "O'Brien-Kamau"],
  ])(
    'when the names are %s %s, then any script is accepted and read back unchanged',
    async (first, second) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const created = await api.post(CUSTOMERS, customerBody({ first_name: first, second_name: second }));
      const read = await api.get(customerUrl(created.data.id));

      // Assert
      expect(created.statusCode).toBe(201);
      expect(read.data.first_name).toBe(first);
      expect(read.data.second_name).toBe(second);
    },
  );

  test('when the phone has spaces and a country code, then it is stored in E.164 form', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ phone: '+254 712 345 678' }));

    // Assert
    expect(response.statusCode).toBe(201);
    expect(response.data.phone).toBe('+254712345678');
  });

  test('when the phone is a local number without a country code, then 400 missing_country_code', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ phone: '0712345678' }));

    // Assert
    expect(response.statusCode).toBe(400);
    expect(response.data.error).toBe('validation_error');
    expect(response.data.details).toEqual([
      { field: 'phone', code: 'missing_country_code', message: expect.stringMatching(/country code/) },
    ]);
  });

  test.each([
    ['phone', 'not a phone', 'invalid_phone'],
    ['phone', '+254 12', 'invalid_phone'],
    ['phone', '+999 712 345 678', 'invalid_phone'],
    ['phone', '++++', 'invalid_phone'],
    ['code', 'ABCD', 'invalid_format'],
    ['code', 'ABCDEF', 'invalid_format'],
    ['code', 'AB-12', 'invalid_format'],
    ['code', 'ÀBCDE', 'invalid_format'],
    ['code', 'AB 12', 'invalid_format'],
    ['code', '', 'invalid_format'],
    // A value of the wrong JSON type is refused, never coerced.
    ['first_name', 42, 'invalid_type'],
    ['second_name', null, 'invalid_type'],
    ['phone', ['+254712345678'], 'invalid_type'],
    ['code', 12345, 'invalid_type'],
    ['first_name', true, 'invalid_type'],
  ])('when %s is %j, then 400 %s on that field alone', async (field, value, code) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ [field]: value }));

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ [field]: code });
  });

  test.each([
    ['blank', { first_name: '   ' }, 'first_name'],
    ['51 characters', { second_name: 'a'.repeat(51) }, 'second_name'],
    ['51 characters of another script', { first_name: 'й'.repeat(51) }, 'first_name'],
    ['empty', { first_name: '' }, 'first_name'],
    ['containing a NUL byte', { first_name: 'Ami\u0000na' }, 'first_name'],
    ['containing a control character', { second_name: 'Oti\u001beno' }, 'second_name'],
    ['containing a newline', { first_name: 'Ami\nna' }, 'first_name'],
    ['containing DEL', { second_name: 'Oti\u007feno' }, 'second_name'],
  ])(
    'when a name is %s, then 400 names that field and nothing is stored',
    async (_case, overrides, field) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.post(CUSTOMERS, customerBody(overrides));
      const list = await api.get(CUSTOMERS);

      // Assert
      expect(response.statusCode).toBe(400);
      expect(response.data.error).toBe('validation_error');
      expect(response.data.details.map((d: { field: string }) => d.field)).toEqual([field]);
      expect(list.data.count).toBe(0);
    },
  );

  test.each([
    ['ASCII', 'a'.repeat(50)],
    ['Cyrillic', 'Ж'.repeat(50)],
    ['Han', '李'.repeat(50)],
    ['astral-plane Han', '𠀋'.repeat(50)],
  ])('when a name is exactly 50 %s characters, then it is accepted', async (_script, name) => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ first_name: name, second_name: name }));

    // Assert
    expect(response.statusCode, response.body).toBe(201);
    expect(response.data.first_name).toBe(name);
    expect(response.data.second_name).toBe(name);
  });

  test('when the same user reuses a code in any case, then 409 conflict and the first customer is unchanged', async () => {
    // Arrange
    const { api } = await signIn(t);
    const first = await postCustomer(api, { code: 'DUP01' });

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ code: 'dup01' }));

    // Assert
    expect(response.statusCode).toBe(409);
    expect(response.data.error).toBe('conflict');
    expect(fieldCodes(response.data)).toEqual({ code: 'taken' });
    const list = await api.get(`${CUSTOMERS}?code=DUP01`);
    expect(list.data.results).toEqual([first]);
  });

  test('when two different owners use the same code, then both are created', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);

    // Act
    const first = await a.api.post(CUSTOMERS, customerBody({ code: 'SAME1' }));
    const second = await b.api.post(CUSTOMERS, customerBody({ code: 'same1' }));

    // Assert
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.data.code).toBe('SAME1');
    expect(second.data.owner).toBe(b.user.id);
  });

  test('when an unknown field is sent, then 400 unknown_field instead of silently dropping it', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ nickname: 'Ami' }));

    // Assert
    expect(response.statusCode).toBe(400);
    expect(response.data.error).toBe('validation_error');
    expect(fieldCodes(response.data)).toEqual({ nickname: 'unknown_field' });
  });

  test('when read-only fields are sent on create, then 400 read_only_field for each', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    const other = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, customerBody({ owner: other.user.id, id: 123456 }));
    const sameOwner = await api.post(CUSTOMERS, customerBody({ owner: user.id }));
    const list = await api.get(CUSTOMERS);
    const othersList = await other.api.get(CUSTOMERS);

    // Assert
    expect(response.statusCode).toBe(400);
    expect(response.data.error).toBe('read_only_field');
    expect(fieldCodes(response.data)).toEqual({ owner: 'read_only', id: 'read_only' });
    expect(sameOwner.statusCode).toBe(400);
    expect(sameOwner.data.error).toBe('read_only_field');
    expect(list.data.count).toBe(0);
    expect(othersList.data.count).toBe(0);
  });

  test('when a required field is missing, then 400 required naming it', async () => {
    // Arrange
    const { api } = await signIn(t);
    const { second_name: _, ...body } = customerBody();

    // Act
    const response = await api.post(CUSTOMERS, body);

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ second_name: 'required' });
  });

  test('when several fields fail the schema, then every one is reported at once', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, {
      first_name: 7,
      second_name: 'x'.repeat(51),
      code: 'AB',
      extra: true,
    });

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({
      first_name: 'invalid_type',
      second_name: 'too_long',
      phone: 'required',
      code: 'invalid_format',
      extra: 'unknown_field',
    });
    for (const detail of response.data.details) expect(detail.message).toEqual(expect.any(String));
  });

  test('when several fields fail the business rules, then every one is reported at once', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.post(CUSTOMERS, {
      first_name: ' ',
      second_name: '\u00a0',
      phone: '0712345678',
    });

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({
      first_name: 'blank',
      second_name: 'blank',
      phone: 'missing_country_code',
    });
  });
});

test('when schema failures and business-rule failures come together, then one 400 lists them all', async () => {
  // Arrange
  const { api } = await signIn(t);

  // Act
  const response = await api.post(CUSTOMERS, { first_name: 42, second_name: '   ', phone: '0712345678' });

  // Assert
  expect(response.statusCode).toBe(400);
  expect(fieldCodes(response.data)).toEqual({
    first_name: 'invalid_type',
    second_name: 'blank',
    phone: 'missing_country_code',
  });
});

describe('GET, PUT, PATCH /api/v1/customers/{id}/', () => {
  test('when a missing id is requested, then 404 not_found', async () => {
    // Arrange
    const { api } = await signIn(t);

    // Act
    const response = await api.get(customerUrl(987654321));

    // Assert
    expect(response.statusCode).toBe(404);
    expect(response.data.error).toBe('not_found');
  });

  test.each([['abc'], ['0'], ['-1'], ['1.5'], ['99999999999999999999']])(
    'when the id is %j, then 400 on id',
    async (id) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(`${CUSTOMERS}${id}/`);

      // Assert
      expect(response.statusCode).toBe(400);
      expect(response.data.details.map((d: { field: string }) => d.field)).toEqual(['id']);
    },
  );

  test('when PUT sends every writable field, then all are replaced and normalised', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    const created = await postCustomer(api, { code: 'PUT01' });

    // Act
    const response = await api.put(customerUrl(created.id), {
      first_name: ' Baraka ',
      second_name: 'Mwangi',
      phone: '+254 733 000 111',
      code: 'put02',
    });
    const read = await api.get(customerUrl(created.id));

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data).toMatchObject({
      id: created.id,
      first_name: 'Baraka',
      second_name: 'Mwangi',
      phone: '+254733000111',
      code: 'PUT02',
      owner: user.id,
      created_at: created.created_at,
    });
    expect(Date.parse(response.data.updated_at)).toBeGreaterThanOrEqual(Date.parse(created.updated_at));
    expect(read.data).toEqual(response.data);
  });

  test('when PUT leaves out a writable field, then 400 required and nothing changes', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.put(customerUrl(created.id), { first_name: 'Only', second_name: 'Names' });
    const read = await api.get(customerUrl(created.id));

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ phone: 'required', code: 'required' });
    expect(read.data).toEqual(created);
  });

  test('when PUT sends back exactly what GET returned, then 200 and the customer is unchanged', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);
    const current = (await api.get(customerUrl(created.id))).data;
    await sleep(5); // so that a bumped updated_at would differ

    // Act
    const response = await api.put(customerUrl(created.id), current);

    // Assert: a no-op keeps updated_at too, so clients comparing it see no change
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toEqual(current);
  });

  test.each([
    ['owner', 999_999],
    ['id', 999_999],
    ['created_at', '2000-01-01T00:00:00.000Z'],
    ['updated_at', '2000-01-01T00:00:00.000Z'],
    ['url', 'http://localhost:80/api/v1/customers/999999/'],
  ])(
    'when PUT changes the read-only %s, then 400 read_only_field and nothing changes',
    async (field, value) => {
      // Arrange
      const { api } = await signIn(t);
      const created = await postCustomer(api);
      const current = (await api.get(customerUrl(created.id))).data;

      // Act
      const response = await api.put(customerUrl(created.id), {
        ...current,
        first_name: 'Changed',
        [field]: value,
      });
      const read = await api.get(customerUrl(created.id));

      // Assert
      expect(response.statusCode).toBe(400);
      expect(response.data.error).toBe('read_only_field');
      expect(fieldCodes(response.data)).toEqual({ [field]: 'read_only' });
      expect(read.data).toEqual(created);
    },
  );

  test('when PATCH sends one field as application/json, then only that field changes', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.patch(customerUrl(created.id), { second_name: '  Kamau ' });

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data).toMatchObject({
      first_name: created.first_name,
      second_name: 'Kamau',
      phone: created.phone,
      code: created.code,
    });
    expect((await api.get(customerUrl(created.id))).data.second_name).toBe('Kamau');
  });

  test('when PATCH is sent as application/merge-patch+json, then it is applied', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await mergePatch(
      api,
      customerUrl(created.id),
      JSON.stringify({ phone: '+254 700 111 222', code: 'mp001' }),
    );

    // Assert
    expect(response.statusCode, response.body).toBe(200);
    expect(response.data).toMatchObject({
      phone: '+254700111222',
      code: 'MP001',
      first_name: created.first_name,
    });
  });

  test('when PATCH sets a required field to null, then 400 and the field is kept', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await mergePatch(api, customerUrl(created.id), JSON.stringify({ second_name: null }));

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ second_name: 'invalid_type' });
    expect((await api.get(customerUrl(created.id))).data.second_name).toBe(created.second_name);
  });

  test('when PATCH sends an invalid value, then 400 and nothing changes', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.patch(customerUrl(created.id), { first_name: 'Valid', phone: '0712345678' });

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ phone: 'missing_country_code' });
    expect((await api.get(customerUrl(created.id))).data).toEqual(created);
  });

  test('when PATCH echoes read-only fields unchanged, then 200; changing owner is 400 read_only_field', async () => {
    // Arrange
    const { user, api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const echoed = await api.patch(customerUrl(created.id), {
      owner: user.id,
      id: created.id,
      first_name: 'Neema',
    });
    const changed = await api.patch(customerUrl(created.id), { owner: user.id + 1 });

    // Assert
    expect(echoed.statusCode).toBe(200);
    expect(echoed.data.first_name).toBe('Neema');
    expect(changed.statusCode).toBe(400);
    expect(changed.data.error).toBe('read_only_field');
    expect((await api.get(customerUrl(created.id))).data.owner).toBe(user.id);
  });

  test('when PATCH or PUT takes a code another own customer has, then 409 conflict', async () => {
    // Arrange
    const { api } = await signIn(t);
    await postCustomer(api, { code: 'TAKEN' });
    const other = await postCustomer(api, { code: 'FREE1' });

    // Act
    const patched = await api.patch(customerUrl(other.id), { code: 'taken' });
    const put = await api.put(customerUrl(other.id), {
      first_name: 'X',
      second_name: 'Y',
      phone: other.phone,
      code: 'TAKEN',
    });

    // Assert
    expect(patched.statusCode).toBe(409);
    expect(patched.data.error).toBe('conflict');
    expect(put.statusCode).toBe(409);
    expect((await api.get(customerUrl(other.id))).data).toEqual(other);
  });

  test('when PATCH sends an unknown field, then 400 unknown_field', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.patch(customerUrl(created.id), { email: 'a@example.test' });

    // Assert
    expect(response.statusCode).toBe(400);
    expect(fieldCodes(response.data)).toEqual({ email: 'unknown_field' });
  });
});

describe('DELETE /api/v1/customers/{id}/', () => {
  test('when a customer without orders is deleted, then 204 with no body and then 404', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);

    // Act
    const response = await api.delete(customerUrl(created.id));
    const after = await api.get(customerUrl(created.id));
    const again = await api.delete(customerUrl(created.id));

    // Assert
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(after.statusCode).toBe(404);
    expect(again.statusCode).toBe(404);
  });

  test('when a customer has orders, then 409 customer_has_orders with the count and nothing is deleted', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = await postCustomer(api);
    for (let i = 0; i < 2; i++) await postOrder(api, created.id);

    // Act
    const response = await api.delete(customerUrl(created.id));

    // Assert
    expect(response.statusCode).toBe(409);
    expect(response.data.error).toBe('customer_has_orders');
    expect(response.data.details).toEqual({ order_count: 2 });
    expect((await api.get(customerUrl(created.id))).data).toEqual(created);
    const orders = await api.get(`${ORDERS}?customer=${created.id}`);
    expect(orders.data.count).toBe(2);
  });
});

describe('GET /api/v1/customers/', () => {
  test('when listing, then the DRF shape with absolute next/previous links pages through everything', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await postCustomer(api));

    // Act
    const first = await api.get(`${CUSTOMERS}?limit=2`);
    const second = await api.get(new URL(first.data.next).pathname + new URL(first.data.next).search);
    const last = await api.get(`${CUSTOMERS}?limit=2&offset=4`);

    // Assert
    expect(Object.keys(first.data).sort()).toEqual(['count', 'next', 'previous', 'results']);
    expect(first.data.count).toBe(5);
    expect(first.data.previous).toBeNull();
    expect(link(first.data.next)).toBe('http://localhost/api/v1/customers/?limit=2&offset=2');
    expect(ids(first)).toEqual([created[0].id, created[1].id]);
    expect(ids(second)).toEqual([created[2].id, created[3].id]);
    expect(link(second.data.previous)).toBe('http://localhost/api/v1/customers/?limit=2');
    expect(last.data.results).toEqual([created[4]]);
    expect(last.data.next).toBeNull();
    expect(link(last.data.previous)).toBe('http://localhost/api/v1/customers/?limit=2&offset=2');
  });

  test('when no limit is given, then pages hold 10 results', async () => {
    // Arrange
    const { api } = await signIn(t);
    for (let i = 0; i < 11; i++) await postCustomer(api);

    // Act
    const response = await api.get(CUSTOMERS);

    // Assert
    expect(response.data.count).toBe(11);
    expect(response.data.results).toHaveLength(10);
    expect(link(response.data.next)).toBe('http://localhost/api/v1/customers/?limit=10&offset=10');
  });

  test('when an offset is past the end, then results are empty and count is still right', async () => {
    // Arrange
    const { api } = await signIn(t);
    await postCustomer(api);

    // Act
    const response = await api.get(`${CUSTOMERS}?offset=50`);

    // Assert
    expect(response.statusCode).toBe(200);
    expect(response.data.count).toBe(1);
    expect(response.data.results).toEqual([]);
    expect(response.data.next).toBeNull();
  });

  test.each([['limit=101'], ['limit=0'], ['limit=abc'], ['offset=-1'], ['unknown=1']])(
    'when the query has %s, then 400',
    async (query) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(`${CUSTOMERS}?${query}`);

      // Assert
      expect(response.statusCode).toBe(400);
      expect(response.data.error).toBe('validation_error');
      expect(response.data.details[0].field).toBe(query.split('=')[0]);
    },
  );

  test('when filtering by code in lower case, then the one matching customer is found', async () => {
    // Arrange
    const { api } = await signIn(t);
    const wanted = await postCustomer(api, { code: 'FLT01' });
    await postCustomer(api, { code: 'FLT02' });

    // Act
    const response = await api.get(`${CUSTOMERS}?code=flt01`);

    // Assert
    expect(response.data.count).toBe(1);
    expect(response.data.results).toEqual([wanted]);
  });

  test('when searching, then names, code and phone match case-insensitively', async () => {
    // Arrange
    const { api } = await signIn(t);
    const byFirst = await postCustomer(api, { first_name: 'Wairimu', second_name: 'Njeri' });
    const bySecond = await postCustomer(api, { first_name: 'Juma', second_name: 'Kiprotich' });
    const byCode = await postCustomer(api, { first_name: 'Ali', second_name: 'Hassan', code: 'QZ7K2' });
    const byPhone = await postCustomer(api, {
      first_name: 'Ali',
      second_name: 'Omar',
      phone: '+254 799 123 456',
    });

    // Act
    const first = await api.get(`${CUSTOMERS}?search=AIRIM`);
    const second = await api.get(`${CUSTOMERS}?search=protich`);
    const code = await api.get(`${CUSTOMERS}?search=z7k`);
    const phone = await api.get(`${CUSTOMERS}?search=799123`);
    const none = await api.get(`${CUSTOMERS}?search=nobody-here`);

    // Assert
    expect(ids(first)).toEqual([byFirst.id]);
    expect(ids(second)).toEqual([bySecond.id]);
    expect(ids(code)).toEqual([byCode.id]);
    expect(ids(phone)).toEqual([byPhone.id]);
    expect(none.data).toMatchObject({ count: 0, results: [] });
  });

  test('when the search contains % or _, then they match literally, not as wildcards', async () => {
    // Arrange
    const { api } = await signIn(t);
    const percent = await postCustomer(api, { first_name: 'Pure100%Co' });
    await postCustomer(api, { first_name: 'Pure100XCo' });
    const underscore = await postCustomer(api, { second_name: 'Mc_Neil' });
    await postCustomer(api, { second_name: 'McXNeil' });

    // Act
    const byPercent = await api.get(`${CUSTOMERS}?search=${encodeURIComponent('100%C')}`);
    const byUnderscore = await api.get(`${CUSTOMERS}?search=${encodeURIComponent('c_N')}`);
    const onlyPercent = await api.get(`${CUSTOMERS}?search=${encodeURIComponent('%')}`);

    // Assert
    expect(ids(byPercent)).toEqual([percent.id]);
    expect(ids(byUnderscore)).toEqual([underscore.id]);
    expect(ids(onlyPercent)).toEqual([percent.id]);
  });

  test('when ordering by first_name, then results are sorted by it', async () => {
    // Arrange
    const { api } = await signIn(t);
    const carol = await postCustomer(api, { first_name: 'Carol' });
    const alice = await postCustomer(api, { first_name: 'Alice' });
    const bob = await postCustomer(api, { first_name: 'Bob' });

    // Act
    const ascending = await api.get(`${CUSTOMERS}?ordering=first_name`);
    const descending = await api.get(`${CUSTOMERS}?ordering=-first_name`);

    // Assert
    expect(ids(ascending)).toEqual([alice.id, bob.id, carol.id]);
    expect(ids(descending)).toEqual([carol.id, bob.id, alice.id]);
  });

  test('when ordering by -created_at, then the newest comes first', async () => {
    // Arrange
    const { api } = await signIn(t);
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await postCustomer(api));
      await sleep(5);
    }

    // Act
    const response = await api.get(`${CUSTOMERS}?ordering=-created_at`);

    // Assert
    expect(ids(response)).toEqual(created.map((c) => c.id).reverse());
  });

  test.each([['password'], ['-owner_id'], ['first_name,nope'], ['first name']])(
    'when ordering by %j, then 400 on ordering',
    async (ordering) => {
      // Arrange
      const { api } = await signIn(t);

      // Act
      const response = await api.get(`${CUSTOMERS}?ordering=${encodeURIComponent(ordering)}`);

      // Assert
      expect(response.statusCode).toBe(400);
      expect(response.data.details.map((d: { field: string }) => d.field)).toEqual(['ordering']);
    },
  );
});
