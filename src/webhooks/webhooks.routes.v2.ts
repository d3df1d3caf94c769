import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { expectedVersions, NotModified, readWithVersion, withVersion } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { problemResponses } from '../http/problem.js';
import { API_V2, absoluteUrl } from '../http/urls.js';
import { CursorQuery } from '../shared/cursor.js';
import { IdParams } from '../shared/schemas.js';
import {
  CreateWebhookBody,
  UpdateWebhookBody,
  WebhookCreatedV2,
  WebhookDeliveryPageV2,
  WebhookDeliveryV2,
  WebhookPageV2,
  WebhookV2,
} from './webhooks.schemas.js';
import {
  createEndpoint,
  type DeliveryView,
  deleteEndpoint,
  type EndpointRow,
  type EndpointWithSecret,
  getEndpoint,
  listDeliveries,
  listEndpoints,
  retryDelivery,
  rotateSecret,
  testEndpoint,
  updateEndpoint,
  type WebhooksCtx,
} from './webhooks.service.js';

export const webhookPathV2 = (id: number) => `${API_V2}/webhooks/${id}/`;
const deliveriesPathV2 = (id: number) => `${webhookPathV2(id)}deliveries/`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookV2(row: EndpointRow, request: FastifyRequest): WebhookV2 {
  return {
    id: row.id,
    self: absoluteUrl(request, webhookPathV2(row.id)),
    url: row.url,
    description: row.description,
    events: row.events as WebhookV2['events'],
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    disabled_at: iso(row.disabledAt),
    failing_since: iso(row.failingSince),
    previous_secret_expires_at: iso(row.previousSecretUntil),
    deliveries: absoluteUrl(request, deliveriesPathV2(row.id)),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function toWebhookDeliveryV2(view: DeliveryView, request: FastifyRequest): WebhookDeliveryV2 {
  return {
    id: view.id,
    webhook: { id: view.endpointId, self: absoluteUrl(request, webhookPathV2(view.endpointId)) },
    event: { id: view.messageId, type: view.eventType },
    status: view.status,
    attempt_count: view.attempts,
    next_attempt_at: iso(view.nextAttemptAt),
    last_status_code: view.lastStatusCode,
    last_error: view.lastError,
    delivered_at: iso(view.deliveredAt),
    created_at: view.createdAt.toISOString(),
    updated_at: view.updatedAt.toISOString(),
    attempts: view.attemptList.map((attempt) => ({
      attempted_at: attempt.attemptedAt.toISOString(),
      duration_ms: attempt.durationMs,
      status_code: attempt.statusCode,
      error: attempt.error,
      response: attempt.response,
    })),
  };
}

/** Deliveries have no version column: a list page's ETag comes from what an attempt changes. */
const deliveryTag = (view: DeliveryView) => `${view.status}.${view.attempts}.${view.updatedAt.getTime()}`;

const webhooksCtxOf = (request: FastifyRequest): WebhooksCtx => ({
  ...ctxOf(request),
  webhooks: request.server.webhooks,
});

const withSecret = (request: FastifyRequest, reply: FastifyReply, { endpoint, secret }: EndpointWithSecret) =>
  withVersion(reply, endpoint.version, { ...toWebhookV2(endpoint, request), secret });

/** After the auth plugin's `private, no-cache`: no cache, private or not, may keep a secret. */
const noStore = async (_request: FastifyRequest, reply: FastifyReply) => {
  reply.header('cache-control', 'no-store');
};

const tags = ['webhooks'];
const ADMINS_ONLY = 'Admins only: anyone else gets 403 `admin_only`.';
const SECRET_ONCE =
  'The body holds the signing secret (`secret`), shown in this response only: the server keeps it encrypted ' +
  '(AES-256-GCM; it must sign with it, so a hash would not do) and never shows it again. `Idempotency-Key` is ' +
  'not supported here: a stored response would keep the secret.';
const SENT_NOW =
  'Sent now, while the request waits (up to `WEBHOOK_TIMEOUT_MS`), to the checked address of the URL: the ' +
  'answer holds the attempt with the receiver’s status, the first kilobyte of its answer, or the error. ' +
  '`Idempotency-Key` is not supported here: the request would hold a database transaction open while the ' +
  'receiver answers.';

const PageQueryV2 = Type.Object({ ...CursorQuery }, { additionalProperties: false });

/**
 * Webhook endpoints (admins): register, change, delete, rotate the secret, send a test event, and the
 * deliveries with their attempts. Payloads and headers are described under the document's `webhooks`.
 */
export const webhooksRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/webhooks/',
    {
      schema: {
        operationId: 'listWebhooks',
        summary: 'List webhook endpoints (admins)',
        description:
          `${ADMINS_ONLY} Newest first, disabled ones too; never their secrets. A keyset page: follow \`next\` ` +
          'and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: PageQueryV2,
        response: { 200: WebhookPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const page = await listEndpoints(ctxOf(request), keysetRequestOf(request));
      return answerKeysetPage(request, reply, page, (row) => toWebhookV2(row, request));
    },
  );

  // Not `idempotent`: see SECRET_ONCE.
  app.post(
    '/webhooks/',
    {
      onSend: noStore,
      schema: {
        operationId: 'createWebhook',
        summary: 'Register a webhook endpoint (admins)',
        description:
          `${ADMINS_ONLY} From now on every event of the types in \`events\` is POSTed to \`url\`, signed as ` +
          `Standard Webhooks specifies. ${SECRET_ONCE}`,
        tags,
        security: AUTHENTICATED,
        body: CreateWebhookBody,
        response: { 201: WebhookCreatedV2, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const created = await createEndpoint(webhooksCtxOf(request), request.body);
      const body = withSecret(request, reply, created);
      reply.code(201).header('location', body.self);
      return body;
    },
  );

  app.get(
    '/webhooks/:id/',
    {
      schema: {
        operationId: 'getWebhook',
        summary: 'Get a webhook endpoint (admins)',
        description: `${ADMINS_ONLY} Never its secret.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: WebhookV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getEndpoint(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toWebhookV2(row, request));
    },
  );

  app.patch(
    '/webhooks/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'updateWebhook',
        summary: 'Change some fields of a webhook endpoint (admins)',
        description:
          `${ADMINS_ONLY} JSON merge patch (RFC 7396). \`enabled: true\` enables an endpoint the dispatcher ` +
          'disabled (410 Gone, or failing for too long), clearing `disabled_reason` and `failing_since`; ' +
          'deliveries that failed meanwhile are not sent again (retry them one by one).',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body: UpdateWebhookBody,
        response: { 200: WebhookV2, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await updateEndpoint(
        webhooksCtxOf(request),
        request.params.id,
        request.body,
        expectedVersions(request),
      );
      return withVersion(reply, row.version, toWebhookV2(row, request));
    },
  );

  app.delete(
    '/webhooks/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteWebhook',
        summary: 'Delete a webhook endpoint (admins)',
        description:
          `${ADMINS_ONLY} Its deliveries stop at once, those waiting for a retry included, and their record ` +
          'goes with it. To stop deliveries for a while instead, set `enabled: false`.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      await deleteEndpoint(ctxOf(request), request.params.id, expectedVersions(request));
      return reply.code(204).send(null);
    },
  );

  // Not `idempotent`: see SECRET_ONCE.
  app.post(
    '/webhooks/:id/rotate-secret/',
    {
      onSend: noStore,
      schema: {
        operationId: 'rotateWebhookSecret',
        summary: 'Give a webhook endpoint a new signing secret (admins)',
        description:
          `${ADMINS_ONLY} Deliveries are signed with the new secret at once and, until ` +
          '`previous_secret_expires_at` (`WEBHOOK_ROTATION_OVERLAP_HOURS` from now), with the previous one too: ' +
          '`webhook-signature` then carries two `v1,` signatures, so the receiver can switch to the new secret ' +
          'in its own time. Rotating again within the overlap ends the older secret’s at once. No body. ' +
          SECRET_ONCE,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: WebhookCreatedV2, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) =>
      withSecret(request, reply, await rotateSecret(webhooksCtxOf(request), request.params.id)),
  );

  // Not `idempotent`: see SENT_NOW.
  app.post(
    '/webhooks/:id/test/',
    {
      schema: {
        operationId: 'testWebhook',
        summary: 'Send a test event to a webhook endpoint (admins)',
        description:
          `${ADMINS_ONLY} A \`webhook.test\` event, signed like any other, to this endpoint only, enabled or ` +
          'not and whatever its `events`: `data` names the endpoint. It is never retried and never counts ' +
          `toward disabling the endpoint. ${SENT_NOW} No body.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: WebhookDeliveryV2, ...problemResponses(403, 503) },
      },
    },
    async (request) => {
      const { id } = request.params;
      const delivery = await testEndpoint(
        webhooksCtxOf(request),
        id,
        absoluteUrl(request, webhookPathV2(id)),
      );
      return toWebhookDeliveryV2(delivery, request);
    },
  );

  app.get(
    '/webhooks/:id/deliveries/',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'List the deliveries of a webhook endpoint (admins)',
        description:
          `${ADMINS_ONLY} One delivery per event sent to this endpoint, newest first, each with its attempts: ` +
          'status code, duration, error and the first kilobyte of the answer. A keyset page: follow `next` ' +
          'and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        querystring: PageQueryV2,
        response: { 200: WebhookDeliveryPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const page = await listDeliveries(ctxOf(request), request.params.id, keysetRequestOf(request));
      return answerKeysetPage(
        request,
        reply,
        page,
        (view) => toWebhookDeliveryV2(view, request),
        deliveryTag,
      );
    },
  );

  // Not `idempotent`: see SENT_NOW.
  app.post(
    '/webhooks/deliveries/:id/retry/',
    {
      schema: {
        operationId: 'retryWebhookDelivery',
        summary: 'Attempt a webhook delivery again now (admins)',
        description:
          `${ADMINS_ONLY} One more attempt, whatever the delivery’s status (a succeeded one is sent again), ` +
          'with the same `webhook-id`, so a receiver that deduplicates ignores a delivery it already has. A ' +
          'failure is retried on the usual schedule while attempts remain. While a dispatcher is attempting ' +
          `it: 409 \`delivery_in_progress\`. ${SENT_NOW} No body.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: WebhookDeliveryV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request) =>
      toWebhookDeliveryV2(await retryDelivery(webhooksCtxOf(request), request.params.id), request),
  );
};
