import { randomBytes } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { keysetKeys, selectKeysetPage } from '../../src/db/keyset.js';
import { items } from '../../src/db/schema.js';
import { serverKey } from '../../src/db/server-keys.js';
import { type CursorPosition, decodeCursor, encodeCursor } from '../../src/shared/cursor.js';
import { AppError } from '../../src/shared/errors.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

/** The error code `run` throws (an AppError), or undefined. */
function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('cursors', () => {
  const key = randomBytes(32);
  const binding = JSON.stringify([7, '/api/v2/orders/', [], [['status', 'Pending']]]);
  const position: CursorPosition = { values: ['2026-01-02T03:04:05.678Z', null, 42], direction: 'next' };

  test('when a cursor is read back with its key and binding, then it gives its position, as opaque base64url', () => {
    // Act
    const cursor = encodeCursor(key, binding, position);

    // Assert
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(key, binding, cursor)).toEqual(position);
  });

  test('when any one character of a cursor is changed, then it is invalid_cursor, never another position', () => {
    // Arrange
    const cursor = encodeCursor(key, binding, position);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

    // Act
    const codes = [...cursor].map((character, i) => {
      const other = alphabet[(alphabet.indexOf(character) + 1) % alphabet.length];
      return codeOf(() => decodeCursor(key, binding, cursor.slice(0, i) + other + cursor.slice(i + 1)));
    });

    // Assert
    expect(new Set(codes)).toEqual(new Set(['invalid_cursor']));
  });

  test('when a cursor is used with another binding (caller, list, filters) or key, then it is invalid_cursor', () => {
    // Arrange
    const cursor = encodeCursor(key, binding, position);

    // Act
    const otherCaller = codeOf(() => decodeCursor(key, binding.replace('[7,', '[8,'), cursor));
    const otherFilter = codeOf(() => decodeCursor(key, binding.replace('Pending', 'Closed'), cursor));
    const otherKey = codeOf(() => decodeCursor(randomBytes(32), binding, cursor));

    // Assert
    expect([otherCaller, otherFilter, otherKey]).toEqual([
      'invalid_cursor',
      'invalid_cursor',
      'invalid_cursor',
    ]);
  });

  test.each([
    'x',
    '!!!!',
    'bm90IGEgY3Vyc29y',
    'A'.repeat(200),
    '%00',
    Buffer.from('{"k":[1],"d":"n"}').toString('base64url'),
  ])('when the cursor is %j, then invalid_cursor', (garbage) => {
    expect(codeOf(() => decodeCursor(key, binding, garbage))).toBe('invalid_cursor');
  });
});

describe('the cursor key', () => {
  test('when it is asked for again (a restart, another process), then it is the same 32 bytes', async () => {
    // Act
    const first = await serverKey(t.deps.database.db, 'cursor');
    const again = await serverKey(t.deps.database.db, 'cursor');

    // Assert
    expect(first).toHaveLength(32);
    expect(again.equals(first)).toBe(true);
    expect(t.app.cursorKey.equals(first)).toBe(true);
  });
});

describe('keyset pages over a nullable column (items.description)', () => {
  const descriptions = [
    null,
    'b',
    'a',
    null,
    'c',
    'b',
    null,
    'a',
    'b',
    'd',
    null,
    'c',
    'a',
    'b',
    null,
    'e',
    'b',
  ];

  test.each([
    ['description', [{ column: items.description, descending: false }]],
    ['-description', [{ column: items.description, descending: true }]],
    [
      'description,-unit_price',
      [
        { column: items.description, descending: false },
        { column: items.unitPrice, descending: true },
      ],
    ],
    [
      '-unit_price,description',
      [
        { column: items.unitPrice, descending: true },
        { column: items.description, descending: false },
      ],
    ],
  ])(
    'when items are paged 3 at a time by %s, then forwards and backwards each row comes once, in SQL’s own order',
    async (_name, ordering) => {
      // Arrange
      const db = t.deps.database.db;
      await db.delete(items);
      await db.insert(items).values(
        descriptions.map((description, i) => ({
          sku: `SKU-${i}-${randomBytes(3).toString('hex')}`,
          name: `Item ${i}`,
          description,
          unitPrice: String(10 + (i % 4)),
          currency: 'KES',
        })),
      );
      const keys = keysetKeys<typeof items.$inferSelect>(items, ordering, {
        column: items.id,
        descending: false,
      });
      const expected = (
        await db
          .select({ id: items.id })
          .from(items)
          .orderBy(...keys.map((key) => (key.descending ? desc(key.column) : asc(key.column))))
      ).map((row) => row.id);
      const read = (position: CursorPosition | undefined) =>
        selectKeysetPage(
          keys,
          { limit: 3, count: false, ...(position ? { position } : {}) },
          (seek, orderBy, limit) =>
            db
              .select()
              .from(items)
              .where(seek)
              .orderBy(...orderBy)
              .limit(limit),
          async () => 0,
        );

      // Act
      const forward: number[][] = [];
      let page = await read(undefined);
      forward.push(page.rows.map((row) => row.id));
      while (page.next) {
        page = await read(page.next);
        forward.push(page.rows.map((row) => row.id));
      }
      const backward: number[][] = [];
      while (page.previous) {
        page = await read(page.previous);
        backward.push(page.rows.map((row) => row.id));
      }

      // Assert
      expect(forward.flat()).toEqual(expected);
      expect(backward.reverse()).toEqual(forward.slice(0, -1));
    },
  );

  test('when the rows after a cursor are gone, then the empty page links back to the rows before it', async () => {
    // Arrange
    const db = t.deps.database.db;
    await db.delete(items);
    await db
      .insert(items)
      .values(
        [1, 2, 3, 4].map((i) => ({ sku: `GONE-${i}`, name: `Item ${i}`, unitPrice: '1', currency: 'KES' })),
      );
    const keys = keysetKeys<typeof items.$inferSelect>(items, [], { column: items.id, descending: false });
    const read = (position: CursorPosition | undefined) =>
      selectKeysetPage(
        keys,
        { limit: 2, count: true, ...(position ? { position } : {}) },
        (seek, orderBy, limit) =>
          db
            .select()
            .from(items)
            .where(seek)
            .orderBy(...orderBy)
            .limit(limit),
        async () => 4,
      );
    const first = await read(undefined);
    const firstIds = first.rows.map((row) => row.id);
    await db.delete(items).where(gt(items.id, Math.max(...firstIds)));

    // Act
    const empty = await read(first.next);
    const back = await read(empty.previous);

    // Assert
    expect(empty.rows).toEqual([]);
    expect(empty.next).toBeUndefined();
    expect(empty.previous).toEqual({ values: first.next?.values, direction: 'previous', inclusive: true });
    expect(empty.count).toBe(4);
    expect(back.rows.map((row) => row.id)).toEqual(firstIds);
  });
});
