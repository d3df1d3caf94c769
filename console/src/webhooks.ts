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

type EventType = Exclude<Webhook['events'][number], typeof ALL_EVENTS>;

/**
 * What each event type an endpoint may subscribe to means. A record over the API's own enumeration, so that
 * the console's choices are exactly the API's: a type added to it (or dropped) fails to compile here.
 */
const EVENT_MEANINGS: Record<EventType, string> = {
  'order.placed': 'an order is placed',
  'order.updated': 'an order is changed',
  'order.closed': 'an order is closed',
  'order.cancelled': 'an order is cancelled',
  'order.deleted': 'an order is deleted',
  'customer.created': 'a customer is added',
  'customer.updated': 'a customer is changed',
  'customer.deleted': 'a customer is deleted',
  'item.created': 'a catalogue item is added',
  'item.updated': 'a catalogue item is changed or archived',
  'item.deleted': 'a catalogue item is deleted',
  'notification.delivered': 'an SMS is delivered',
  'notification.failed': 'an SMS could not be delivered',
};

/** The event types, as the options of the events field. */
export const EVENT_TYPES = Object.entries(EVENT_MEANINGS).map(([type, meaning]) => ({
  value: type,
  label: `${type}: ${meaning}`,
}));

export const time = (at: string | null | undefined) => (at ? new Date(at).toLocaleString() : '—');

/** The latest attempt of a delivery (they come oldest first), if it was attempted. */
export const lastAttempt = (delivery: Delivery): Attempt | undefined => delivery.attempts.at(-1);

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
