import { type SQL, sql } from 'drizzle-orm';
import { type Config, ConfigError, listSetting } from '../config.js';
import type { Database } from '../db/client.js';
import { customers, type notificationEvents, notifications } from '../db/schema.js';
import { compileTemplate, TemplateError } from './templates.js';

export type NotificationEvent = (typeof notificationEvents)[number];

/** Dispatchers LISTEN here for new notifications. */
export const OUTBOX_CHANNEL = 'orderly_outbox';
/** New notifications within this window share one wake-up. */
const WAKE_COALESCE_MS = 20;

declare module 'fastify' {
  interface FastifyInstance {
    /** The outbox, for the routes whose changes notify (app.ts decorates it). */
    outbox: Outbox;
  }
}

/** The event an order's new status announces. */
export const eventOfStatus = {
  Closed: 'order_closed',
  Cancelled: 'order_cancelled',
} as const satisfies Record<string, NotificationEvent>;

const templateSettings = {
  order_placed: 'SMS_TEMPLATE_ORDER_PLACED',
  order_closed: 'SMS_TEMPLATE_ORDER_CLOSED',
  order_cancelled: 'SMS_TEMPLATE_ORDER_CANCELLED',
} as const satisfies Record<NotificationEvent, keyof Config>;

/**
 * Which order events write a notification, and their messages compiled to SQL: the outbox row is
 * written by the very statement (or transaction) that changes the order, so neither exists without
 * the other.
 */
export class Outbox {
  readonly #messages: Partial<Record<NotificationEvent, SQL>> = {};
  #wakeScheduled = false;

  /**
   * `database` is where `announce` wakes the dispatchers: the database itself, never a transaction
   * (a change may commit inside a longer transaction, e.g. with an Idempotency-Key).
   * Throws a ConfigError naming a template setting with an unknown placeholder.
   */
  constructor(
    config: Config,
    private readonly database: Database,
  ) {
    const events = listSetting(config.SMS_EVENTS).filter((event) => event !== 'none') as NotificationEvent[];
    for (const event of events) {
      const setting = templateSettings[event];
      try {
        this.#messages[event] = compileTemplate(config[setting], config.SMS_TIME_ZONE);
      } catch (error) {
        if (!(error instanceof TemplateError)) throw error;
        throw new ConfigError(`Invalid configuration: ${setting}: ${error.message}`);
      }
    }
  }

  /**
   * Wakes the dispatchers (in every process) after a commit that wrote notifications. The NOTIFY is
   * its own statement, at most one per few milliseconds: inside the order's transaction it would
   * serialise every commit (PostgreSQL's notification queue lock). A lost wake-up costs only the
   * dispatchers' next poll.
   */
  announce(): void {
    if (this.#wakeScheduled) return;
    this.#wakeScheduled = true;
    setTimeout(() => {
      this.#wakeScheduled = false;
      this.database.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`).catch(() => {});
    }, WAKE_COALESCE_MS).unref();
  }

  /**
   * An INSERT of the `event` notification for every order row of `source` (aliased `o`: a CTE of
   * changed orders, or the orders table with `where`), or undefined when the event sends nothing.
   */
  insertFor(event: NotificationEvent, source: SQL, where: SQL = sql`true`): SQL | undefined {
    const message = this.#messages[event];
    if (!message) return undefined;
    return sql`insert into ${notifications} (owner_id, order_id, event, recipient, message)
      select o.owner_id, o.id, ${event}, c.phone, ${message}
      from ${source} o join ${customers} c on c.id = o.customer_id
      where ${where}`;
  }
}
