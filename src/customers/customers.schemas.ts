import { type Static, Type } from 'typebox';
import { CursorPageOf, CursorQuery } from '../shared/cursor.js';
import { PageOf, PageQuery } from '../shared/pagination.js';
import { OwnerFilter, Text, Timestamp, Url } from '../shared/schemas.js';
import { customerSortFields } from './customers.repository.js';

const FirstName = Text({
  minLength: 1,
  maxLength: 50,
  description: 'Trimmed; any script.',
  examples: ['Amina'],
});
const SecondName = Text({
  minLength: 1,
  maxLength: 50,
  description: 'Trimmed; any script.',
  examples: ['Otieno'],
});
const CODE_DESCRIPTION =
  'Exactly 5 ASCII letters or digits, stored upper-case, unique among one owner’s customers.';
const codeSchema = (description: string) =>
  Type.String({
    pattern: '^[A-Za-z0-9]{5}$',
    description,
    examples: ['AB12C'],
    'x-error-message': 'Must be exactly 5 letters (A–Z) or digits.',
  });
const Code = codeSchema(CODE_DESCRIPTION);
const Phone = Type.String({
  ...Text({
    minLength: 1,
    maxLength: 32,
    description: 'International number with its country code; stored in E.164 form.',
    examples: ['+254712345678'],
  }),
  'x-phone': true,
});

const readOnly = {
  id: Type.Integer({ description: 'Read-only.' }),
  url: Url('Read-only: absolute URL of this customer.'),
  owner: Type.Integer({ description: 'Read-only: id of the user who owns the customer.' }),
  created_at: Timestamp('Read-only.'),
  updated_at: Timestamp('Read-only.'),
};
export const customerReadOnlyFields = Object.keys(readOnly) as (keyof typeof readOnly)[];

const optionalReadOnly = {
  id: Type.Optional(readOnly.id),
  url: Type.Optional(readOnly.url),
  owner: Type.Optional(readOnly.owner),
  created_at: Type.Optional(readOnly.created_at),
  updated_at: Type.Optional(readOnly.updated_at),
};

export const CustomerV1 = Type.Object(
  {
    id: readOnly.id,
    url: readOnly.url,
    first_name: FirstName,
    second_name: SecondName,
    code: Code,
    phone: Phone,
    owner: readOnly.owner,
    created_at: readOnly.created_at,
    updated_at: readOnly.updated_at,
  },
  { additionalProperties: false, title: 'Customer' },
);
export type CustomerV1 = Static<typeof CustomerV1>;

export const CreateCustomerBody = Type.Object(
  {
    first_name: FirstName,
    second_name: SecondName,
    phone: Phone,
    code: Type.Optional(codeSchema(`${CODE_DESCRIPTION} Generated when omitted.`)),
    ...optionalReadOnly,
  },
  {
    additionalProperties: false,
    title: 'New customer',
    examples: [{ first_name: 'Amina', second_name: 'Otieno', phone: '+254712345678', code: 'AMI01' }],
  },
);

/** PUT: every writable field; read-only fields may be echoed unchanged. */
export const ReplaceCustomerBody = Type.Object(
  { first_name: FirstName, second_name: SecondName, phone: Phone, code: Code, ...optionalReadOnly },
  { additionalProperties: false, title: 'Customer replacement' },
);

/** PATCH (RFC 7396 merge patch): the fields to change. */
export const UpdateCustomerBody = Type.Object(
  {
    first_name: Type.Optional(FirstName),
    second_name: Type.Optional(SecondName),
    phone: Type.Optional(Phone),
    code: Type.Optional(Code),
    ...optionalReadOnly,
  },
  { additionalProperties: false, title: 'Customer changes' },
);

/** The filters and ordering of a customer list, the same in every version. */
const customerFilters = {
  code: Type.Optional(Code),
  search: Type.Optional(
    Text({ minLength: 1, maxLength: 100, description: 'Case-insensitive match in names, code or phone.' }),
  ),
  owner: Type.Optional(OwnerFilter),
  ordering: Type.Optional(
    Type.String({
      pattern: '^-?[a-z_]+(,-?[a-z_]+)*$',
      description: `Comma-separated, "-" for descending: ${customerSortFields.join(', ')}. Default: id.`,
      examples: ['-created_at'],
    }),
  ),
};

export const CustomerListQuery = Type.Object(
  { ...PageQuery, ...customerFilters },
  { additionalProperties: false },
);
export type CustomerListQuery = Static<typeof CustomerListQuery>;

export const CustomerPageV1 = PageOf(CustomerV1, 'Customer');

// v2: the same customer, with its v2 `url` and a read-only `name` (as orders show it).

const readOnlyV2 = {
  ...readOnly,
  url: Url('Read-only: absolute URL of this customer.'),
  name: Type.String({
    description: 'Read-only: first and second name, as an order shows its customer.',
    examples: ['Amina Otieno'],
  }),
};
export const customerReadOnlyFieldsV2 = Object.keys(readOnlyV2) as (keyof typeof readOnlyV2)[];

const optionalReadOnlyV2 = { ...optionalReadOnly, name: Type.Optional(readOnlyV2.name) };

export const CustomerV2 = Type.Object(
  {
    id: readOnlyV2.id,
    url: readOnlyV2.url,
    name: readOnlyV2.name,
    first_name: FirstName,
    second_name: SecondName,
    code: Code,
    phone: Phone,
    owner: readOnlyV2.owner,
    created_at: readOnlyV2.created_at,
    updated_at: readOnlyV2.updated_at,
  },
  { additionalProperties: false, title: 'Customer' },
);
export type CustomerV2 = Static<typeof CustomerV2>;

export const CreateCustomerBodyV2 = Type.Object(
  { ...CreateCustomerBody.properties, ...optionalReadOnlyV2 },
  {
    additionalProperties: false,
    title: 'New customer',
    examples: [{ first_name: 'Amina', second_name: 'Otieno', phone: '+254712345678', code: 'AMI01' }],
  },
);

export const ReplaceCustomerBodyV2 = Type.Object(
  { ...ReplaceCustomerBody.properties, ...optionalReadOnlyV2 },
  { additionalProperties: false, title: 'Customer replacement' },
);

export const UpdateCustomerBodyV2 = Type.Object(
  { ...UpdateCustomerBody.properties, ...optionalReadOnlyV2 },
  { additionalProperties: false, title: 'Customer changes' },
);

export const CustomerListQueryV2 = Type.Object(
  { ...CursorQuery, ...customerFilters },
  { additionalProperties: false },
);
export type CustomerListQueryV2 = Static<typeof CustomerListQueryV2>;

export const CustomerPageV2 = CursorPageOf(CustomerV2, 'Customer');
