import type { Ctx } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import type { KeysetRequest } from '../shared/cursor.js';
import { AppError, notFound } from '../shared/errors.js';
import type { PageRequest } from '../shared/pagination.js';
import type { NotificationFilters, NotificationRow } from './notifications.repository.js';
import * as repository from './notifications.repository.js';

export type { NotificationRow };

export function listNotifications(ctx: Ctx, filters: NotificationFilters, page: PageRequest) {
  return repository.listNotifications(ctx.db, ctx.actor, filters, page);
}

/** The same list as `listNotifications`, one keyset page at a time (v2). */
export function listNotificationsByCursor(ctx: Ctx, filters: NotificationFilters, keyset: KeysetRequest) {
  return repository.listNotificationsByCursor(ctx.db, ctx.actor, filters, keyset);
}

export async function getNotification(ctx: Ctx, id: number): Promise<NotificationRow> {
  const row = await repository.findNotification(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Notification', id);
  return row;
}

/** An admin puts a failed or unknown notification back in the queue (409 for any other status). */
export async function retryNotification(ctx: Ctx, id: number): Promise<NotificationRow> {
  if (ctx.actor.role !== 'admin') throw new AppError('admin_only', 'Only an admin may retry a notification.');
  const current = await getNotification(ctx, id);
  const row = await repository.requeue(ctx.db, id);
  if (row) return row;
  const message = repository.retryableStatuses.includes(current.status)
    ? `Notification ${id} is not sent again: its order ${current.orderId} was deleted.`
    : `Notification ${id} is ${current.status}: only failed or unknown ones are retried.`;
  throw new AppError('not_retryable', message, { status: current.status });
}

/** Africa's Talking delivery-report statuses that are final (the others are steps on the way). */
const FINAL_REPORTS = new Map([
  ['Success', true],
  ['Failed', false],
  ['Rejected', false],
  ['Expired', false],
]);

/**
 * An Africa's Talking delivery report: `id` names a message we sent. Unknown ids and non-final
 * statuses change nothing, and a final status is never moved, so replays are harmless.
 */
export async function recordDeliveryReport(
  db: Database,
  report: { id: string; status: string; failureReason?: string },
): Promise<boolean> {
  const delivered = FINAL_REPORTS.get(report.status);
  if (delivered === undefined) return false;
  return repository.applyDeliveryReport(
    db,
    'africastalking',
    report.id,
    delivered ? { delivered } : { delivered, reason: report.failureReason || report.status },
  );
}
