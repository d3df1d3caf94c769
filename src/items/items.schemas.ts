import { type Static, Type } from 'typebox';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { CURRENCY_PATTERN, MONEY_PATTERN } from '../shared/money.js';
import { PageOf, PageQuery } from '../shared/pagination.js';
import { Text, Timestamp, Url } from '../shared/schemas.js';
import { itemSortFields } from './items.repository.js';

const Sku = Type.String({
  minLength: 1,
  maxLength: 40,
  pattern: '^[A-Za-z0-9._-]{1,40}$',
  description:
    'Stock-keeping unit: 1–40 letters, digits, `.`, `_` or `-`. Stored as given; unique whatever its case (`ab-1` and `AB-1` are one SKU).',
  examples: ['MAIZE-2KG'],
  'x-error-message': 'Must be 1 to 40 letters (A–Z), digits, ".", "_" or "-".',
});
const Name = Text({
  minLength: 1,
  maxLength: 200,
  description: 'What orders of the item are called; trimmed.',
  examples: ['Maize flour 2kg'],
});
// Several lines allowed (tab, line feed, carriage return); other control characters are not.
const Description = Type.Union(
  [
    Type.String({
      maxLength: 2000,
      pattern: '^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]*$',
      description: 'Up to 2,000 characters, line breaks allowed; trimmed, and a blank one is stored as null.',
      examples: ['Sifted white maize flour, 2 kg paper bag.'],
      'x-error-message':
        'Must be text of at most 2000 characters, without control characters other than line breaks and tabs.',
    }),
    Type.Null(),
  ],
  { description: 'Optional text about the item; null when there is none.' },
);
const UnitPrice = Type.String({
  pattern: MONEY_PATTERN,
  description:
    'Price of one unit: a decimal string with at most 2 decimals, greater than 0 (never a JSON number). Orders copy it when they are placed.',
  examples: ['210.00'],
  'x-error-message': 'Must be a decimal string such as "210.00": up to 10 digits, at most 2 decimals.',
});
const currencySchema = (description: string) =>
  Type.String({
    pattern: CURRENCY_PATTERN,
    'x-currency': true,
    description,
    examples: ['KES'],
    'x-error-message': 'Must be an ISO 4217 code in capitals, such as KES or USD.',
  });
const CURRENCY_DESCRIPTION = 'ISO 4217 code of `unit_price`.';
const Currency = currencySchema(CURRENCY_DESCRIPTION);
const Active = Type.Boolean({
  description:
    'False: archived. An archived item is hidden from lists unless asked for, still readable by id, and cannot be ordered.',
});

const readOnly = {
  id: Type.Integer({ description: 'Read-only.' }),
  url: Url('Read-only: absolute URL of this item.'),
  created_at: Timestamp('Read-only.'),
  updated_at: Timestamp('Read-only.'),
};
export const itemReadOnlyFields = Object.keys(readOnly) as (keyof typeof readOnly)[];

const optionalReadOnly = {
  id: Type.Optional(readOnly.id),
  url: Type.Optional(readOnly.url),
  created_at: Type.Optional(readOnly.created_at),
  updated_at: Type.Optional(readOnly.updated_at),
};

export const ItemV1 = Type.Object(
  {
    id: readOnly.id,
    url: readOnly.url,
    sku: Sku,
    name: Name,
    description: Description,
    unit_price: UnitPrice,
    currency: Currency,
    active: Active,
    created_at: readOnly.created_at,
    updated_at: readOnly.updated_at,
  },
  { additionalProperties: false, title: 'Item' },
);
export type ItemV1 = Static<typeof ItemV1>;

export const CreateItemBody = Type.Object(
  {
    sku: Sku,
    name: Name,
    description: Type.Optional(Description),
    unit_price: UnitPrice,
    currency: Type.Optional(
      currencySchema(`${CURRENCY_DESCRIPTION} Default: the \`DEFAULT_CURRENCY\` setting.`),
    ),
    active: Type.Optional(Type.Boolean({ description: 'Default true.' })),
    ...optionalReadOnly,
  },
  {
    additionalProperties: false,
    title: 'New item',
    examples: [{ sku: 'MAIZE-2KG', name: 'Maize flour 2kg', unit_price: '210.00', currency: 'KES' }],
  },
);

/** PUT: every writable field (`description` may be null); read-only fields may be echoed unchanged. */
export const ReplaceItemBody = Type.Object(
  {
    sku: Sku,
    name: Name,
    description: Description,
    unit_price: UnitPrice,
    currency: Currency,
    active: Active,
    ...optionalReadOnly,
  },
  { additionalProperties: false, title: 'Item replacement' },
);

/** PATCH (RFC 7396 merge patch): the fields to change; `description: null` removes the description. */
export const UpdateItemBody = Type.Object(
  {
    sku: Type.Optional(Sku),
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    unit_price: Type.Optional(UnitPrice),
    currency: Type.Optional(Currency),
    active: Type.Optional(Active),
    ...optionalReadOnly,
  },
  { additionalProperties: false, title: 'Item changes' },
);

/** The filters and ordering of an item list, the same in every version. */
const itemFilters = {
  active: Type.Optional(
    Type.Enum(['true', 'false', 'all'], {
      default: 'true',
      description: 'Active items only (`true`, the default), archived ones only (`false`), or both (`all`).',
    }),
  ),
  search: Type.Optional(
    Text({ minLength: 1, maxLength: 100, description: 'Case-insensitive match in the SKU or the name.' }),
  ),
  ordering: Type.Optional(
    Type.String({
      pattern: '^-?[a-z_]+(,-?[a-z_]+)*$',
      description: `Comma-separated, "-" for descending: ${itemSortFields.join(', ')}. Default: name, then id.`,
      examples: ['-unit_price'],
    }),
  ),
};

export const ItemListQuery = Type.Object({ ...PageQuery, ...itemFilters }, { additionalProperties: false });
export type ItemListQuery = Static<typeof ItemListQuery>;

export const ItemPageV1 = PageOf(ItemV1, 'Item');

// v2: the same item, its `url` under /api/v2; writes take v1's bodies (the fields are the same).

export const ItemV2 = Type.Object({ ...ItemV1.properties }, { additionalProperties: false, title: 'Item' });
export type ItemV2 = Static<typeof ItemV2>;

export const ItemListQueryV2 = Type.Object(
  { ...CursorQuery, ...itemFilters },
  { additionalProperties: false },
);
export type ItemListQueryV2 = Static<typeof ItemListQueryV2>;

export const ItemPageV2 = CursorPageOf(ItemV2, 'Item');
