import { type Static, type TSchema, Type } from 'typebox';
import { CustomerV2 } from '../customers/customers.schemas.js';
import { webhookDeliveryStatuses } from '../db/schema.js';
import { ItemV2 } from '../items/items.schemas.js';
import { NotificationV2 } from '../notifications/notifications.schemas.js';
import { OrderV2 } from '../orders/orders.schemas.js';
import { CursorPageOf } from '../shared/cursor.js';
import { Text, Timestamp, Url } from '../shared/schemas.js';
import { TEST_EVENT, webhookEventTypes } from './payloads.js';

// Webhook endpoints as admins manage them in v2. The signing secret is shown once, at creation and at each
// rotation; the database keeps it encrypted (the server signs with it, so a hash would not do).

const ALL_EVENTS = '*';

export const WebhookEventType = Type.Enum([...webhookEventTypes, ALL_EVENTS], {
  description: `An event type, or \`${ALL_EVENTS}\` (alone) for every one of them, those added later included.`,
  examples: ['order.placed'],
});

const NullableTimestamp = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

const DestinationUrl = Type.String({
  format: 'uri',
  maxLength: 2048,
  description:
    'Where deliveries are POSTed: an absolute `https://` URL (`http://` only with `WEBHOOK_ALLOW_HTTP`), ' +
    'without user name, password or fragment. Its host must not be, or resolve to, a loopback, link-local ' +
    '(cloud metadata included), multicast or unspecified address, nor a private one outside ' +
    '`WEBHOOK_ALLOWED_NETWORKS`: 400 `validation_error`, field `url`, code `refused`, with the reason. A name ' +
    'that does not resolve yet is accepted and checked again at every delivery.',
  examples: ['https://invoicing.internal.example.com/hooks/orderly'],
  'x-error-message':
    'Must be an absolute URL such as https://receiver.example.com/hooks, at most 2048 characters.',
});

const DESCRIPTION = 'What the endpoint is for, to tell endpoints apart; trimmed. Empty when none was given.';
const Description = Text({
  maxLength: 500,
  description: DESCRIPTION,
  examples: ['Invoicing: creates an invoice for each closed order'],
});

const Events = Type.Array(
  Type.String({
    minLength: 1,
    maxLength: 100,
    description: `An event type (${webhookEventTypes.join(', ')}) or \`${ALL_EVENTS}\`.`,
  }),
  {
    maxItems: 50,
    description:
      `The event types the endpoint receives, or \`["${ALL_EVENTS}"]\` for all of them. Duplicates count once. ` +
      'An unknown type is 400 `validation_error` with code `unknown`, an empty list code `required`, and ' +
      `\`${ALL_EVENTS}\` next to other types code \`ambiguous\` (field \`events\` each).`,
    examples: [['order.placed', 'order.closed']],
  },
);

const Enabled = Type.Boolean({
  description:
    'False: no events are delivered to it (none are even recorded for it). `true` enables an endpoint the ' +
    'dispatcher disabled, clearing `disabled_reason` and `failing_since`.',
});

const secretDescription =
  'The signing secret: `whsec_` and the base64 of 32 random bytes, as Standard Webhooks defines it. Shown in ' +
  'this response only (the server keeps it encrypted and never shows it again), so store it with the receiver ' +
  'and never log it. Lost: rotate it.';

export const WebhookV2 = Type.Object(
  {
    id: Type.Integer({ description: 'Read-only.' }),
    self: Url('Read-only: absolute URL of this webhook endpoint in the API (`url` is where it delivers).'),
    url: DestinationUrl,
    description: Type.String({ description: DESCRIPTION }),
    events: Type.Array(WebhookEventType, { description: 'The event types it receives, or `["*"]` for all.' }),
    enabled: Type.Boolean({
      description:
        'False: nothing is delivered to it; `disabled_reason` says why when the dispatcher disabled it.',
    }),
    disabled_reason: Type.Union([Type.String(), Type.Null()], {
      description:
        'Why the dispatcher disabled the endpoint (the receiver answered 410 Gone, or every attempt failed ' +
        'for `WEBHOOK_DISABLE_AFTER_HOURS`); null while enabled, or when an admin disabled it.',
      examples: ['The receiver answered 410 Gone.'],
    }),
    disabled_at: NullableTimestamp('When it was last disabled; null while enabled.'),
    failing_since: NullableTimestamp(
      'The first of its current run of failed attempts; null when its last attempt succeeded. A run lasting ' +
        '`WEBHOOK_DISABLE_AFTER_HOURS` disables it.',
    ),
    previous_secret_expires_at: NullableTimestamp(
      'After a rotation: until when deliveries are signed with the previous secret too (two `v1,` signatures ' +
        'in `webhook-signature`); null when only the current secret signs.',
    ),
    deliveries: Url('Read-only: absolute URL of its deliveries, newest first.'),
    created_at: Timestamp('Read-only.'),
    updated_at: Timestamp('Read-only.'),
  },
  { additionalProperties: false, title: 'Webhook endpoint' },
);
export type WebhookV2 = Static<typeof WebhookV2>;

