import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CUSTOMERS, customerUrl, ids, postCustomer, signIn } from '../helpers/api.js';
import { useTestApp } from '../helpers/app.js';
import { onRealPostgres } from '../helpers/db.js';
import { customerBody } from '../helpers/factories.js';

const t = useTestApp();

/** A name no other test uses, so a search finds only this test's rows. */
const uniqueName = () => `N${randomUUID().replace(/-/g, '').slice(0, 20)}`;

describe('customers of another staff user', () => {
  test('when B reads, replaces, patches or deletes A’s customer, then 404 exactly as for a missing id, and it stays unchanged', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const owned = await postCustomer(a.api);
    const missing = await b.api.get(customerUrl(2_000_000_000));

    // Act
    const responses = [
      await b.api.get(customerUrl(owned.id)),
      await b.api.put(customerUrl(owned.id), customerBody({ code: 'HIJAK' })),
      await b.api.put(customerUrl(owned.id), { ...owned, first_name: 'Hijacked' }),
      await b.api.patch(customerUrl(owned.id), { first_name: 'Hijacked' }),
      await b.api.patch(customerUrl(owned.id), { owner: b.user.id }),
      await b.api.delete(customerUrl(owned.id)),
    ];

    // Assert
    for (const response of responses) {
      expect(response.statusCode, `${response.raw.req.method} ${response.body}`).toBe(404);
      expect(response.data.error).toBe('not_found');
      expect(response.data.detail).toBe(`Customer ${owned.id} was not found.`);
      expect(response.data.title).toBe(missing.data.title);
    }
    expect((await a.api.get(customerUrl(owned.id))).data).toEqual(owned);
  });

  test('when B lists, filters by A’s code or searches A’s name, then A’s customers never appear', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const name = uniqueName();
    const aCustomer = await postCustomer(a.api, {
      first_name: name,
      code: 'OWN01',
      phone: '+254 711 222 333',
    });
    const bCustomer = await postCustomer(b.api, { code: 'OWN02' });

    // Act
    const list = await b.api.get(`${CUSTOMERS}?limit=100`);
    const byCode = await b.api.get(`${CUSTOMERS}?code=own01`);
    const byName = await b.api.get(`${CUSTOMERS}?search=${name}`);
    const byCodeSearch = await b.api.get(`${CUSTOMERS}?search=OWN0`);
    const byPhone = await b.api.get(`${CUSTOMERS}?search=711222333`);
    const byOwner = await b.api.get(`${CUSTOMERS}?owner=${a.user.id}`);

    // Assert
    expect(ids(list)).toEqual([bCustomer.id]);
    expect(list.data.count).toBe(1);
    expect(byCode.data).toMatchObject({ count: 0, results: [] });
    expect(byName.data).toMatchObject({ count: 0, results: [] });
    expect(ids(byCodeSearch)).toEqual([bCustomer.id]);
    expect(byPhone.data).toMatchObject({ count: 0, results: [] });
    expect(byOwner.data).toMatchObject({ count: 0, results: [] });
    expect(ids(await a.api.get(`${CUSTOMERS}?search=${name}`))).toEqual([aCustomer.id]);
  });

  test('when B and A hold the same code, then B’s code filter returns only B’s customer', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    await postCustomer(a.api, { code: 'TWIN1' });
    const mine = await postCustomer(b.api, { code: 'TWIN1' });

    // Act
    const response = await b.api.get(`${CUSTOMERS}?code=TWIN1`);

    // Assert
    expect(response.data.count).toBe(1);
    expect(response.data.results).toEqual([mine]);
  });

  test('when B tries to set owner on B’s own customer, then 400 read_only_field and the owner stays B', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const mine = await postCustomer(b.api);

    // Act
    const patched = await b.api.patch(customerUrl(mine.id), { owner: a.user.id });
    const put = await b.api.put(customerUrl(mine.id), { ...mine, owner: a.user.id });

    // Assert
    for (const response of [patched, put]) {
      expect(response.statusCode).toBe(400);
      expect(response.data.error).toBe('read_only_field');
      expect(response.data.details).toEqual([expect.objectContaining({ field: 'owner', code: 'read_only' })]);
    }
    expect((await b.api.get(customerUrl(mine.id))).data.owner).toBe(b.user.id);
    expect(ids(await a.api.get(`${CUSTOMERS}?limit=100`))).not.toContain(mine.id);
  });
});

describe('customers seen by an admin', () => {
  test('when an admin lists, then both users’ customers appear, and owner filters them by user', async () => {
    // Arrange
    const a = await signIn(t);
    const b = await signIn(t);
    const admin = await signIn(t, 'admin');
    const name = uniqueName();
    const aCustomer = await postCustomer(a.api, { first_name: name });
    const bCustomer = await postCustomer(b.api, { first_name: name });

    // Act
    const all = await admin.api.get(`${CUSTOMERS}?search=${name}`);
    const onlyA = await admin.api.get(`${CUSTOMERS}?search=${name}&owner=${a.user.id}`);
    const onlyB = await admin.api.get(`${CUSTOMERS}?owner=${b.user.id}`);

    // Assert
    expect(ids(all).sort()).toEqual([aCustomer.id, bCustomer.id].sort());
    expect(ids(onlyA)).toEqual([aCustomer.id]);
    expect(ids(onlyB)).toEqual([bCustomer.id]);
    expect(onlyB.data.results[0].owner).toBe(b.user.id);
  });

  test('when an admin reads and changes a staff user’s customer, then it works and the owner is kept', async () => {
    // Arrange
    const a = await signIn(t);
    const admin = await signIn(t, 'admin');
    const owned = await postCustomer(a.api);

    // Act
    const read = await admin.api.get(customerUrl(owned.id));
    const patched = await admin.api.patch(customerUrl(owned.id), { first_name: 'Edited' });

    // Assert
    expect(read.statusCode).toBe(200);
    expect(read.data).toEqual(owned);
    expect(patched.statusCode).toBe(200);
    expect(patched.data.owner).toBe(a.user.id);
    expect((await a.api.get(customerUrl(owned.id))).data.first_name).toBe('Edited');
  });

  test('when an admin creates a customer, then the admin owns it and a staff user cannot see it', async () => {
    // Arrange
    const a = await signIn(t);
    const admin = await signIn(t, 'admin');

    // Act
    const created = await postCustomer(admin.api);
    const asStaff = await a.api.get(customerUrl(created.id));

    // Assert
    expect(created.owner).toBe(admin.user.id);
    expect(asStaff.statusCode).toBe(404);
  });
});

describe(`concurrent creates (${onRealPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  test('when 10 requests create the same code for one user at once, then exactly one 201 and nine 409 conflict', async () => {
    // Arrange
    const a = await signIn(t);
    const bodies = Array.from({ length: 10 }, () => customerBody({ code: 'RACE1' }));

    // Act
    const responses = await Promise.all(bodies.map((body) => a.api.post(CUSTOMERS, body)));

    // Assert
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409)) {
      expect(response.data.error).toBe('conflict');
    }
    const list = await a.api.get(`${CUSTOMERS}?code=RACE1`);
    expect(list.data.count).toBe(1);
  });

  test('when two users create the same code at once, then both succeed', async () => {
    // Arrange
    const users = await Promise.all([signIn(t), signIn(t), signIn(t)]);

    // Act
    const responses = await Promise.all(
      users.map(({ api }) => api.post(CUSTOMERS, customerBody({ code: 'RACE2' }))),
    );

    // Assert
    expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201]);
  });
});
