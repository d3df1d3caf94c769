#!/usr/bin/env node
// First: tracing, when configured, hooks pg before the modules below load it.
import './observability/tracing.js';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Actor } from './auth/actor.js';
import { createToken, listTokens } from './auth/tokens.service.js';
import { createUser, disableUser, listUsers, requireUserByEmail } from './auth/users.service.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createCustomer } from './customers/customers.service.js';
import { DatabaseInUseError } from './db/client.js';
import { isUnreachable, runWhenReachable } from './db/startup.js';
import { connectSteps, createDeps, type Deps, openDeps } from './deps.js';
import { loggerOptions } from './http/logging.js';
import { startMetricsServer } from './http/metrics.js';
import { createItem } from './items/items.service.js';
import { startDispatcher } from './notifications/delivery.js';
import type { Dispatcher } from './notifications/dispatcher.js';
import { Outbox } from './notifications/outbox.js';
import { Metrics } from './observability/metrics.js';
import { tracing } from './observability/tracing.js';
import { createOrder, transitionOrder } from './orders/orders.service.js';
import { AppError } from './shared/errors.js';
import { onShutdownSignal } from './shutdown.js';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/dispatcher.js';

const USAGE = `Usage: orderly <command>   (from a checkout: npm run -s cli -- <command>)

  users create EMAIL [--admin] [--name NAME]   create a user (staff unless --admin)
  users list                                   list users
  users disable EMAIL                          refuse every credential of a user from now on
  tokens create EMAIL [--name NAME] [--expires-in 30d]
                                               mint an API token; prints only the token
  tokens list EMAIL                            list a user's tokens (never the tokens themselves)
  tokens revoke ID                             revoke a token
  migrate                                      apply pending database migrations
  seed --demo                                  add demo users, a small catalogue, customers and orders
  worker                                       send the SMS notifications (until SIGTERM)

The database is DATABASE_URL, or the embedded one in DATA_DIR (default ./data).`;

class UsageError extends Error {}

const DURATION = /^(\d{1,6})([smhdw])$/;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match)
    throw new UsageError(`--expires-in takes a number and a unit (s, m, h, d, w), e.g. 30d; got "${text}".`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '(none)';
  const columns = Object.keys(rows[0] ?? {});
  const cells = rows.map((row) => columns.map((column) => formatCell(row[column])));
  const widths = columns.map((column, i) =>
    Math.max(column.length, ...cells.map((line) => line[i]?.length ?? 0)),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => value.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), ...cells.map(line)].join('\n');
}

const formatCell = (value: unknown) =>
  value instanceof Date ? value.toISOString() : value === null || value === undefined ? '-' : String(value);

function positional(args: string[], index: number, name: string): string {
  const value = args[index];
  if (!value) throw new UsageError(`Missing ${name}.`);
  if (args.length > index + 1) throw new UsageError(`Unexpected argument "${args[index + 1]}".`);
  return value;
}

interface Flags {
  admin?: boolean;
  name?: string;
  'expires-in'?: string;
  demo?: boolean;
}
/** Checks the arguments first (no database is opened for a usage error), then returns the work to run. */
type Command = (args: string[], flags: Flags) => (deps: Deps) => Promise<string>;

function noArguments(args: string[]) {
  if (args.length > 0) throw new UsageError(`Unexpected argument "${args[0]}".`);
}

