import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Readiness } from '../../src/http/probes.js';
import { signIn } from '../helpers/api.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

/** Every log line the app writes, parsed. */
function logLines() {
  const lines: { level: number; msg: string; route?: string }[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('the probes', () => {
  let t: TestApp;
  let readiness: Readiness;
  const log = logLines();
  beforeAll(async () => {
    t = await buildTestApp(
      { RATE_LIMIT_PER_MINUTE: '2' },
      {
        log: log.stream,
        readiness: (db) => {
          readiness = new Readiness(db, { connected: true });
          return readiness;
        },
      },
    );
  });
  afterAll(() => t?.close());

  test('when the process runs and the database is migrated, then /livez and /readyz answer 200 without a token', async () => {
    // Act
    const live = await t.app.inject({ url: '/livez' });
    const ready = await t.app.inject({ url: '/readyz' });

    // Assert
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'alive' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect(ready.headers['cache-control']).toBe('no-store');
  });

  test('when a probe is called more often than the rate limit allows, then it is neither refused nor counted', async () => {
    // Act
    const answers = [];
    for (let i = 0; i < 3; i++) {
      for (const url of ['/livez', '/readyz', '/api/v1/health/']) answers.push(await t.app.inject({ url }));
    }

    // Assert
    expect(answers.map((answer) => answer.statusCode)).toEqual(Array(9).fill(200));
    for (const answer of answers) expect(answer.headers.ratelimit).toBeUndefined();
    const counted = await t.app.inject({ url: '/api/v2/' });
    expect(counted.headers.ratelimit).toMatch(/;r=1;/);
  });

  test('when the probes are called, then they are not logged at info, while an API request is', async () => {
    // Arrange
    const before = log.lines.length;

    // Act
    await t.app.inject({ url: '/livez' });
    await t.app.inject({ url: '/readyz' });
    await t.app.inject({ url: '/api/v1/health/' });
    await t.app.inject({ url: '/api/v1/' });

    // Assert
    const routes = log.lines.slice(before).flatMap((line) => (line.route ? [line.route] : []));
    expect(routes).toEqual(['/api/v1']);
  });

  test('when the API documents are read, then neither probe is in them, and /api/v1/health/ still is', async () => {
    // Act
    const documents = await Promise.all(
      ['docs/openapi.json', 'docs/openapi.v2.json'].map(async (path) => await readFile(path, 'utf8')),
    );

    // Assert
    for (const document of documents) expect(document).not.toMatch(/livez|readyz/);
    expect(Object.keys(JSON.parse(documents[0] ?? '{}').paths)).toContain('/api/v1/health/');
  });

  test('when the migrations applied lag behind the committed journal, then /readyz answers 503 naming them', async () => {
    // Arrange: forget the newest migration, as on a database that an older version migrated.
    const [newest] = (
      (await t.deps.database.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations) returning id, hash, created_at`,
      )) as unknown as { rows: { id: number; hash: string; created_at: string }[] }
    ).rows;
    try {
      // Act
      const ready = await t.app.inject({ url: '/readyz' });

      // Assert
      expect(ready.statusCode).toBe(503);
      expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(ready.headers['retry-after']).toMatch(/^\d+$/);
      expect(ready.json()).toMatchObject({ error: 'service_unavailable', status: 503 });
      expect(Object.keys(ready.json().details)).toEqual(['migrations']);
      expect((await t.app.inject({ url: '/livez' })).statusCode).toBe(200);
    } finally {
      await t.deps.database.db.execute(
        sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest?.id}, ${newest?.hash}, ${newest?.created_at})`,
      );
    }
    expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  test('when the process drains, then /readyz answers 503 naming it, and every HTTP/1.1 response closes its connection', async () => {
    // Arrange
    const { user } = await signIn(t);
    readiness.draining = true;
    try {
      // Act
      const ready = await t.app.inject({ url: '/readyz' });
      const live = await t.app.inject({ url: '/livez' });
      const api = await t.app.inject({
        url: '/api/v2/me/',
        headers: { authorization: `Bearer ${user.token}` },
      });

      // Assert
      expect(ready.statusCode).toBe(503);
      expect(ready.json().details).toEqual({ draining: expect.any(String) });
      expect(ready.headers['retry-after']).toMatch(/^\d+$/);
      expect(live.statusCode).toBe(200);
      expect(api.statusCode, api.body).toBe(200);
      for (const answer of [ready, live, api]) expect(answer.headers.connection).toBe('close');
    } finally {
      readiness.draining = false;
    }
    expect((await t.app.inject({ url: '/livez' })).headers.connection).not.toBe('close');
  });
});

describe('an app whose database is not connected yet', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({}, { readiness: (db) => new Readiness(db, { connected: false }) });
  });
  afterAll(() => t?.close());

  test('when the API is called, then it answers 503 database_unavailable with Retry-After, and the probes say why', async () => {
    // Arrange
    const { user } = await signIn(t);

    // Act
    const v2 = await t.app.inject({
      url: '/api/v2/customers/',
      headers: { authorization: `Bearer ${user.token}` },
    });
    const v1 = await t.app.inject({ method: 'POST', url: '/api/v1/customers/', payload: {} });
    const ready = await t.app.inject({ url: '/readyz' });
    const live = await t.app.inject({ url: '/livez' });

    // Assert
    for (const answer of [v2, v1]) {
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['retry-after']).toMatch(/^\d+$/);
      expect(answer.json()).toMatchObject({
        error: 'database_unavailable',
        title: 'The database cannot be reached',
        status: 503,
      });
    }
    expect(ready.statusCode).toBe(503);
    expect(Object.keys(ready.json().details)).toEqual(['database']);
    expect(live.statusCode).toBe(200);
  });
});
