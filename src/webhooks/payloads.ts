import type { CustomerRow } from '../customers/customers.repository.js';
import { toCustomerV2 } from '../customers/customers.routes.v2.js';
import type { ItemRow } from '../items/items.repository.js';
import { toItemV2 } from '../items/items.routes.v2.js';
import type { NotificationRow } from '../notifications/notifications.repository.js';
import { toNotificationV2 } from '../notifications/notifications.routes.v2.js';
import type { OrderView } from '../orders/orders.repository.js';
import { toOrderV2 } from '../orders/orders.routes.v2.js';

/** What endpoints subscribe to. Written by the triggers of migration 0013, except `webhook.test`. */
export const webhookEventTypes = [
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
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by `POST /api/v2/webhooks/{id}/test/`, to that endpoint only, whatever it subscribes to. */
export const TEST_EVENT = 'webhook.test';

export interface StoredEvent {
  type: string;
  /** The row as the trigger wrote it: its table's column names, numbers as text. */
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A row of `to_jsonb` as Drizzle would have read it: camelCase names, timestamps as dates. */
function rowOf<T>(data: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(data)) {
    const name = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const instant = typeof value === 'string' && (column.endsWith('_at') || column === 'time_placed');
    row[name] = instant ? new Date(value) : value;
  }
  return row as T;
}

/** The resource as API v2 shows it, with its `version`, so receivers can order and deduplicate. */
function representationOf(type: string, data: Record<string, unknown>, origin: string): unknown {
  switch (type.slice(0, type.indexOf('.'))) {
    case 'order': {
      const view = rowOf<OrderView>(data);
      return { ...toOrderV2(view, origin), version: view.version };
    }
    case 'customer': {
      const row = rowOf<CustomerRow>(data);
      return { ...toCustomerV2(row, origin), version: row.version };
    }
    case 'item': {
      const row = rowOf<ItemRow>(data);
      return { ...toItemV2(row, origin), version: row.version };
    }
    case 'notification': {
      const row = rowOf<NotificationRow>(data);
      return { ...toNotificationV2(row, origin), version: row.version };
    }
    default:
      return data;
  }
}

/** The body every endpoint receives for `event`: `{ type, timestamp, data }`. Links start at `origin`. */
export function payloadOf(event: StoredEvent, origin: string): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: representationOf(event.type, event.data, origin),
  });
}
