import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { NotModified, readPageWithVersion, readWithVersion, withVersion } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { problemResponses } from '../http/problem.js';
import { API_V1, absoluteUrl } from '../http/urls.js';
import { AppError } from '../shared/errors.js';
import { type Page, pageLinks } from '../shared/pagination.js';
import { IdParams } from '../shared/schemas.js';
import { secretsEqual } from '../shared/secrets.js';
import { NotificationListQuery, NotificationPageV1, NotificationV1 } from './notifications.schemas.js';
import {
  getNotification,
  listNotifications,
  type NotificationRow,
  recordDeliveryReport,
  retryNotification,
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

/** A page of notifications in the v1 list shape, with its ETag (or 304). */
export function notificationPageV1(
  request: FastifyRequest,
  reply: FastifyReply,
  page: Page<NotificationRow>,
  query: { limit: number; offset: number },
) {
  return readPageWithVersion(reply, page, () => ({
    count: page.count,
    ...pageLinks(absoluteUrl(request, request.url), query, page.count),
    results: page.rows.map((row) => toNotificationV1(row, request)),
  }));
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
        response: { 200: NotificationPageV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, status } = request.query;
      const page = await listNotifications(ctxOf(request), { status }, { limit, offset });
      return notificationPageV1(request, reply, page, { limit, offset });
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
        response: { 200: NotificationV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getNotification(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toNotificationV1(row, request));
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
        response: { 200: NotificationV1, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      const row = await retryNotification(ctxOf(request), request.params.id);
      return withVersion(reply, row.version, toNotificationV1(row, request));
    },
  );
};

const DeliveryReport = Type.Object(
  {
    id: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The message id Africa’s Talking gave at sending.',
    }),
    status: Type.String({ minLength: 1, maxLength: 50, examples: ['Success', 'Failed', 'Rejected', 'Sent'] }),
    phoneNumber: Type.Optional(Type.String({ maxLength: 32 })),
    networkCode: Type.Optional(Type.String({ maxLength: 16 })),
    failureReason: Type.Optional(Type.String({ maxLength: 200 })),
    retryCount: Type.Optional(Type.String({ maxLength: 16 })),
  },
  { additionalProperties: true, title: 'Delivery report' },
);

const CallbackQuery = Type.Object({ secret: Type.Optional(Type.String({ maxLength: 200 })) });

const Acknowledged = Type.Object(
  { received: Type.Boolean(), updated: Type.Boolean({ description: 'Whether a notification changed.' }) },
  { additionalProperties: false },
);

/**
 * Africa's Talking delivery reports (form-encoded; AT signs nothing, so the URL carries a shared
 * secret, or an X-Callback-Secret header does).
 */
export const deliveryReportRoutesV1: FastifyPluginAsyncTypebox<{ secret: string | undefined }> = async (
  app,
  { secret },
) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 4096 },
    (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  app.post(
    '/notifications/callbacks/africastalking/',
    {
      config: { rateLimit: 'callback', versionless: true },
      schema: {
        operationId: 'africasTalkingDeliveryReport',
        summary: "Africa's Talking delivery report (callback)",
        description:
          'Set `…/api/v1/notifications/callbacks/africastalking/?secret=AT_CALLBACK_SECRET` as the delivery-report URL in the Africa’s Talking dashboard. Unknown message ids and replays change nothing; a final status is never moved back.',
        tags,
        querystring: CallbackQuery,
        body: DeliveryReport,
        response: { 200: Acknowledged, ...problemResponses() },
      },
    },
    async (request) => {
      if (!secret)
        throw new AppError('not_found', 'Delivery reports are not configured (AT_CALLBACK_SECRET is unset).');
      const header = request.headers['x-callback-secret'];
      const presented = request.query.secret ?? (typeof header === 'string' ? header : undefined);
      if (!secretsEqual(presented, secret)) {
        request.log.warn('delivery report with a wrong or missing secret');
        throw new AppError('unauthorized', 'The callback secret is wrong or missing.', undefined, {
          'www-authenticate': 'Secret realm="africastalking-callback"',
        });
      }
      const updated = await recordDeliveryReport(app.db, request.body);
      return { received: true, updated };
    },
  );
};
