import type { paths } from '@orderly/client';
import { queryOptions } from '@tanstack/react-query';
import { answer, api, etagOf } from './api';
import { keys } from './keys';

/** What the webhook pages share: the API's shapes, the event types to subscribe to, how a state reads. */
export type Webhook = paths['/api/v2/webhooks/{id}/']['get']['responses'][200]['content']['application/json'];
export type Delivery =
  paths['/api/v2/webhooks/deliveries/{id}/retry/']['post']['responses'][200]['content']['application/json'];
export type Attempt = Delivery['attempts'][number];

/** `events: ["*"]`: every event type, those added later included. */
export const ALL_EVENTS = '*';

/** The event types an endpoint subscribes to (src/webhooks/payloads.ts `webhookEventTypes`), as options. */
export const EVENT_TYPES = [
  'order.placed',
  'order.updated',
  'order.closed',
  'order.cancelled',
  'order.deleted',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'item.created',
  'item.updated',
  'item.deleted',
  'notification.delivered',
  'notification.failed',
].map((type) => ({ value: type, label: type }));

export const time = (at: string | null | undefined) => (at ? new Date(at).toLocaleString() : '—');

/** The latest attempt of a delivery, if it was attempted. */
export function lastAttempt(delivery: Delivery): Attempt | undefined {
  return delivery.attempts.reduce<Attempt | undefined>(
    (latest, attempt) => (latest && latest.attempted_at >= attempt.attempted_at ? latest : attempt),
    undefined,
  );
}

export const eventsText = (events: readonly string[]) =>
  events.includes(ALL_EVENTS) ? 'All events' : events.join(', ');

/** Enabled, or disabled with why and since when (an admin, a 410 Gone, failing too long). */
export function stateText(webhook: Webhook): string {
  if (webhook.enabled) return 'Enabled';
  const since = webhook.disabled_at ? ` since ${time(webhook.disabled_at)}` : '';
  return webhook.disabled_reason ? `Disabled${since}: ${webhook.disabled_reason}` : `Disabled${since}`;
}

/** One endpoint, with the ETag that its changes send back in If-Match. */
export const webhookQuery = (id: number) =>
  queryOptions({
    queryKey: keys.webhook(id),
    queryFn: async () => {
      const { data, response } = await answer(
        api.GET('/api/v2/webhooks/{id}/', { params: { path: { id } } }),
      );
      return { webhook: data, etag: etagOf(response) };
    },
  });
