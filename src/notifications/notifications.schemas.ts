import { type Static, Type } from 'typebox';
import { notificationEvents, notificationStatuses } from '../db/schema.js';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { PageOf, PageQuery } from '../shared/pagination.js';

const Timestamp = (description: string) => Type.String({ format: 'date-time', description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const NotificationStatus = Type.Enum([...notificationStatuses], {
  description:
    '`pending` (waiting to be sent, or for a retry), `sending`, `sent` (the provider took it), `delivered` (the handset got it), `failed` (gave up, see `last_error`), `unknown` (a send whose outcome was lost; an admin may retry it), `cancelled` (never sent: its order was deleted first).',
});

export const NotificationV1 = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String({ format: 'uri' }),
    order: Type.Integer({
      description:
        'Id of the order it announces. A deleted order keeps its notifications on record under its id.',
    }),
    event: Type.Enum([...notificationEvents]),
    recipient: Type.String({ description: 'E.164 phone number of the customer when the event happened.' }),
    message: Type.String(),
    status: NotificationStatus,
    attempts: Type.Integer({ minimum: 0, description: 'Sends tried so far.' }),
    provider: Nullable(Type.String({ description: 'Who sent it: `africastalking` or `console`.' })),
    provider_message_id: Nullable(
      Type.String({ description: "The provider's message id (delivery reports name it)." }),
    ),
    cost: Nullable(
      Type.String({ description: 'What the provider charged, as it says it, e.g. `KES 0.8000`.' }),
    ),
    last_error: Nullable(
      Type.String({ description: 'Why the last try failed, or a note on a repeated send.' }),
    ),
    next_attempt_at: Timestamp('When it is (or was) due to be sent.'),
    created_at: Timestamp('When the order event happened.'),
    updated_at: Timestamp('Last change.'),
    sent_at: Nullable(Timestamp('When the provider took it.')),
    delivered_at: Nullable(Timestamp('When the delivery report said it arrived.')),
  },
  { additionalProperties: false, title: 'Notification' },
);
export type NotificationV1 = Static<typeof NotificationV1>;

export const NotificationListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(NotificationStatus) },
  { additionalProperties: false },
);

export const NotificationPageV1 = PageOf(NotificationV1, 'Notification');

// v2: the order it announces is linked; the rest is v1's.

const { id: _id, url: _url, order: _order, ...notificationFields } = NotificationV1.properties;

export const NotificationV2 = Type.Object(
  {
    id: Type.Integer(),
    url: Type.String({ format: 'uri', description: 'Absolute URL of this notification.' }),
    order: Type.Object(
      {
        id: Type.Integer({ description: 'Id of the order it announces.' }),
        url: Type.String({
          format: 'uri',
          description:
            'Absolute URL of the order (404 once the order is deleted: its notifications stay on record).',
        }),
      },
      { additionalProperties: false, title: 'Notification order' },
    ),
    ...notificationFields,
  },
  { additionalProperties: false, title: 'Notification' },
);
export type NotificationV2 = Static<typeof NotificationV2>;

export const NotificationListQueryV2 = Type.Object(
  { ...CursorQuery, status: Type.Optional(NotificationStatus) },
  { additionalProperties: false },
);

export const NotificationPageV2 = CursorPageOf(NotificationV2, 'Notification');
