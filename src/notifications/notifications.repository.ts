import { and, asc, desc, eq, exists, gt, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, ownerScope } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { selectPage } from '../db/paging.js';
import { type notificationStatuses, notifications, orders, smsPauses } from '../db/schema.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { Page, PageRequest } from '../shared/pagination.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationStatus = (typeof notificationStatuses)[number];

export interface NotificationFilters {
  status?: NotificationStatus;
  orderId?: number;
}

const whereOf = (actor: Actor, filters: NotificationFilters) =>
  and(
    ownerScope(actor, notifications.ownerId),
    filters.status === undefined ? undefined : eq(notifications.status, filters.status),
    filters.orderId === undefined ? undefined : eq(notifications.orderId, filters.orderId),
  );

export function listNotifications(
  db: Database,
  actor: Actor,
  filters: NotificationFilters,
  page: PageRequest,
): Promise<Page<NotificationRow>> {
  const where = whereOf(actor, filters);
  return selectPage(db, notifications, where, [desc(notifications.createdAt), desc(notifications.id)], page);
}

/** The same list as `listNotifications`, newest first, one keyset page at a time (a seek on (owner_id, created_at, id)). */
export function listNotificationsByCursor(
  db: Database,
  actor: Actor,
  filters: NotificationFilters,
  keyset: KeysetRequest,
): Promise<KeysetPage<NotificationRow>> {
  const where = whereOf(actor, filters);
  const keys = keysetKeys<NotificationRow>(
    notifications,
    [{ column: notifications.createdAt, descending: true }],
    {
      column: notifications.id,
      descending: true,
    },
  );
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(notifications)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, notifications, where),
  );
}

export async function findNotification(db: Database, actor: Actor, id: number) {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), ownerScope(actor, notifications.ownerId)));
  return row;
}

/** A claimed notification, and whether an earlier claim on it lapsed (its dispatcher stopped mid-send). */
export interface Claimed {
  row: NotificationRow;
  lapsed: boolean;
}

/**
 * Claims up to `limit` notifications that are due, or whose earlier claim lapsed, for `leaseMs`:
 * SKIP LOCKED lets any number of dispatchers claim side by side without taking the same row.
 */
export async function claimDue(
  db: Database,
  claimToken: string,
  limit: number,
  leaseMs: number,
): Promise<Claimed[]> {
  const due = db
    .select({ id: notifications.id, was: sql<NotificationStatus>`${notifications.status}`.as('was') })
    .from(notifications)
    .where(
      or(
        and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, sql`now()`)),
        and(eq(notifications.status, 'sending'), lt(notifications.claimedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(notifications.nextAttemptAt), asc(notifications.id))
    .limit(limit)
    .for('update', { skipLocked: true })
    .as('due');
  const rows = await db
    .update(notifications)
    .set({
      status: 'sending',
      claimToken,
      attempts: sql`${notifications.attempts} + 1`,
      claimedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
    })
    .from(due)
    .where(eq(notifications.id, due.id))
    .returning({ row: notifications, was: due.was });
  return rows.map(({ row, was }) => ({ row, lapsed: was === 'sending' })).sort((a, b) => a.row.id - b.row.id);
}

export type Settled = Partial<
  Pick<NotificationRow, 'status' | 'provider' | 'providerMessageId' | 'cost' | 'lastError' | 'attempts'>
> & { status: NotificationStatus; nextAttemptAt?: SQL | Date; sentAt?: SQL };

/**
 * Records what became of a claimed notification and releases the claim, unless the claim lapsed and
 * another dispatcher holds it now (then nothing changes: false).
 */
export async function settle(
  db: Database,
  id: number,
  claimToken: string,
  outcome: Settled,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ ...outcome, claimToken: null, claimedUntil: null })
    .where(and(eq(notifications.id, id), eq(notifications.claimToken, claimToken)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Delivery-report statuses that end a message's journey (AT: Success; Failed, Rejected, Expired). */
export type DeliveryFate = { delivered: true } | { delivered: false; reason: string };

/**
 * Applies a delivery report to the message the provider knows as `messageId`: one UPDATE, which
 * never moves a final status (delivered, failed) and matches nothing for an unknown id.
 */
export async function applyDeliveryReport(
  db: Database,
  provider: string,
  messageId: string,
  fate: DeliveryFate,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set(
      fate.delivered
        ? { status: 'delivered', deliveredAt: sql`now()` }
        : { status: 'failed', lastError: `Not delivered: ${fate.reason}` },
    )
    .where(
      and(
        eq(notifications.provider, provider),
        eq(notifications.providerMessageId, messageId),
        inArray(notifications.status, ['sent', 'unknown']),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** An admin may send these again. */
export const retryableStatuses: NotificationStatus[] = ['failed', 'unknown'];

/** Puts a failed or unknown notification back in the queue, with fresh attempts; undefined otherwise. */
export async function requeue(db: Database, id: number): Promise<NotificationRow | undefined> {
  const [row] = await db
    .update(notifications)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: sql`now()` })
    .where(
      and(
        eq(notifications.id, id),
        inArray(notifications.status, retryableStatuses),
        // The SMS of a deleted order is not sent again.
        exists(db.select({ id: orders.id }).from(orders).where(eq(orders.id, notifications.orderId))),
      ),
    )
    .returning();
  return row;
}

/** Records that `provider` refused our credentials, for every instance's health to report. */
export async function recordPause(
  db: Database,
  provider: string,
  untilMs: number,
  reason: string,
): Promise<void> {
  const pausedUntil = new Date(untilMs);
  await db
    .insert(smsPauses)
    .values({ provider, pausedUntil, reason })
    .onConflictDoUpdate({ target: smsPauses.provider, set: { pausedUntil, reason } });
}

export async function clearPause(db: Database, provider: string): Promise<void> {
  await db.delete(smsPauses).where(eq(smsPauses.provider, provider));
}

/** Providers paused now, with why. */
export function activePauses(db: Database) {
  return db
    .select({ provider: smsPauses.provider, reason: smsPauses.reason })
    .from(smsPauses)
    .where(gt(smsPauses.pausedUntil, sql`now()`));
}
