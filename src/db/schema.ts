import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

// Millisecond precision: what the API shows is exactly what is stored.
const timestamptz = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });
const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
// Moved by the touch_updated_at trigger (migration 0009) exactly when the row's content changes: the ETag's source.
const version = () => integer('version').notNull().default(1);

export const users = pgTable(
  'users',
  {
    id: id(),
    email: varchar('email', { length: 254 }).notNull(),
    displayName: varchar('display_name', { length: 100 }).notNull().default(''),
    role: text('role', { enum: ['admin', 'staff'] })
      .notNull()
      .default('staff'),
    disabled: boolean('disabled').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    check('users_role_check', sql`${t.role} in ('admin', 'staff')`),
    check('users_email_check', sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
  ],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    name: varchar('name', { length: 100 }).notNull().default(''),
    // SHA-256 of the token: tokens are 256-bit random, so a fast hash is enough and keeps lookups indexable.
    tokenHash: text('token_hash').notNull().unique('api_tokens_token_hash_key'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastUsedAt: timestamptz('last_used_at'),
    expiresAt: timestamptz('expires_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('api_tokens_user_id_idx').on(t.userId)],
);

/** A person's account at an OpenID provider, keyed by issuer and subject (never by email). */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    // The verified email the provider last reported, for people reading the table.
    email: varchar('email', { length: 254 }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastLoginAt: timestamptz('last_login_at'),
  },
  (t) => [
    unique('user_identities_issuer_subject_key').on(t.issuer, t.subject),
    // One account per provider and user: a second account can never be linked to someone by email.
    unique('user_identities_user_issuer_key').on(t.userId, t.issuer),
    check('user_identities_subject_check', sql`char_length(${t.subject}) between 1 and 255`),
  ],
);

/** Browser sessions, server-side so that every API instance sees a logout or a disabled user at once. */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    // SHA-256 of the cookie's 256-bit random value; the value itself is never stored.
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_key'),
    csrfToken: text('csrf_token').notNull(),
    // Kept for RP-initiated logout (`id_token_hint`).
    idToken: text('id_token'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
);

/** A browser login in progress: what the callback must find again (state, nonce, PKCE verifier, next). */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    // SHA-256 of the login cookie's random value, which binds the callback to the browser that started it.
    idHash: text('id_hash').primaryKey(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    returnTo: text('return_to').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('oidc_logins_expires_at_idx').on(t.expiresAt)],
);

export const customers = pgTable(
  'customers',
  {
    id: id(),
    ownerId: bigint('owner_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    firstName: varchar('first_name', { length: 50 }).notNull(),
    secondName: varchar('second_name', { length: 50 }).notNull(),
    code: varchar('code', { length: 5 }).notNull(),
    phone: varchar('phone', { length: 16 }).notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    // Codes are unique per owner only, so a user cannot learn another user's codes from a conflict.
    unique('customers_owner_code_key').on(t.ownerId, t.code),
    // Target of the orders foreign key, which keeps an order's customer_code and owner in step.
    unique('customers_id_code_owner_key').on(t.id, t.code, t.ownerId),
    index('customers_owner_id_idx').on(t.ownerId, t.id),
    check('customers_code_check', sql`${t.code} ~ '^[A-Z0-9]{5}$'`),
    check(
      'customers_first_name_check',
      sql`char_length(${t.firstName}) between 1 and 50 and ${t.firstName} = btrim(${t.firstName}) and ${t.firstName} !~ '[[:cntrl:]]'`,
    ),
    check(
      'customers_second_name_check',
      sql`char_length(${t.secondName}) between 1 and 50 and ${t.secondName} = btrim(${t.secondName}) and ${t.secondName} !~ '[[:cntrl:]]'`,
    ),
    check('customers_phone_check', sql`${t.phone} ~ '^\\+[1-9][0-9]{6,14}$'`),
  ],
);

/**
 * The business's catalogue: read by every signed-in user, changed by admins only. An order names an
 * item and copies its name, price and currency as they were when it was placed.
 */
export const items = pgTable(
  'items',
  {
    id: id(),
    sku: varchar('sku', { length: 40 }).notNull(),
    name: varchar('name', { length: 200 }).notNull(),
    description: varchar('description', { length: 2000 }),
    unitPrice: numeric('unit_price', { precision: 12, scale: 2 }).notNull(),
    currency: varchar('currency', { length: 3 }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    // Stored as given, unique whatever its case: "ab-1" and "AB-1" are one SKU.
    uniqueIndex('items_sku_lower_key').on(sql`lower(${t.sku})`),
    index('items_active_id_idx').on(t.active, t.id),
    check('items_sku_check', sql`${t.sku} ~ '^[A-Za-z0-9._-]{1,40}$'`),
    check(
      'items_name_check',
      sql`char_length(${t.name}) between 1 and 200 and ${t.name} = btrim(${t.name}) and ${t.name} !~ '[[:cntrl:]]'`,
    ),
    check('items_description_check', sql`char_length(${t.description}) <= 2000`),
    check('items_unit_price_check', sql`${t.unitPrice} > 0`),
    check('items_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const orderStatuses = ['Pending', 'Closed', 'Cancelled'] as const;

export const orders = pgTable(
  'orders',
  {
    id: id(),
    ownerId: bigint('owner_id', { mode: 'number' }).notNull(),
    customerId: bigint('customer_id', { mode: 'number' }).notNull(),
    customerCode: varchar('customer_code', { length: 5 }).notNull(),
    item: varchar('item', { length: 200 }).notNull(),
    quantity: integer('quantity').notNull(),
    pricePerUnit: numeric('price_per_unit', { precision: 12, scale: 2 }).notNull(),
    // The catalogue item the order names, if any; `item`, the price and the currency are copied from it.
    itemId: bigint('item_id', { mode: 'number' }).references(() => items.id, { onDelete: 'restrict' }),
    currency: varchar('currency', { length: 3 }).notNull(),
    amount: numeric('amount', { precision: 19, scale: 2 })
      .notNull()
      .generatedAlwaysAs(sql`quantity * price_per_unit`),
    status: text('status', { enum: orderStatuses }).notNull().default('Pending'),
    timePlaced: timestamptz('time_placed').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    // One key ties the order to its customer, to that customer's code and to the same owner;
    // a code change cascades, and a customer with orders cannot be deleted.
    foreignKey({
      name: 'orders_customer_fkey',
      columns: [t.customerId, t.customerCode, t.ownerId],
      foreignColumns: [customers.id, customers.code, customers.ownerId],
    })
      .onUpdate('cascade')
      .onDelete('restrict'),
    index('orders_owner_placed_idx').on(t.ownerId, t.timePlaced, t.id),
    index('orders_owner_status_placed_idx').on(t.ownerId, t.status, t.timePlaced, t.id),
    index('orders_placed_idx').on(t.timePlaced, t.id),
    index('orders_customer_idx').on(t.customerId, t.timePlaced),
    index('orders_item_idx').on(t.itemId).where(sql`item_id is not null`),
    check('orders_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('orders_quantity_check', sql`${t.quantity} between 1 and 1000000`),
    check('orders_price_per_unit_check', sql`${t.pricePerUnit} > 0`),
    check('orders_status_check', sql`${t.status} in ('Pending', 'Closed', 'Cancelled')`),
    check(
      'orders_item_check',
      sql`char_length(${t.item}) between 1 and 200 and ${t.item} = btrim(${t.item}) and ${t.item} !~ '[[:cntrl:]]'`,
    ),
  ],
);

export const notificationEvents = ['order_placed', 'order_closed', 'order_cancelled'] as const;
export const notificationStatuses = [
  'pending',
  'sending',
  'sent',
  'delivered',
  'failed',
  'unknown',
  'cancelled',
] as const;

/**
 * The transactional outbox: one SMS per row, written in the same statement or transaction as the
 * order change it announces, and delivered afterwards by the dispatcher.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    ownerId: bigint('owner_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    // No foreign key: a deleted order's notifications stay on record with its id (ids are never reused).
    orderId: bigint('order_id', { mode: 'number' }).notNull(),
    event: text('event', { enum: notificationEvents }).notNull(),
    recipient: varchar('recipient', { length: 16 }).notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull().defaultNow(),
    // Who is sending it now (a dispatcher's claim), and until when the claim holds.
    claimToken: text('claim_token'),
    claimedUntil: timestamptz('claimed_until'),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    cost: text('cost'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: version(),
    sentAt: timestamptz('sent_at'),
    deliveredAt: timestamptz('delivered_at'),
  },
  (t) => [
    // What the dispatcher claims: due pending rows, and sending rows whose claim lapsed (a crashed dispatcher).
    index('notifications_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('notifications_claimed_idx').on(t.claimedUntil).where(sql`status = 'sending'`),
    index('notifications_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
    index('notifications_order_idx').on(t.orderId, t.id),
    uniqueIndex('notifications_provider_message_key')
      .on(t.provider, t.providerMessageId)
      .where(sql`provider_message_id is not null`),
    check(
      'notifications_status_check',
      sql`${t.status} in ('pending', 'sending', 'sent', 'delivered', 'failed', 'unknown', 'cancelled')`,
    ),
    check(
      'notifications_event_check',
      sql`${t.event} in ('order_placed', 'order_closed', 'order_cancelled')`,
    ),
    check('notifications_attempts_check', sql`${t.attempts} >= 0`),
    check('notifications_recipient_check', sql`${t.recipient} ~ '^\\+[1-9][0-9]{6,14}$'`),
    check('notifications_claim_check', sql`(${t.status} = 'sending') = (${t.claimToken} is not null)`),
  ],
);

/**
 * SMS providers that refused our credentials: every dispatcher records it, and the health endpoint of
 * every instance reports it until the pause ends or a send succeeds.
 */
export const smsPauses = pgTable('sms_pauses', {
  provider: text('provider').primaryKey(),
  pausedUntil: timestamptz('paused_until').notNull(),
  reason: text('reason').notNull(),
});

/**
 * The outcome of a POST sent with an Idempotency-Key, replayed to its retries. Written in the same
 * transaction as the request's own changes, so neither exists without the other.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    key: varchar('key', { length: 255 }).notNull(),
    // SHA-256 of the method, path and canonical body: the same key with another request is refused.
    fingerprint: text('fingerprint').notNull(),
    statusCode: integer('status_code').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'idempotency_keys_pkey', columns: [t.userId, t.key] }),
    // Rows arrive in expiry order: a BRIN index serves the sweep at a fraction of a B-tree's upkeep.
    index('idempotency_keys_expires_at_idx').using('brin', t.expiresAt),
  ],
);

/**
 * Who still calls a deprecated API version: one row per version, UTC day and caller (`user:<id>`, or
 * `ip:<address>` when unauthenticated), so operators know whom to contact before the sunset.
 */
export const apiVersionUsage = pgTable(
  'api_version_usage',
  {
    version: text('version').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    caller: text('caller').notNull(),
    userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
    requests: bigint('requests', { mode: 'number' }).notNull(),
    lastPath: text('last_path').notNull(),
    lastSeenAt: timestamptz('last_seen_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'api_version_usage_pkey', columns: [t.version, t.day, t.caller] }),
    check('api_version_usage_requests_check', sql`${t.requests} > 0`),
  ],
);

/**
 * Secrets every process sharing the database must agree on, created on first start and kept across
 * restarts: `cursor` signs the v2 pagination cursors (HMAC-SHA256), so a cursor made by one API process is
 * accepted by every other, and an edited one by none.
 */
export const serverKeys = pgTable(
  'server_keys',
  {
    name: text('name').primaryKey(),
    // base64url of 32 random bytes from the process that created it (node:crypto).
    secret: text('secret').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('server_keys_secret_check', sql`char_length(${t.secret}) >= 43`)],
);

export const webhookDeliveryStatuses = ['pending', 'sending', 'succeeded', 'failed'] as const;

/**
 * Where the other internal systems receive events: an admin registers a URL and the event types it
 * wants. The signing secret is kept encrypted (AES-256-GCM): the server must sign with it, so a hash
 * would not do.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: id(),
    url: varchar('url', { length: 2048 }).notNull(),
    description: varchar('description', { length: 500 }).notNull().default(''),
    // Event types, or ['*'] for all of them.
    events: text('events').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    // Why it was disabled, when the dispatcher did it (410 Gone, or failing for too long); null when an admin did.
    disabledReason: text('disabled_reason'),
    disabledAt: timestamptz('disabled_at'),
    secret: text('secret').notNull(),
    // The secret before the last rotation, still signing alongside the new one until `previous_secret_until`.
    previousSecret: text('previous_secret'),
    previousSecretUntil: timestamptz('previous_secret_until'),
    // The first of the failures in a row: cleared by a success; long enough, and the endpoint is disabled.
    failingSince: timestamptz('failing_since'),
    createdBy: bigint('created_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    version: version(),
  },
  (t) => [
    // The triggers look for the endpoints that want an event: few rows, read on every change.
    index('webhook_endpoints_enabled_idx').on(t.id).where(sql`enabled`),
    check('webhook_endpoints_url_check', sql`${t.url} ~ '^https?://'`),
    check('webhook_endpoints_events_check', sql`cardinality(${t.events}) between 1 and 50`),
    check(
      'webhook_endpoints_previous_secret_check',
      sql`(${t.previousSecret} is null) = (${t.previousSecretUntil} is null)`,
    ),
  ],
);

/**
 * One event, written by a trigger in the same transaction as the change it announces (so neither exists
 * without the other), when at least one enabled endpoint wants it. `data` is the changed row as it was
 * then; `message_id` is the `webhook-id` every delivery and retry of it carries.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: id(),
    messageId: text('message_id')
      .notNull()
      .unique('webhook_events_message_id_key')
      .default(sql`'msg_' || replace(gen_random_uuid()::text, '-', '')`),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_events_created_idx').on(t.createdAt)],
);

/** One event for one endpoint: claimed by dispatchers (SKIP LOCKED), retried with back-off until it succeeds or fails. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    endpointId: bigint('endpoint_id', { mode: 'number' })
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' })
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    status: text('status', { enum: webhookDeliveryStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at'),
    claimToken: text('claim_token'),
    claimedUntil: timestamptz('claimed_until'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    deliveredAt: timestamptz('delivered_at'),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_sending_idx').on(t.endpointId).where(sql`status = 'sending'`),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
    index('webhook_deliveries_event_idx').on(t.eventId),
    check(
      'webhook_deliveries_status_check',
      sql`${t.status} in ('pending', 'sending', 'succeeded', 'failed')`,
    ),
    check('webhook_deliveries_claim_check', sql`(${t.status} = 'sending') = (${t.claimToken} is not null)`),
    check('webhook_deliveries_next_check', sql`(${t.status} = 'pending') = (${t.nextAttemptAt} is not null)`),
  ],
);

/** Every attempt of a delivery, for the admins who debug a receiver: what it answered, and how fast. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    attemptedAt: timestamptz('attempted_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    // The first kilobyte of the receiver's answer.
    response: text('response'),
  },
  (t) => [index('webhook_attempts_delivery_idx').on(t.deliveryId, t.id)],
);