export const WebhookCreatedV2 = Type.Object(
  {
    ...WebhookV2.properties,
    secret: Type.String({
      pattern: '^whsec_[A-Za-z0-9+/]{32,}={0,2}$',
      description: secretDescription,
      examples: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Wlp/3Yr7pI='],
    }),
  },
  { additionalProperties: false, title: 'Webhook endpoint with its secret' },
);
export type WebhookCreatedV2 = Static<typeof WebhookCreatedV2>;

export const CreateWebhookBody = Type.Object(
  {
    url: DestinationUrl,
    description: Type.Optional(Description),
    events: Events,
    enabled: Type.Optional(Type.Boolean({ description: 'Default true.' })),
  },
  {
    additionalProperties: false,
    title: 'New webhook endpoint',
    examples: [
      {
        url: 'https://invoicing.internal.example.com/hooks/orderly',
        description: 'Invoicing',
        events: ['order.placed', 'order.closed'],
      },
    ],
  },
);
export type CreateWebhookBody = Static<typeof CreateWebhookBody>;

/** PATCH (RFC 7396 merge patch): the fields to change. */
export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(DestinationUrl),
    description: Type.Optional(Description),
    events: Type.Optional(Events),
    enabled: Type.Optional(Enabled),
  },
  { additionalProperties: false, title: 'Webhook endpoint changes', examples: [{ enabled: true }] },
);
export type UpdateWebhookBody = Static<typeof UpdateWebhookBody>;

export const WebhookPageV2 = CursorPageOf(WebhookV2, 'Webhook endpoint');

const WebhookAttemptV2 = Type.Object(
  {
    attempted_at: Timestamp('When the request was sent.'),
    duration_ms: Type.Integer({ minimum: 0, description: 'Until the answer, the failure or the timeout.' }),
    status_code: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The receiver’s HTTP status; null when it did not answer.',
      examples: [200],
    }),
    error: Type.Union([Type.String(), Type.Null()], {
      description:
        'Why the attempt failed: a non-2xx status, a timeout, a refused destination, a connection error; null on success.',
      examples: ['timed out after 10000 ms'],
    }),
    response: Type.Union([Type.String(), Type.Null()], {
      description: 'The first kilobyte of the receiver’s answer, as text; null without one.',
    }),
  },
  { additionalProperties: false, title: 'Webhook attempt' },
);

export const WebhookDeliveryV2 = Type.Object(
  {
    id: Type.Integer({
      description: 'Read-only: the delivery id (retry it at `…/webhooks/deliveries/{id}/retry/`).',
    }),
    webhook: Type.Object(
      {
        id: Type.Integer({ description: 'The endpoint’s id.' }),
        self: Url('Absolute URL of the endpoint in the API.'),
      },
      { additionalProperties: false, description: 'The endpoint it goes to.' },
    ),
    event: Type.Object(
      {
        id: Type.String({
          description:
            'The `webhook-id` header of every attempt of this event, retries included: receivers deduplicate on it.',
          examples: ['msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e'],
        }),
        type: Type.String({
          description: `The event type, or \`${TEST_EVENT}\` for a test event.`,
          examples: ['order.placed'],
        }),
      },
      { additionalProperties: false, description: 'The event delivered.' },
    ),
    status: Type.Enum([...webhookDeliveryStatuses], {
      description:
        '`pending`: waiting for its next attempt (`next_attempt_at`); `sending`: being attempted; `succeeded`: ' +
        'the receiver answered 2xx; `failed`: every attempt failed, the receiver answered 410, or a test event failed.',
    }),
    attempt_count: Type.Integer({ minimum: 0, description: 'Attempts so far.' }),
    next_attempt_at: NullableTimestamp('When `pending`: the next attempt; otherwise null.'),
    last_status_code: Type.Union([Type.Integer(), Type.Null()], {
      description: 'The receiver’s status at the last attempt; null before one, or when it did not answer.',
    }),
    last_error: Type.Union([Type.String(), Type.Null()], {
      description: 'Why the last attempt failed; null before one or after a success.',
    }),
    delivered_at: NullableTimestamp('When the receiver answered 2xx; null until then.'),
    created_at: Timestamp('Read-only: when the event was recorded for this endpoint.'),
    updated_at: Timestamp('Read-only.'),
    attempts: Type.Array(WebhookAttemptV2, { description: 'Every attempt so far, oldest first.' }),
  },
  { additionalProperties: false, title: 'Webhook delivery' },
);
export type WebhookDeliveryV2 = Static<typeof WebhookDeliveryV2>;

export const WebhookDeliveryPageV2 = CursorPageOf(WebhookDeliveryV2, 'Webhook delivery');

