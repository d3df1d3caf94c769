import { randomUUID } from 'node:crypto';
import { assertAdmin, type Ctx } from '../auth/actor.js';
import type { KeysetRequest } from '../shared/cursor.js';
import { AppError, assertNoFieldErrors, type FieldError, notFound } from '../shared/errors.js';
import { assertVersion, type ExpectedVersions, missingOrChanged } from '../shared/versions.js';
import type { WebhookAttempts } from './attempts.js';
import * as outbox from './outbox.repository.js';
import { webhookEventTypes } from './payloads.js';
import { newSigningSecret } from './secrets.js';
import type { DeliveryView, EndpointRow } from './webhooks.repository.js';
import * as repository from './webhooks.repository.js';

export type { DeliveryView, EndpointRow };

/** Webhook changes sign and send: their context carries what attempts need. */
export interface WebhooksCtx extends Ctx {
  webhooks: WebhookAttempts;
}

export interface EndpointInput {
  url: string;
  description?: string;
  /** Event types, or `['*']` for all of them. */
  events: string[];
  enabled?: boolean;
}

/** An endpoint and its signing secret, which is shown once: at creation and at each rotation. */
export interface EndpointWithSecret {
  endpoint: EndpointRow;
  secret: string;
}

const WHAT = 'manage webhooks';
const known = new Set<string>([...webhookEventTypes, '*']);

async function normalise(
  ctx: WebhooksCtx,
  input: Partial<EndpointInput>,
): Promise<repository.EndpointChanges> {
  const errors: FieldError[] = [];
  const changes: repository.EndpointChanges = {};
  if (input.url !== undefined) {
    const refusal = await ctx.webhooks.policy.refusal(input.url);
    if (refusal) errors.push({ field: 'url', code: 'refused', message: refusal });
    changes.url = input.url;
  }
  if (input.description !== undefined) changes.description = input.description.trim();
  if (input.events !== undefined) {
    const events = [...new Set(input.events)];
    for (const event of events.filter((event) => !known.has(event))) {
      errors.push({ field: 'events', code: 'unknown', message: `${event} is not an event type.` });
    }
    if (events.length === 0)
      errors.push({ field: 'events', code: 'required', message: 'Name at least one event type, or "*".' });
    if (events.includes('*') && events.length > 1) {
      errors.push({ field: 'events', code: 'ambiguous', message: '"*" means every event: give it alone.' });
    }
    changes.events = events;
  }
  if (input.enabled !== undefined) changes.enabled = input.enabled;
  assertNoFieldErrors(errors);
  return changes;
}

export async function createEndpoint(ctx: WebhooksCtx, input: EndpointInput): Promise<EndpointWithSecret> {
  assertAdmin(ctx.actor, WHAT);
  const changes = await normalise(ctx, input);
  const secret = newSigningSecret();
  const endpoint = await repository.insertEndpoint(ctx.db, {
    url: input.url,
    description: changes.description ?? '',
    events: changes.events ?? [],
    enabled: changes.enabled ?? true,
    secret: await ctx.webhooks.box.seal(secret),
    createdBy: ctx.actor.userId,
  });
  return { endpoint, secret };
}

export function listEndpoints(ctx: Ctx, keyset: KeysetRequest) {
  assertAdmin(ctx.actor, WHAT);
  return repository.listEndpoints(ctx.db, keyset);
}

export async function getEndpoint(ctx: Ctx, id: number): Promise<EndpointRow> {
  assertAdmin(ctx.actor, WHAT);
  const endpoint = await repository.findEndpoint(ctx.db, id);
  if (!endpoint) throw notFound('Webhook', id);
  return endpoint;
}

/** Changes the given fields; enabling a disabled endpoint clears why it was disabled. */
export async function updateEndpoint(
  ctx: WebhooksCtx,
  id: number,
  input: Partial<EndpointInput>,
  expected: ExpectedVersions,
): Promise<EndpointRow> {
  assertAdmin(ctx.actor, WHAT);
  const changes = await normalise(ctx, input);
  if (Object.keys(changes).length === 0) {
    const current = await getEndpoint(ctx, id);
    assertVersion('Webhook', current, expected);
    return current;
  }
  const endpoint = await repository.updateEndpoint(ctx.db, id, changes, expected);
  if (!endpoint)
    throw await missingOrChanged('Webhook', id, expected, () => repository.findEndpoint(ctx.db, id));
  return endpoint;
}

/** Deletes an endpoint and the record of its deliveries; its events stop at once. */
export async function deleteEndpoint(ctx: Ctx, id: number, expected: ExpectedVersions): Promise<void> {
  assertAdmin(ctx.actor, WHAT);
  if (!(await repository.deleteEndpoint(ctx.db, id, expected)))
    throw await missingOrChanged('Webhook', id, expected, () => repository.findEndpoint(ctx.db, id));
}

/**
 * A new signing secret. The old one keeps signing alongside it for WEBHOOK_ROTATION_OVERLAP_HOURS (each
 * delivery then carries both signatures), so the receiver can switch without refusing a delivery.
 */
export async function rotateSecret(ctx: WebhooksCtx, id: number): Promise<EndpointWithSecret> {
  assertAdmin(ctx.actor, WHAT);
  const secret = newSigningSecret();
  const sealed = await ctx.webhooks.box.seal(secret);
  const endpoint = await repository.replaceSecret(ctx.db, id, sealed, ctx.webhooks.rotationOverlapMs);
  if (!endpoint) throw notFound('Webhook', id);
  return { endpoint, secret };
}

/**
 * Sends a `webhook.test` event to the endpoint now, enabled or not, and returns the delivery with the
 * receiver's answer. It is never retried and never counts toward disabling the endpoint.
 */
export async function testEndpoint(ctx: WebhooksCtx, id: number, endpointUrl: string): Promise<DeliveryView> {
  assertAdmin(ctx.actor, WHAT);
  const token = randomUUID();
  const data = { webhook: { id, url: endpointUrl }, message: 'A test event from Orderly.' };
  const delivery = await outbox.insertTestDelivery(ctx.db, id, data, token, ctx.webhooks.leaseMs);
  if (!delivery) throw notFound('Webhook', id);
  await ctx.webhooks.attempt(ctx.db, delivery, token);
  return (await repository.findDelivery(ctx.db, id, delivery.id)) as DeliveryView;
}

export async function listDeliveries(ctx: Ctx, endpointId: number, keyset: KeysetRequest) {
  await getEndpoint(ctx, endpointId);
  return repository.listDeliveries(ctx.db, endpointId, keyset);
}

/**
 * Makes one more attempt of a delivery now, whatever its status (409 `delivery_in_progress` while a
 * dispatcher is attempting it), with the same `webhook-id`; a failure is retried on the usual schedule
 * while attempts remain.
 */
export async function retryDelivery(ctx: WebhooksCtx, id: number): Promise<DeliveryView> {
  assertAdmin(ctx.actor, WHAT);
  const token = randomUUID();
  const delivery = await outbox.claimOne(ctx.db, id, token, ctx.webhooks.leaseMs);
  if (delivery === undefined) throw notFound('Webhook delivery', id);
  if (delivery === 'busy') {
    throw new AppError(
      'delivery_in_progress',
      `Delivery ${id} is being attempted right now; look again in a moment.`,
    );
  }
  await ctx.webhooks.attempt(ctx.db, delivery, token);
  return (await repository.findDelivery(ctx.db, delivery.endpointId, id)) as DeliveryView;
}
