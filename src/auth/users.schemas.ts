import { type Static, Type } from 'typebox';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { Id, Text, Timestamp, Url } from '../shared/schemas.js';

// Users as admins manage them in v2. Users are created by the CLI (`users create`) or by their first
// sign-in with OpenID Connect; over the API an admin can only disable and re-enable them.

const Disabled = Type.Boolean({
  description:
    'True: every credential of the user (API tokens, sessions, provider tokens) is refused with 403 ' +
    '`account_disabled`. False enables them again.',
});

const readOnly = {
  id: Type.Integer({ description: 'Read-only: the user id (the `owner` of what they create).' }),
  url: Url('Read-only: absolute URL of this user.'),
  email: Type.String({
    format: 'email',
    description: 'Read-only: the email the user signs in with; unique whatever its case.',
    examples: ['amina@example.com'],
  }),
  name: Type.Union([Type.String({ examples: ['Amina Otieno'] }), Type.Null()], {
    description: 'Read-only: the display name; null when none was given.',
  }),
  role: Type.Enum(['admin', 'staff'], {
    description:
      'Read-only: `admin` sees and manages everything; `staff` reach their own customers and orders.',
  }),
  created_at: Timestamp('Read-only.'),
};
export const userReadOnlyFields = Object.keys(readOnly) as (keyof typeof readOnly)[];

export const UserV2 = Type.Object(
  {
    id: readOnly.id,
    url: readOnly.url,
    email: readOnly.email,
    name: readOnly.name,
    role: readOnly.role,
    disabled: Disabled,
    created_at: readOnly.created_at,
  },
  { additionalProperties: false, title: 'User' },
);
export type UserV2 = Static<typeof UserV2>;

/** PATCH (RFC 7396 merge patch): `disabled`; read-only fields may be sent back unchanged. */
export const UpdateUserBodyV2 = Type.Object(
  {
    disabled: Type.Optional(Disabled),
    id: Type.Optional(readOnly.id),
    url: Type.Optional(readOnly.url),
    email: Type.Optional(readOnly.email),
    name: Type.Optional(readOnly.name),
    role: Type.Optional(readOnly.role),
    created_at: Type.Optional(readOnly.created_at),
  },
  { additionalProperties: false, title: 'User changes', examples: [{ disabled: true }] },
);

export const UserListQueryV2 = Type.Object(
  {
    ...CursorQuery,
    role: Type.Optional(Type.Enum(['admin', 'staff'], { description: 'Only users with this role.' })),
    disabled: Type.Optional(
      Type.Boolean({
        description: '`true`: disabled users only; `false`: enabled ones only. Default: both.',
      }),
    ),
    search: Type.Optional(
      Text({
        minLength: 1,
        maxLength: 100,
        description: 'Case-insensitive match anywhere in the email or the display name.',
        examples: ['amina'],
      }),
    ),
  },
  { additionalProperties: false },
);
export type UserListQueryV2 = Static<typeof UserListQueryV2>;

export const UserPageV2 = CursorPageOf(UserV2, 'User');

/** A user as a token shows them. */
export const UserRefV2 = Type.Object(
  {
    id: Id,
    email: readOnly.email,
    url: Url('Absolute URL of the user.'),
  },
  { additionalProperties: false, title: 'User reference', description: 'The user the token acts as.' },
);