// What receivers get: the body and headers of every delivery, for the document's top-level `webhooks`
// (OpenAPI 3.1), one entry per event type.

const representations = {
  order: OrderV2,
  customer: CustomerV2,
  item: ItemV2,
  notification: NotificationV2,
} as const;

const Version = Type.Integer({
  minimum: 1,
  description:
    'The resource’s version at this change: it grows with every change, so a receiver keeps the highest it ' +
    'has seen and ignores an event carrying a lower one (deliveries may arrive out of order).',
});

const payloadOf = (type: string, data: TSchema) =>
  Type.Object(
    {
      type: Type.Literal(type, { description: 'The event type.' }),
      timestamp: Timestamp('When the change was committed (the same for every attempt of the event).'),
      data,
    },
    { additionalProperties: false, title: `${type} payload` },
  );

const resourcePayload = (type: (typeof webhookEventTypes)[number]) => {
  const resource = representations[type.slice(0, type.indexOf('.')) as keyof typeof representations];
  return payloadOf(
    type,
    Type.Object(
      { ...resource.properties, version: Version },
      {
        additionalProperties: false,
        description:
          'The resource as API v2 shows it (GET on its `url`), as it was when the change committed (for a ' +
          'deletion: just before it), with its `version`.',
      },
    ),
  );
};

const testPayload = payloadOf(
  TEST_EVENT,
  Type.Object(
    {
      webhook: Type.Object(
        { id: Type.Integer(), url: Url('The endpoint in the API (its `self`).') },
        { additionalProperties: false, description: 'The endpoint the test was sent to.' },
      ),
      message: Type.String({ examples: ['A test event from Orderly.'] }),
    },
    { additionalProperties: false },
  ),
);

const deliveryHeaders = [
  {
    name: 'webhook-id',
    description:
      'The event’s id, the same for every attempt of it (retries included): store it and ignore a delivery ' +
      'whose id you have already processed.',
    example: 'msg_5c1a7b0e9d2f4c6a8b3e1f0d2c4a6b8e',
  },
  {
    name: 'webhook-timestamp',
    description:
      'Unix time of this attempt, in seconds. Refuse a delivery whose timestamp is more than a few minutes ' +
      'from your clock (replay protection); it is part of what is signed.',
    example: '1767225600',
  },
  {
    name: 'webhook-signature',
    description:
      'Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>`, keyed ' +
      'with the base64-decoded part of the secret after `whsec_`. Two during a rotation’s overlap (new secret ' +
      'first): accept the delivery when any one matches, compared in constant time.',
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
  {
    name: 'user-agent',
    description: 'Orderly-Webhooks/<server version>.',
    example: 'Orderly-Webhooks/0.1.0',
  },
].map(({ name, description, example }) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
  example,
}));

const RECEIVER_CONTRACT =
  'POSTed to every enabled endpoint whose `events` include this type (or `*`), signed as Standard Webhooks ' +
  'specifies (verify with its SDKs, e.g. `standardwebhooks` on npm). Answer 2xx within `WEBHOOK_TIMEOUT_MS` ' +
  '(10 s by default), then do the work: anything else is retried with exponential back-off and jitter ' +
  '(`WEBHOOK_RETRY_SCHEDULE`: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then the delivery fails), so ' +
  'the same event may arrive more than once: deduplicate on `webhook-id`. 410 Gone disables the endpoint at ' +
  'once; an endpoint whose every attempt fails for `WEBHOOK_DISABLE_AFTER_HOURS` (72 by default) is disabled. ' +
  'Redirects are not followed.';

/** The `webhooks` of the v2 document: what each event type POSTs to a receiver, and what it should answer. */
export function documentedWebhooks(): Record<string, unknown> {
  const entries: [string, TSchema][] = [
    ...webhookEventTypes.map((type): [string, TSchema] => [type, resourcePayload(type)]),
    [TEST_EVENT, testPayload],
  ];
  return Object.fromEntries(
    entries.map(([type, schema]) => [
      type,
      {
        post: {
          operationId: `${type.replace(/\.(\w)/, (_, letter: string) => letter.toUpperCase())}Webhook`,
          summary:
            type === TEST_EVENT
              ? 'A test event, sent by `POST /api/v2/webhooks/{id}/test/` only'
              : `The \`${type}\` event`,
          description: RECEIVER_CONTRACT,
          tags: ['webhooks'],
          security: [],
          parameters: deliveryHeaders,
          requestBody: {
            required: true,
            // Plain JSON: TypeBox's own markers are not part of the document.
            content: { 'application/json': { schema: JSON.parse(JSON.stringify(schema)) } },
          },
          responses: {
            '2XX': { description: 'Delivered: the event is not sent again (unless an admin retries it).' },
            '410': { description: 'Gone: the endpoint is disabled at once, and nothing more is sent to it.' },
            default: { description: 'Not delivered: retried on the schedule, with the same `webhook-id`.' },
          },
        },
      },
    ]),
  );
}
