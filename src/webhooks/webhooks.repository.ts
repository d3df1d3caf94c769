import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { countRows, keysetKeys, selectKeysetPage } from '../db/keyset.js';
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from '../db/schema.js';
import { versionIn } from '../db/versions.js';
import type { KeysetPage, KeysetRequest } from '../shared/cursor.js';
import type { ExpectedVersions } from '../shared/versions.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;
type AttemptRow = typeof webhookAttempts.$inferSelect;
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

/** Deliveries with their event's `webhook-id` and type: one join. */
const selectDeliveries = (db: Database) =>
  db
    .select({
      ...getTableColumns(webhookDeliveries),
      messageId: webhookEvents.messageId,
      eventType: webhookEvents.type,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId));

type DeliveryWithEvent = Omit<DeliveryView, 'attemptList'>;

/** Each delivery with its attempts, oldest first: one query for all of them. */
async function withAttempts(db: Database, rows: DeliveryWithEvent[]): Promise<DeliveryView[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(webhookAttempts)
    .where(
      inArray(
        webhookAttempts.deliveryId,
        rows.map((row) => row.id),
      ),
    )
    .orderBy(webhookAttempts.deliveryId, webhookAttempts.id);
  return rows.map((row) => ({
    ...row,
    attemptList: attempts.filter((attempt) => attempt.deliveryId === row.id),
  }));
}

/** An endpoint's deliveries, newest first, a keyset page at a time, each with its event and attempts. */
export async function listDeliveries(
  db: Database,
  endpointId: number,
  keyset: KeysetRequest,
): Promise<KeysetPage<DeliveryView>> {
  const where = eq(webhookDeliveries.endpointId, endpointId);
  const keys = keysetKeys<DeliveryWithEvent>(webhookDeliveries, [], {
    column: webhookDeliveries.id,
    descending: true,
  });
  const page = await selectKeysetPage(
    keys,
    keyset,
    (seek, orderBy, limit) =>
      selectDeliveries(db)
        .where(and(where, seek))
        .orderBy(...orderBy)
        .limit(limit),
    () => countRows(db, webhookDeliveries, where),
  );
  return { ...page, rows: await withAttempts(db, page.rows) };
}

export async function findDelivery(
  db: Database,
  endpointId: number,
  id: number,
): Promise<DeliveryView | undefined> {
  const rows = await selectDeliveries(db).where(
    and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.endpointId, endpointId)),
  );
  const [view] = await withAttempts(db, rows);
  return view;
}
