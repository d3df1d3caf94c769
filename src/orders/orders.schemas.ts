import { type Static, Type } from 'typebox';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { MONEY_PATTERN } from '../shared/money.js';
import { PageOf, PageQuery } from '../shared/pagination.js';
import { OwnerFilter, Text, Timestamp, Url } from '../shared/schemas.js';
import { type OrderSortField, orderSortFields } from './orders.repository.js';
import { orderStatuses } from './orders.rules.js';

const ITEM_DESCRIPTION = 'What was ordered; trimmed. For an order of a catalogue item, the item’s name.';
const itemSchema = (description: string) =>
  Text({ minLength: 1, maxLength: 200, description, examples: ['Maize flour 2kg'] });
const Item = itemSchema(ITEM_DESCRIPTION);
const Quantity = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'Whole units, 1 to 1,000,000.',
  examples: [3],
});
const PRICE_DESCRIPTION =
  'Decimal string with at most 2 decimals, greater than 0 (never a JSON number: no float rounding).';
const priceSchema = (description: string) =>
  Type.String({
    pattern: MONEY_PATTERN,
    description,
    examples: ['12.50'],
    'x-error-message': 'Must be a decimal string such as "12.50": up to 10 digits, at most 2 decimals.',
  });
const PricePerUnit = priceSchema(PRICE_DESCRIPTION);
const ItemRef = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description:
    'Id of a catalogue item (`/api/v1/items/`), active. The order takes its name and, unless `price_per_unit` is given, its `unit_price` and currency as they are now; later changes to the item do not alter the order.',
});
const Status = Type.Enum(orderStatuses, {
  description: 'Pending → Closed | Cancelled; Closed and Cancelled are final.',
});
const CustomerRef = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'Id of the customer; must be one the caller can see.',
});
const CustomerCode = Type.String({
  pattern: '^[A-Za-z0-9]{5}$',
  description:
    'Code of the customer (case-insensitive). On its own it refers to one of the caller’s own customers.',
  examples: ['AB12C'],
  'x-error-message': 'Must be exactly 5 letters (A–Z) or digits.',
});

const readOnly = {
  id: Type.Integer({ description: 'Read-only.' }),
  url: Url('Read-only: absolute URL of this order.'),
  amount: Type.String({ description: 'Read-only: quantity × price_per_unit, exact.', examples: ['37.50'] }),
  time_placed: Timestamp('Read-only: set by the server when the order is placed.'),
  owner: Type.Integer({ description: 'Read-only: id of the owner (the owner of the customer).' }),
  updated_at: Timestamp('Read-only.'),
  currency: Type.String({
    pattern: '^[A-Z]{3}$',
    description: 'Read-only: ISO 4217 code of `price_per_unit` and `amount`.',
    examples: ['KES'],
  }),
  item_id: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
    description:
      'Id of the catalogue item the order was placed for; null for an item given as free text. Set when the order is placed (see `item_id` of a new order), read-only afterwards.',
  }),
};
export const orderReadOnlyFields = Object.keys(readOnly) as (keyof typeof readOnly)[];
/** A new order may name its catalogue item; every other read-only field is the server's. */
export const newOrderReadOnlyFields = orderReadOnlyFields.filter((field) => field !== 'item_id');

const optionalReadOnly = {
  id: Type.Optional(readOnly.id),
  url: Type.Optional(readOnly.url),
  amount: Type.Optional(readOnly.amount),
  time_placed: Type.Optional(readOnly.time_placed),
  owner: Type.Optional(readOnly.owner),
  updated_at: Type.Optional(readOnly.updated_at),
  item_id: Type.Optional(readOnly.item_id),
  currency: Type.Optional(readOnly.currency),
};

