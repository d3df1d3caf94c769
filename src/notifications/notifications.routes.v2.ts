import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { NotModified, readWithVersion, withVersion } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { problemResponses } from '../http/problem.js';
import { API_V2, absoluteUrl, type LinkBase } from '../http/urls.js';
import { IdParams } from '../shared/schemas.js';
import { NotificationListQueryV2, NotificationPageV2, NotificationV2 } from './notifications.schemas.js';
import {
  getNotification,
  listNotificationsByCursor,
  type NotificationRow,
  retryNotification,
} from './notifications.service.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toNotificationV2(row: NotificationRow, base: LinkBase): NotificationV2 {
  return {
    id: row.id,
    url: absoluteUrl(base, `${API_V2}/notifications/${row.id}/`),
    // The path of orders.routes.v2.ts, written out: that module imports this one.
    order: { id: row.orderId, url: absoluteUrl(base, `${API_V2}/orders/${row.orderId}/`) },
    event: row.event,
    recipient: row.recipient,
    message: row.message,
    status: row.status,
    attempts: row.attempts,
    provider: row.provider,
    provider_message_id: row.providerMessageId,
    cost: row.cost,
    last_error: row.lastError,
    next_attempt_at: row.nextAttemptAt.toISOString(),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    sent_at: iso(row.sentAt),
    delivered_at: iso(row.deliveredAt),
  };
}

const tags = ['notifications'];

/** SMS notifications of order events in v2: the order linked, keyset pages; the same service as v1. */
export const notificationsRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications/',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'List notifications',
        description:
          'Newest first. Staff see the notifications of their own orders; admins see all. A keyset page: ' +
          'follow `next` and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: NotificationListQueryV2,
        response: { 200: NotificationPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const page = await listNotificationsByCursor(
        ctxOf(request),
        { status: request.query.status },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toNotificationV2(row, request));
    },
  );

  app.get(
    '/notifications/:id/',
    {
      schema: {
        operationId: 'getNotification',
        summary: 'Get a notification',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: NotificationV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getNotification(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toNotificationV2(row, request));
    },
  );

  app.post(
    '/notifications/:id/retry/',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'retryNotification',
        summary: 'Send a failed or unknown notification again (admins)',
        description:
          'Puts it back in the queue with fresh attempts. A notification whose outcome is `unknown` may reach the customer twice.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: NotificationV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      const row = await retryNotification(ctxOf(request), request.params.id);
      return withVersion(reply, row.version, toNotificationV2(row, request));
    },
  );
};