const commands: Record<string, Command> = {
  'users create': (args, flags) => {
    const email = positional(args, 0, 'EMAIL');
    return async ({ database }) => {
      const user = await createUser(database.db, {
        email,
        role: flags.admin ? 'admin' : 'staff',
        displayName: flags.name,
      });
      return `Created ${user.role} ${user.email} (id ${user.id}).`;
    };
  },
  'users list': (args) => {
    noArguments(args);
    return async ({ database }) =>
      table(
        (await listUsers(database.db)).map((u) => ({
          id: u.id,
          email: u.email,
          name: u.displayName,
          role: u.role,
          disabled: u.disabled,
          created_at: u.createdAt,
        })),
      );
  },
  'users disable': (args) => {
    const email = positional(args, 0, 'EMAIL');
    return async ({ database }) => {
      const user = await disableUser(database.db, email);
      return `Disabled ${user.email}: its tokens are refused from now on.`;
    };
  },
  'tokens create': (args, flags) => {
    const email = positional(args, 0, 'EMAIL');
    const expiresIn = flags['expires-in'] === undefined ? undefined : parseDuration(flags['expires-in']);
    return async ({ database }) => {
      const user = await requireUserByEmail(database.db, email);
      const expiresAt = expiresIn === undefined ? undefined : new Date(Date.now() + expiresIn);
      const { token } = await createToken(database.db, { userId: user.id, name: flags.name, expiresAt });
      return token;
    };
  },
  'tokens list': (args) => {
    const email = positional(args, 0, 'EMAIL');
    return async ({ database }) => {
      const user = await requireUserByEmail(database.db, email);
      return table(
        (await listTokens(database.db, user.id)).map((t) => ({
          id: t.id,
          name: t.name,
          created_at: t.createdAt,
          last_used_at: t.lastUsedAt,
          expires_at: t.expiresAt,
          revoked_at: t.revokedAt,
        })),
      );
    };
  },
  'tokens revoke': (args) => {
    const id = Number(positional(args, 0, 'ID'));
    if (!Number.isSafeInteger(id) || id < 1)
      throw new UsageError(`ID must be a positive integer; got "${args[0]}".`);
    return async ({ tokens }) => {
      const row = await tokens.revoke(id);
      return `Revoked token ${row.id}${row.name ? ` (${row.name})` : ''}.`;
    };
  },
  migrate: (args) => {
    noArguments(args);
    return async ({ database }) =>
      `Migrations applied to the ${database.kind} database at ${database.location}.`;
  },
  worker: (args) => {
    noArguments(args);
    return runWorker;
  },
  seed: (args, flags) => {
    if (!flags.demo || args.length > 0) throw new UsageError('Use: seed --demo');
    return ({ database, config }) => seedDemo(database.db, config);
  },
};

/**
 * A dispatcher process: waits for the database (retrying while it cannot be reached), then sends
 * notifications and webhooks until SIGTERM or SIGINT, then finishes the sends in progress (shutdown.ts).
 */
async function runWorker(deps: Deps): Promise<string> {
  const { config, database } = deps;
  const log = pino(loggerOptions(config));
  const metrics = new Metrics(database, 'worker');
  const metricsServer =
    config.METRICS_PORT === undefined
      ? undefined
      : await startMetricsServer(metrics, { host: config.HOST, port: config.METRICS_PORT }, log);
  const starting = new AbortController();
  let started: Promise<boolean> = Promise.resolve(false);
  let dispatcher: Dispatcher | undefined;
  let webhookDispatcher: WebhookDispatcher | undefined;
  const stopped = onShutdownSignal({
    log,
    // No load balancer sends it work: nothing to wait for.
    delayMs: 0,
    timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    begin: () => starting.abort(),
    async drain() {
      await started.then(
        () => Promise.all([dispatcher?.stop(), webhookDispatcher?.stop()]),
        () => {},
      );
      deps.webhooks.close();
      // Scraped until the last send is recorded.
      await metricsServer?.close();
    },
  });
  started = runWhenReachable(
    [
      ...connectSteps(deps),
      async () => {
        dispatcher = await startDispatcher(config, database, log, metrics);
        webhookDispatcher = startWebhookDispatcher(
          config,
          database.db,
          deps.webhooks,
          log.child({ component: 'webhooks' }),
          metrics,
        );
      },
    ],
    {
      log,
      retryable: (error) => database.kind === 'postgres' && isUnreachable(error),
      signal: starting.signal,
    },
  );
  await started;
  await stopped;
  return 'Worker stopped.';
}

const DEMO_EMAIL = 'demo@localhost';
const DEMO_ADMIN_EMAIL = 'demo-admin@localhost';

/** The demo catalogue: sku, name, unit price (in DEFAULT_CURRENCY), description; the last one is archived. */
const DEMO_ITEMS = [
  ['MAIZE-2KG', 'Maize flour 2kg', '210.00', 'Sifted white maize flour.'],
  ['OIL-1L', 'Cooking oil 1L', '380.00', null],
  ['RICE-5KG', 'Rice 5kg', '950.00', 'Long-grain pishori rice.'],
  ['SUGAR-1KG', 'Sugar 1kg', '160.00', null],
  ['TEA-500G', 'Tea leaves 500g', '320.00', 'Kenyan black tea, loose leaf.'],
  ['PARAFFIN-1L', 'Paraffin 1L', '175.00', 'No longer stocked.'],
] as const;