export const OrderV1 = Type.Object(
  {
    id: readOnly.id,
    url: readOnly.url,
    customer: Type.Integer({ description: 'Id of the customer.' }),
    customer_code: Type.String({ description: 'Code of the customer (follows changes to it).' }),
    item: Item,
    item_id: readOnly.item_id,
    quantity: Quantity,
    price_per_unit: PricePerUnit,
    currency: readOnly.currency,
    amount: readOnly.amount,
    status: Status,
    time_placed: readOnly.time_placed,
    owner: readOnly.owner,
    updated_at: readOnly.updated_at,
  },
  { additionalProperties: false, title: 'Order' },
);
export type OrderV1 = Static<typeof OrderV1>;

const { item_id: _itemId, ...optionalServerFields } = optionalReadOnly;

export const CreateOrderBody = Type.Object(
  {
    customer: Type.Optional(CustomerRef),
    customer_code: Type.Optional(CustomerCode),
    item_id: Type.Optional(ItemRef),
    item: Type.Optional(
      itemSchema(
        `${ITEM_DESCRIPTION} Required without \`item_id\`; with it, leave it out or send the item’s name exactly (400 \`mismatch\` otherwise).`,
      ),
    ),
    quantity: Quantity,
    price_per_unit: Type.Optional(
      priceSchema(
        `${PRICE_DESCRIPTION} Required without \`item_id\`; with it, replaces the catalogue price for this order.`,
      ),
    ),
    status: Type.Optional(Type.Literal('Pending', { description: 'Orders start Pending.' })),
    ...optionalServerFields,
  },
  {
    additionalProperties: false,
    title: 'New order',
    description:
      'Give `customer`, `customer_code`, or both (they must agree). Name a catalogue item by `item_id`, or give `item` and `price_per_unit` (priced by hand, in the server’s `DEFAULT_CURRENCY`). An archived item is 409 `item_archived`; an unknown one 404.',
    examples: [
      { customer: 1, item: 'Maize flour 2kg', quantity: 3, price_per_unit: '12.50' },
      { customer: 1, item_id: 7, quantity: 3 },
    ],
  },
);

export const ReplaceOrderBody = Type.Object(
  {
    customer: Type.Optional(CustomerRef),
    customer_code: Type.Optional(CustomerCode),
    item: Item,
    quantity: Quantity,
    price_per_unit: PricePerUnit,
    status: Status,
    ...optionalReadOnly,
  },
  {
    additionalProperties: false,
    title: 'Order replacement',
    description:
      'Every writable field; `customer` or `customer_code` (or both). Read-only fields may be echoed.',
  },
);

export const UpdateOrderBody = Type.Object(
  {
    customer: Type.Optional(CustomerRef),
    customer_code: Type.Optional(CustomerCode),
    item: Type.Optional(Item),
    quantity: Type.Optional(Quantity),
    price_per_unit: Type.Optional(PricePerUnit),
    status: Type.Optional(Status),
    ...optionalReadOnly,
  },
  { additionalProperties: false, title: 'Order changes' },
);

/** The filters of an order list, the same in every version (the ordering's field names differ). */
const orderFilters = {
  status: Type.Optional(Status),
  customer: Type.Optional(CustomerRef),
  customer_code: Type.Optional(CustomerCode),
  placed_after: Type.Optional(Timestamp('Only orders placed at or after this instant (RFC 3339).')),
  placed_before: Type.Optional(Timestamp('Only orders placed before this instant (RFC 3339).')),
  owner: Type.Optional(OwnerFilter),
};

const ItemFilter = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'Only orders of this catalogue item.',
});

const Ordering = (fields: readonly string[], fallback: string, example: string) =>
  Type.String({
    pattern: '^-?[a-z_]+(,-?[a-z_]+)*$',
    description: `Comma-separated, "-" for descending: ${fields.join(', ')}. Default: ${fallback}.`,
    examples: [example],
  });

export const OrderListQuery = Type.Object(
  {
    ...PageQuery,
    ...orderFilters,
    item_id: Type.Optional(ItemFilter),
    ordering: Type.Optional(Ordering(orderSortFields, '-time_placed', '-amount')),
  },
  { additionalProperties: false },
);
export type OrderListQuery = Static<typeof OrderListQuery>;

export const OrderPageV1 = PageOf(OrderV1, 'Order');

