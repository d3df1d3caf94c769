import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onRealPostgres } from '../helpers/db.js';
import { processDatabase, runCli, startServer } from '../helpers/processes.js';

let env: Record<string, string>;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ env, drop } = await processDatabase());
});
afterAll(() => drop());

const cli = (...args: string[]) => runCli(args, env);

describe('orderly CLI', { timeout: 180_000 }, () => {
  it('when users and tokens are managed, then each command says what it did and tokens work until revoked', async () => {
    const created = await cli('users', 'create', 'Ops@Example.com', '--admin', '--name', 'Ops');
    expect(created).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Created admin Ops@Example.com \(id \d+\)\.\n$/),
    });

    const duplicate = await cli('users', 'create', 'ops@example.com');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');

    const minted = await cli('tokens', 'create', 'ops@example.com', '--name', 'ci', '--expires-in', '30d');
    expect(minted.code).toBe(0);
    expect(minted.stdout).toMatch(/^oly_[A-Za-z0-9_-]{43}\n$/);

    const listed = await cli('tokens', 'list', 'ops@example.com');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^id\s+name\s+created_at\s+last_used_at\s+expires_at\s+revoked_at\n\d+\s+ci\s/,
    );
    expect(listed.stdout).not.toContain(minted.stdout.trim());

    const users = await cli('users', 'list');
    expect(users.stdout).toMatch(/Ops@Example.com\s+Ops\s+admin\s+false/);

    const id = /\n(\d+)\s+ci/.exec(listed.stdout)?.[1] ?? '';
    const revoked = await cli('tokens', 'revoke', id);
    expect(revoked).toMatchObject({ code: 0, stdout: `Revoked token ${id} (ci).\n` });
    const afterRevoke = await cli('tokens', 'list', 'ops@example.com');
    expect(afterRevoke.stdout).toMatch(/\d{4}-\d\d-\d\dT[\d:.]+Z\n$/);

    const disabled = await cli('users', 'disable', 'OPS@example.com');
    expect(disabled).toMatchObject({ code: 0, stdout: expect.stringContaining('Disabled Ops@Example.com') });
    expect((await cli('users', 'list')).stdout).toMatch(/Ops@Example.com\s+Ops\s+admin\s+true/);
  });

  it('when arguments are wrong, then it explains and exits non-zero without touching the database', async () => {
    const cases: [string[], number, RegExp][] = [
      [[], 2, /Usage: orderly/],
      [['frobnicate'], 2, /Unknown command "frobnicate"/],
      [['users', 'create'], 2, /Missing EMAIL/],
      [['users', 'create', 'not-an-email'], 1, /is not an email address/],
      [['users', 'create', 'a@b.c', '--bogus'], 2, /Unknown option '--bogus'/],
      [['tokens', 'create', 'a@b.c', '--expires-in', 'soon'], 2, /--expires-in takes a number and a unit/],
      [['tokens', 'create', 'nobody@example.com'], 1, /No user has the email nobody@example.com/],
      [['tokens', 'revoke', 'abc'], 2, /ID must be a positive integer/],
      [['tokens', 'revoke', '999999'], 1, /No token has the id 999999/],
      [['seed'], 2, /Use: seed --demo/],
    ];
    for (const [args, code, message] of cases) {
      const result = await cli(...args);
      expect({ args, code: result.code }).toEqual({ args, code });
      expect(result.stdout + result.stderr).toMatch(message);
    }
  });

  it('when seeding the demo data, then a catalogue and orders that use it are there; a second run refuses instead of duplicating', async () => {
    const first = await cli('seed', '--demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Seeded a catalogue of 6 items \(1 archived\), kept by demo-admin@localhost, and 5 customers with 3 orders each for demo@localhost\.\nIts API token \(shown once\): oly_/,
    );
    const second = await cli('seed', '--demo');
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('demo@localhost exists already');
    expect((await cli('users', 'list')).stdout).toMatch(/demo-admin@localhost\s+Demo admin\s+admin\s+false/);

    // The demo user sees the catalogue, and orders that use it beside orders priced by hand.
    const token = /oly_\S+/.exec(first.stdout)?.[0] ?? '';
    const server = await startServer(env);
    try {
      const get = async (path: string) => {
        const response = await fetch(`${server.url}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return (await response.json()) as { count: number; results: Record<string, unknown>[] };
      };
      const forSale = await get('/api/v1/items/');
      const archived = await get('/api/v1/items/?active=false');
      const orders = await get('/api/v1/orders/?limit=100');
      expect(forSale.count).toBe(5);
      expect(archived.results).toMatchObject([{ sku: 'PARAFFIN-1L', active: false }]);
      const fromCatalogue = orders.results.filter((order) => order.item_id !== null);
      expect(orders.count).toBe(15);
      expect(fromCatalogue).toHaveLength(10);
      const maize = forSale.results.find((item) => item.sku === 'MAIZE-2KG');
      const maizeOrders = await get(`/api/v1/orders/?item_id=${maize?.id}`);
      expect(maizeOrders.count).toBeGreaterThan(0);
      for (const order of maizeOrders.results) expect(order).toMatchObject({ item: 'Maize flour 2kg' });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it.skipIf(onRealPostgres)(
    'when a server holds the embedded database, then the CLI refuses with a clear message and leaves it intact',
    async () => {
      const server = await startServer(env);
      try {
        const result = await cli('users', 'list');
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/is in use by another Orderly process .* set DATABASE_URL/);
        const health = await fetch(`${server.url}/api/v1/health/`);
        expect(health.status).toBe(200);
      } finally {
        expect(await server.stop()).toBe(0);
      }
      expect((await cli('users', 'list')).code).toBe(0);
    },
  );

  it.runIf(onRealPostgres)('when a server runs on PostgreSQL, then the CLI works beside it', async () => {
    const server = await startServer(env);
    try {
      const result = await cli('users', 'create', 'beside@example.com');
      expect(result.code).toBe(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
