import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema.js';
import { versionIn } from '../db/versions.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { ExpectedVersions } from '../shared/versions.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
export type EndpointChanges = Partial<Pick<EndpointRow, 'url' | 'description' | 'events' | 'enabled'>>;

/** A delivery, with its event and the attempts so far (oldest first). */
export interface DeliveryView extends DeliveryRow {
  messageId: string;
  eventType: string;
  attemptList: AttemptRow[];
}

export async function insertEndpoint(
  db: Database,
  values: Pick<EndpointRow, 'url' | 'description' | 'events' | 'enabled' | 'secret' | 'createdBy'>,
): Promise<EndpointRow> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function findEndpoint(db: Database, id: number): Promise<EndpointRow | undefined> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** Endpoints, newest first, a keyset page at a time. */
export function listEndpoints(db: Database, keyset: KeysetRequest): Promise<KeysetPage<EndpointRow>> {
  const keys = keysetKeys<EndpointRow>(webhookEndpoints, [], {
    column: webhookEndpoints.id,
    descending: true,
  });
  return selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(webhookEndpoints)
        .where(seek)
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, webhookEndpoints, undefined),
  );
}

/**
 * Changes an endpoint, if it is at one of the `expected` versions. Enabling it clears why it was
 * disabled and its run of failures; disabling it by hand records no reason.
 */
export async function updateEndpoint(
  db: Database,
  id: number,
  changes: EndpointChanges,
  expected: ExpectedVersions,
): Promise<EndpointRow | undefined> {
  const state =
    changes.enabled === undefined
      ? {}
      : changes.enabled
        ? {
            disabledReason: sql`case when ${webhookEndpoints.enabled} then ${webhookEndpoints.disabledReason} end`,
            disabledAt: sql`case when ${webhookEndpoints.enabled} then ${webhookEndpoints.disabledAt} end`,
            failingSince: sql`case when ${webhookEndpoints.enabled} then ${webhookEndpoints.failingSince} end`,
          }
        : {
            disabledReason: sql`case when ${webhookEndpoints.enabled} then null else ${webhookEndpoints.disabledReason} end`,
            disabledAt: sql`case when ${webhookEndpoints.enabled} then now() else ${webhookEndpoints.disabledAt} end`,
          };
  const [row] = await db
    .update(webhookEndpoints)
    .set({ ...changes, ...state })
    .where(and(eq(webhookEndpoints.id, id), versionIn(webhookEndpoints.version, expected)))
    .returning();
  return row;
}

/** Deletes an endpoint at one of the `expected` versions, and its deliveries. */
export async function deleteEndpoint(db: Database, id: number, expected: ExpectedVersions): Promise<boolean> {
  const rows = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, id), versionIn(webhookEndpoints.version, expected)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/**
 * Makes `sealed` the endpoint's secret; the one it replaces keeps signing for `overlapMs` (not at all when 0),
 * replacing any older one still in its overlap.
 */
export async function replaceSecret(
  db: Database,
  id: number,
  sealed: string,
  overlapMs: number,
): Promise<EndpointRow | undefined> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(
      overlapMs > 0
        ? {
            secret: sealed,
            previousSecret: sql`${webhookEndpoints.secret}`,
            previousSecretUntil: sql`now() + make_interval(secs => ${overlapMs / 1000})`,
          }
        : { secret: sealed, previousSecret: null, previousSecretUntil: null },
    )
    .where(eq(webhookEndpoints.id, id))
    .returning();
  return row;
}

/** An endpoint's deliveries, newest first, a keyset page at a time, each with its event and attempts. */
export async function listDeliveries(
  db: Database,
  endpointId: number,
  keyset: KeysetRequest,
): Promise<KeysetPage<DeliveryView>> {
  const where = eq(webhookDeliveries.endpointId, endpointId);
  const keys = keysetKeys<DeliveryRow>(webhookDeliveries, [], {
    column: webhookDeliveries.id,
    descending: true,
  });
  const page = await selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      db
        .select()
        .from(webhookDeliveries)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, webhookDeliveries, where),
  );
  const views = await deliveryViews(
    db,
    page.rows.map((row) => row.id),
  );
  return { ...page, rows: page.rows.map((row) => ({ ...row, ...(views.get(row.id) as DeliveryExtras) })) };
}

type DeliveryExtras = Pick<DeliveryView, 'messageId' | 'eventType' | 'attemptList'>;

/** The events and attempts of deliveries `ids`: one query each. */
async function deliveryViews(db: Database, ids: number[]): Promise<Map<number, DeliveryExtras>> {
  const views = new Map<number, DeliveryExtras>();
  if (ids.length === 0) return views;
  const [events, attempts] = await Promise.all([
    db
      .select({ id: webhookDeliveries.id, messageId: webhookEvents.messageId, eventType: webhookEvents.type })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(inArray(webhookDeliveries.id, ids)),
    db
      .select()
      .from(webhookAttempts)
      .where(inArray(webhookAttempts.deliveryId, ids))
      .orderBy(webhookAttempts.deliveryId, webhookAttempts.id),
  ]);
  for (const event of events) views.set(event.id, { ...event, attemptList: [] });
  for (const attempt of attempts) views.get(attempt.deliveryId)?.attemptList.push(attempt);
  return views;
}

export async function findDelivery(
  db: Database,
  endpointId: number,
  id: number,
): Promise<DeliveryView | undefined> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.endpointId, endpointId)))
    .orderBy(desc(webhookDeliveries.id));
  if (!row) return undefined;
  const views = await deliveryViews(db, [row.id]);
  return { ...row, ...(views.get(row.id) as DeliveryExtras) };
}
