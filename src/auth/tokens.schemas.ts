import { type Static, Type } from 'typebox';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { Text, Timestamp, Url } from '../shared/schemas.js';
import { UserRefV2 } from './users.schemas.js';

// API tokens as admins manage them in v2. A token's secret is shown once, when it is created; the
// database keeps only its SHA-256, so no other response can show it.

const Name = Text({
  minLength: 1,
  maxLength: 100,
  description: 'What the token is for, to tell tokens apart in lists; trimmed.',
  examples: ['Nightly export'],
});

const UserId = (description: string) =>
  Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description });

const NullableTimestamp = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

export const TokenV2 = Type.Object(
  {
    id: Type.Integer({ description: 'Read-only: the token id (not the token).' }),
    url: Url('Read-only: absolute URL of this token.'),
    name: Type.String({ description: 'What the token is for; empty for tokens minted without a name.' }),
    user: UserRefV2,
    created_at: Timestamp('Read-only.'),
    expires_at: NullableTimestamp('When the token stops working; null: never.'),
    last_used_at: NullableTimestamp(
      'When the token last authenticated a request; null: never. A token verified recently may be ' +
        'trusted from a cache for `AUTH_CACHE_TTL_MS` without being counted again.',
    ),
    revoked_at: NullableTimestamp('When the token was revoked; null: it was not.'),
  },
  { additionalProperties: false, title: 'API token' },
);
export type TokenV2 = Static<typeof TokenV2>;

export const CreatedTokenV2 = Type.Object(
  {
    ...TokenV2.properties,
    token: Type.String({
      pattern: '^oly_[A-Za-z0-9_-]{43}$',
      description:
        'The secret, to send as `Authorization: Bearer <token>`. Shown in this response only: the server keeps ' +
        'only its hash, so no later request can show it again. Lost: revoke it and create another.',
      examples: ['oly_3q2-7wEiGQ0hF6J5kXwz1Yb8mN4pR9sT0uV2xY5zA7c'],
    }),
  },
  { additionalProperties: false, title: 'New API token' },
);
export type CreatedTokenV2 = Static<typeof CreatedTokenV2>;

export const CreateTokenBodyV2 = Type.Object(
  {
    user: UserId(
      'Id of the user the token acts as (any role; a disabled user’s token is refused until they are enabled).',
    ),
    name: Name,
    expires_at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'RFC 3339 time when the token stops working; must be in the future. Absent: never.',
        examples: ['2027-01-31T00:00:00Z'],
      }),
    ),
  },
  {
    additionalProperties: false,
    title: 'API token to create',
    examples: [{ user: 42, name: 'Nightly export', expires_at: '2027-01-31T00:00:00Z' }],
  },
);
export type CreateTokenBodyV2 = Static<typeof CreateTokenBodyV2>;

export const TokenListQueryV2 = Type.Object(
  {
    ...CursorQuery,
    user: Type.Optional(UserId('Only the tokens of this user id.')),
  },
  { additionalProperties: false },
);
export type TokenListQueryV2 = Static<typeof TokenListQueryV2>;

export const TokenPageV2 = CursorPageOf(TokenV2, 'API token');