// v2: money with its currency, the customer and the catalogue item inline and linked, v2 field names.

const UNIT_PRICE_DESCRIPTION =
  'Price of one unit, in `currency`: a decimal string with at most 2 decimals, greater than 0 (never a JSON number).';
const unitPrice = (description: string) =>
  Type.String({
    pattern: MONEY_PATTERN,
    description,
    examples: ['12.50'],
    'x-error-message': 'Must be a decimal string such as "12.50": up to 10 digits, at most 2 decimals.',
  });
const UnitPrice = unitPrice(UNIT_PRICE_DESCRIPTION);
const currency = (description: string) =>
  Type.String({
    pattern: '^[A-Z]{3}$',
    description,
    examples: ['KES'],
    'x-error-message': 'Must be an ISO 4217 code: 3 capital letters, e.g. "KES".',
  });
const Currency = currency('ISO 4217 code of `unit_price` and `total`.');
const ITEM_NAME_DESCRIPTION =
  'What was ordered, as named when the order was placed (trimmed): the free text, or the catalogue item’s name then.';
const itemName = (description: string) =>
  Text({ minLength: 1, maxLength: 200, description, examples: ['Maize flour 2kg'] });
const ItemName = itemName(ITEM_NAME_DESCRIPTION);
const ItemRefV2 = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description:
    'Id of a catalogue item (`/api/v2/items/`), active (409 `item_archived` otherwise; 404 if there is none). ' +
    'The order takes its name and currency and, unless `unit_price` is given, its price, as they are now; ' +
    'later changes to the item do not alter the order.',
});

const CustomerSummaryV2 = Type.Object(
  {
    id: Type.Integer({ description: 'Id of the customer.' }),
    url: Url('Absolute URL of the customer.'),
    code: Type.String({ description: 'Code of the customer.', examples: ['AB12C'] }),
    name: Type.String({ description: 'First and second name of the customer.', examples: ['Amina Otieno'] }),
  },
  { additionalProperties: false, title: 'Order customer', description: 'The customer, as it is now.' },
);

const ItemSummaryV2 = Type.Object(
  {
    id: Type.Integer({ description: 'Id of the catalogue item.' }),
    url: Url('Absolute URL of the catalogue item.'),
    sku: Type.String({ description: 'Stock-keeping unit of the item.', examples: ['MF-2KG'] }),
    name: Type.String({
      description: 'Name of the item in the catalogue now.',
      examples: ['Maize flour 2kg'],
    }),
  },
  { additionalProperties: false, title: 'Order item' },
);

const readOnlyV2 = {
  id: Type.Integer({ description: 'Read-only.' }),
  url: Url('Read-only: absolute URL of this order.'),
  total: Type.String({
    description: 'Read-only: quantity × unit_price, exact, in `currency`.',
    examples: ['37.50'],
  }),
  status: Status,
  placed_at: Timestamp('Read-only: set by the server when the order is placed.'),
  updated_at: Timestamp('Read-only.'),
  owner: Type.Integer({ description: 'Read-only: id of the owner (the owner of the customer).' }),
};
/** Read-only fields a change may send back unchanged (`currency` is set when the order is placed). */
export const orderReadOnlyFieldsV2 = [...Object.keys(readOnlyV2), 'currency'] as const;

export const OrderV2 = Type.Object(
  {
    id: readOnlyV2.id,
    url: readOnlyV2.url,
    customer: CustomerSummaryV2,
    item: Type.Union([ItemSummaryV2, Type.Null()], {
      description: 'The catalogue item ordered, or null when the item was given as free text (`item_name`).',
    }),
    item_name: ItemName,
    quantity: Quantity,
    unit_price: UnitPrice,
    total: readOnlyV2.total,
    currency: Currency,
    status: readOnlyV2.status,
    placed_at: readOnlyV2.placed_at,
    updated_at: readOnlyV2.updated_at,
    owner: readOnlyV2.owner,
  },
  { additionalProperties: false, title: 'Order' },
);
export type OrderV2 = Static<typeof OrderV2>;

