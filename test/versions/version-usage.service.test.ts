import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { v2Successor } from '../../src/http/lifecycle.js';
import { listUsage } from '../../src/versions/version-usage.repository.js';
import { VersionUsage } from '../../src/versions/version-usage.service.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

describe('the count of calls', () => {
  test('when a write fails, then its counts are kept and added to the next one', async () => {
    // Arrange
    const { db } = t.deps.database;
    const errors: unknown[] = [];
    const usage = new VersionUsage(db, { onError: (error) => errors.push(error) });
    const call = { version: 'v1', caller: 'ip:192.0.2.1', userId: null, path: '/api/v1/' };
    usage.record({ ...call, at: new Date('2026-04-01T10:00:00Z') });
    await db.execute(sql`alter table api_version_usage rename to api_version_usage_away`);
    try {
      await usage.flush();
    } finally {
      await db.execute(sql`alter table api_version_usage_away rename to api_version_usage`);
    }
    usage.record({ ...call, path: '/api/v1/health/', at: new Date('2026-04-01T10:05:00Z') });

    // Act
    await usage.close();

    // Assert
    expect(errors).toHaveLength(1);
    const rows = await listUsage(db, { since: '2026-04-01' }, 1000);
    expect(rows.filter((row) => row.caller === call.caller)).toMatchObject([
      { day: '2026-04-01', requests: 2, lastPath: '/api/v1/health/', userId: null },
    ]);
  });

  test('when an older count arrives after a newer one, then the last path stays the newest', async () => {
    // Arrange
    const { db } = t.deps.database;
    const newer = new VersionUsage(db, { onError: (error) => expect.fail(String(error)) });
    const older = new VersionUsage(db, { onError: (error) => expect.fail(String(error)) });
    const call = { version: 'v1', caller: 'ip:192.0.2.2', userId: null };
    newer.record({ ...call, path: '/api/v1/orders/', at: new Date('2026-04-01T11:00:00Z') });
    older.record({ ...call, path: '/api/v1/customers/', at: new Date('2026-04-01T10:00:00Z') });

    // Act
    await newer.close();
    await older.close();

    // Assert
    const rows = await listUsage(db, { since: '2026-04-01', version: 'v1' }, 1000);
    expect(rows.filter((row) => row.caller === call.caller)).toMatchObject([
      { requests: 2, lastPath: '/api/v1/orders/', lastSeenAt: new Date('2026-04-01T11:00:00Z') },
    ]);
  });
});

describe('the v2 successor of a v1 path', () => {
  test.each([
    ['', '/api/v2/'],
    ['/', '/api/v2/'],
    ['/me/', '/api/v2/me/'],
    ['/me', '/api/v2/me/'],
    ['/customers', '/api/v2/customers/'],
    ['/customers/42/', '/api/v2/customers/42/'],
    ['/orders/7/close/', '/api/v2/orders/7/close/'],
    ['/orders/7/cancel', '/api/v2/orders/7/cancel/'],
    ['/orders/7/notifications/', '/api/v2/orders/7/notifications/'],
    ['/items/3/', '/api/v2/items/3/'],
    ['/notifications/9/retry/', '/api/v2/notifications/9/retry/'],
    ['/health/', undefined],
    ['/api-auth/authenticate/', undefined],
    ['/notifications/callbacks/africastalking/', undefined],
    ['/me/extra/', undefined],
    ['/customersx/', undefined],
    ['/customers/<script>/', undefined],
    ['/customers/a,b/', undefined],
    ['/customers/%3E/', undefined],
    [`/customers/${'1'.repeat(300)}/`, undefined],
    ['customers/', undefined],
  ])('when the v1 path is %j, then the successor is %s', (path, successor) => {
    // Act
    const result = v2Successor(path);

    // Assert
    expect(result).toBe(successor);
  });

  test('when the path is long and hostile, then the answer is immediate', () => {
    // Arrange
    const hostile = `/${'customers/'.repeat(10_000)}!`;

    // Act
    const started = performance.now();
    const result = v2Successor(hostile);

    // Assert
    expect(result).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
