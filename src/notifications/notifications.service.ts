import type { Ctx } from '../auth/actor.js';
import { getOrder } from '../orders/orders.service.js';
import { notFound } from '../shared/errors.js';
import type { PageRequest } from '../shared/pagination.js';
import type { NotificationFilters, NotificationRow } from './notifications.repository.js';
import * as repository from './notifications.repository.js';

export type { NotificationRow };

export function listNotifications(ctx: Ctx, filters: NotificationFilters, page: PageRequest) {
  return repository.listNotifications(ctx.db, ctx.actor, filters, page);
}

/** The notifications of one order the caller can see (404 for anyone else's). */
export async function listOrderNotifications(
  ctx: Ctx,
  orderId: number,
  filters: NotificationFilters,
  page: PageRequest,
) {
  await getOrder(ctx, orderId);
  return repository.listNotifications(ctx.db, ctx.actor, { ...filters, orderId }, page);
}

export async function getNotification(ctx: Ctx, id: number): Promise<NotificationRow> {
  const row = await repository.findNotification(ctx.db, ctx.actor, id);
  if (!row) throw notFound('Notification', id);
  return row;
}
