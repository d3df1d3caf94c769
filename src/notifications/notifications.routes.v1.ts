import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { ctxOf } from '../http/context.js';
import { problemResponses } from '../http/problem.js';
import { API_V1, absoluteUrl } from '../http/urls.js';
import { type Page, pageLinks } from '../shared/pagination.js';
import { IdParams } from '../shared/schemas.js';
import { NotificationListQuery, NotificationPageV1, NotificationV1 } from './notifications.schemas.js';
import {
  getNotification,
  listNotifications,
  listOrderNotifications,
  type NotificationRow,
} from './notifications.service.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toNotificationV1(row: NotificationRow, request: FastifyRequest): NotificationV1 {
  return {
    id: row.id,
    url: absoluteUrl(request, `${API_V1}/notifications/${row.id}/`),
    order: row.orderId,
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

function pageV1(
  request: FastifyRequest,
  page: Page<NotificationRow>,
  query: { limit: number; offset: number },
) {
  return {
    count: page.count,
    ...pageLinks(absoluteUrl(request, request.url), query, page.count),
    results: page.rows.map((row) => toNotificationV1(row, request)),
  };
}

const tags = ['notifications'];

/** SMS notifications of order events: what was sent to whom, and what became of it. */
export const notificationsRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications/',
    {
      schema: {
        operationId: 'listNotifications',
        summary: 'List notifications',
        description: 'Newest first. Staff see the notifications of their own orders; admins see all.',
        tags,
        security: AUTHENTICATED,
        querystring: NotificationListQuery,
        response: { 200: NotificationPageV1, ...problemResponses(403, 503) },
      },
    },
    async (request) => {
      const { limit, offset, status } = request.query;
      const page = await listNotifications(ctxOf(request), { status }, { limit, offset });
      return pageV1(request, page, { limit, offset });
    },
  );

  app.get(
    '/orders/:id/notifications/',
    {
      schema: {
        operationId: 'listOrderNotifications',
        summary: 'List the notifications of an order',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        querystring: NotificationListQuery,
        response: { 200: NotificationPageV1, ...problemResponses(403, 503) },
      },
    },
    async (request) => {
      const { limit, offset, status } = request.query;
      const page = await listOrderNotifications(
        ctxOf(request),
        request.params.id,
        { status },
        { limit, offset },
      );
      return pageV1(request, page, { limit, offset });
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
        response: { 200: NotificationV1, ...problemResponses(403, 503) },
      },
    },
    async (request) => toNotificationV1(await getNotification(ctxOf(request), request.params.id), request),
  );
};