async function seedDemo(db: Deps['database']['db'], config: Config): Promise<string> {
  const user = await createUser(db, { email: DEMO_EMAIL, role: 'staff', displayName: 'Demo staff' }).catch(
    (error) => {
      if (error instanceof AppError && error.code === 'conflict') {
        throw new AppError('conflict', `${DEMO_EMAIL} exists already: the demo data is there.`);
      }
      throw error;
    },
  );
  // The catalogue is the business's: an admin keeps it. The demo admin gets no token (mint one with
  // `tokens create demo-admin@localhost` to try the admin-only writes).
  const admin = await createUser(db, { email: DEMO_ADMIN_EMAIL, role: 'admin', displayName: 'Demo admin' });
  const catalogueCtx = {
    db,
    actor: {
      userId: admin.id,
      email: admin.email,
      role: admin.role,
      authMethod: 'api_token',
    } satisfies Actor,
    defaultCurrency: config.DEFAULT_CURRENCY,
  };
  const items = [];
  for (const [i, [sku, name, unitPrice, description]] of DEMO_ITEMS.entries()) {
    const active = i < DEMO_ITEMS.length - 1;
    items.push(await createItem(catalogueCtx, { sku, name, unitPrice, description, active }));
  }
  const forSale = items.slice(0, -1);

  const actor: Actor = { userId: user.id, email: user.email, role: user.role, authMethod: 'api_token' };
  // Demo orders text nobody: their customers' numbers are made up.
  const ctx = {
    db,
    actor,
    outbox: new Outbox({ ...config, SMS_EVENTS: 'none' }, db),
    defaultCurrency: config.DEFAULT_CURRENCY,
  };
  const people = [
    ['Amina', 'Otieno', '+254712345678'],
    ['Baraka', 'Mwangi', '+254722000111'],
    ['Chloé', 'Dubois', '+33612345678'],
    ['Dmitri', 'Иванов', '+79161234567'],
    ['Efua', 'Mensah', '+233241234567'],
  ] as const;
  const freeText = ['Charcoal 4kg', 'Matchboxes (10)', 'Bar soap 800g', 'Salt 1kg', 'Wheat flour 2kg'];
  for (const [i, [firstName, secondName, phone]] of people.entries()) {
    const customer = await createCustomer(ctx, { firstName, secondName, phone });
    for (let n = 0; n < 3; n++) {
      // Two orders from the catalogue (the second at a discount), one priced by hand.
      const item = forSale[(i + n) % forSale.length];
      const order = await createOrder(
        ctx,
        n < 2 && item
          ? {
              customerId: customer.id,
              itemId: item.id,
              quantity: n + 1,
              pricePerUnit: n === 1 ? discounted(item.unitPrice) : undefined,
            }
          : {
              customerId: customer.id,
              item: freeText[i] ?? 'Item',
              quantity: 1,
              pricePerUnit: `${(i + 1) * 45}.50`,
            },
      );
      if (n === 1) await transitionOrder(ctx, order.id, 'Closed', undefined);
      if (n === 2 && i % 2 === 0) await transitionOrder(ctx, order.id, 'Cancelled', undefined);
    }
  }
  const { token } = await createToken(db, { userId: user.id, name: 'demo' });
  return (
    `Seeded a catalogue of ${items.length} items (1 archived), kept by ${DEMO_ADMIN_EMAIL}, and ` +
    `${people.length} customers with 3 orders each for ${DEMO_EMAIL}.\nIts API token (shown once): ${token}`
  );
}

/** 10% off, rounded down to the cent, in integer cents (money is never a float). */
function discounted(price: string): string {
  const cents = (BigInt(price.replace('.', '')) * 9n) / 10n;
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      admin: { type: 'boolean' },
      name: { type: 'string' },
      'expires-in': { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const [group, verb, ...rest] = positionals;
  const twoWord = `${group} ${verb}`;
  const name = twoWord in commands ? twoWord : (group ?? '');
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command "${positionals.join(' ')}".`);
  const run = command(name === twoWord ? rest : positionals.slice(1), values);

  // The worker waits for the database; every other command fails at once without it.
  const config = loadConfig();
  const deps = await (name === 'worker' ? openDeps(config) : createDeps(config));
  try {
    process.stdout.write(`${await run(deps)}\n`);
    return 0;
  } finally {
    await deps.database.close();
    await tracing?.shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    const known =
      error instanceof AppError || error instanceof ConfigError || error instanceof DatabaseInUseError;
    process.stderr.write(`${known ? (error as Error).message : (error as Error).stack}\n`);
    process.exit(1);
  },
);