export const CreateOrderBodyV2 = Type.Object(
  {
    customer: Type.Optional(CustomerRef),
    customer_code: Type.Optional(CustomerCode),
    item: Type.Optional(ItemRefV2),
    item_name: Type.Optional(
      itemName(
        `${ITEM_NAME_DESCRIPTION} Required without \`item\`; with it, leave it out or send the item’s name exactly (400 \`mismatch\` otherwise).`,
      ),
    ),
    quantity: Quantity,
    unit_price: Type.Optional(
      unitPrice(
        `${UNIT_PRICE_DESCRIPTION} Required without \`item\`; with it, replaces the catalogue price for this order.`,
      ),
    ),
    currency: Type.Optional(
      currency(
        'ISO 4217 code of `unit_price` and `total`. Without `item`, default: the server’s DEFAULT_CURRENCY; ' +
          'with it, the item’s: leave it out or send the item’s (400 `mismatch` otherwise).',
      ),
    ),
    id: Type.Optional(readOnlyV2.id),
    url: Type.Optional(readOnlyV2.url),
    total: Type.Optional(readOnlyV2.total),
    status: Type.Optional(readOnlyV2.status),
    placed_at: Type.Optional(readOnlyV2.placed_at),
    updated_at: Type.Optional(readOnlyV2.updated_at),
    owner: Type.Optional(readOnlyV2.owner),
  },
  {
    additionalProperties: false,
    title: 'New order',
    description:
      'Give `customer` (id), `customer_code`, or both (they must agree). Name a catalogue item by `item`, or ' +
      'give the item as free text (`item_name`) with its `unit_price` (and `currency`).',
    examples: [
      { customer: 1, item: 7, quantity: 3 },
      { customer: 1, item_name: 'Maize flour 2kg', quantity: 3, unit_price: '12.50', currency: 'KES' },
    ],
  },
);

/** v2 PATCH (JSON merge patch): the writable fields to change; read-only ones may be sent back unchanged. */
export const UpdateOrderBodyV2 = Type.Object(
  {
    customer: Type.Optional(CustomerRef),
    customer_code: Type.Optional(CustomerCode),
    item: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description:
          'Read-only: the catalogue item is set when the order is placed. Its id (null for free text) may be ' +
          'sent unchanged; another is 400 `read_only_field`.',
      }),
    ),
    item_name: Type.Optional(ItemName),
    quantity: Type.Optional(Quantity),
    unit_price: Type.Optional(UnitPrice),
    id: Type.Optional(readOnlyV2.id),
    url: Type.Optional(readOnlyV2.url),
    total: Type.Optional(readOnlyV2.total),
    currency: Type.Optional(Currency),
    status: Type.Optional(readOnlyV2.status),
    placed_at: Type.Optional(readOnlyV2.placed_at),
    updated_at: Type.Optional(readOnlyV2.updated_at),
    owner: Type.Optional(readOnlyV2.owner),
  },
  {
    additionalProperties: false,
    title: 'Order changes',
    description:
      'Only Pending orders change. `customer` is an id here. Close or cancel with the actions, not with `status`.',
  },
);

/** The v2 names of the fields an order list can be ordered by, and the domain's name of each. */
export const orderSortFieldsV2 = {
  placed_at: 'time_placed',
  updated_at: 'updated_at',
  item_name: 'item',
  quantity: 'quantity',
  unit_price: 'price_per_unit',
  total: 'amount',
  status: 'status',
  id: 'id',
} as const satisfies Record<string, OrderSortField>;

export const OrderListQueryV2 = Type.Object(
  {
    ...CursorQuery,
    ...orderFilters,
    item: Type.Optional(ItemFilter),
    ordering: Type.Optional(Ordering(Object.keys(orderSortFieldsV2), '-placed_at', '-total')),
  },
  { additionalProperties: false },
);
export type OrderListQueryV2 = Static<typeof OrderListQueryV2>;

export const OrderPageV2 = CursorPageOf(OrderV2, 'Order');
