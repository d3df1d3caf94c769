import fc from 'fast-check';
import { fieldRowKind, type Operation, pathRowKind, type RowKind, type Schema } from './operations.js';

/**
 * An id the request names, resolved only when it is sent: a real row of `kind` (the `pick`th one the
 * fuzzer knows, rows come and go as it runs) or, with `random`, whatever id that is.
 */
export class IdRef {
  constructor(
    readonly kind: RowKind,
    readonly pick: number,
    readonly random?: number,
  ) {}

  toString() {
    return this.random === undefined
      ? `IdRef(${this.kind}#${this.pick})`
      : `IdRef(${this.kind}=${this.random})`;
  }
}

/** A credential the fuzzer holds, put into a body or header when the request is sent. */
export class SecretRef {
  constructor(readonly who: 'staff' | 'admin') {}

  toString() {
    return `SecretRef(${this.who})`;
  }
}

export type Caller = 'staff' | 'otherStaff' | 'admin' | 'none';

/** A value in a request that may still hold an IdRef or SecretRef. */
export type Symbolic = unknown;

export type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: Symbolic; contentType: string }
  | { kind: 'raw'; payload: string | Uint8Array; contentType?: string };

export interface FuzzRequest {
  operationId: string;
  /** Whether the generator meant it to be valid (the status is not asserted from it: ids may be gone). */
  intent: 'valid' | 'invalid';
  method: string;
  /** The path template's segments, `{id}` replaced by an IdRef or a raw (already percent-encoded) segment. */
  path: (string | IdRef)[];
  query: { name: string; value: string | IdRef; raw?: boolean }[];
  headers: Record<string, string | string[] | SecretRef>;
  caller: Caller;
  body: FuzzBody;
}

/** Header values as they arrive over HTTP/1.1: bytes read as latin1, so a UTF-8 emoji is four odd characters. */
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

// ---------------------------------------------------------------------------------------------------------
// Edge values

const nastyStrings = [
  '',
  ' ',
  '   padded   ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFFy',
  '\u202Eevil\u202C',
  'مريم',
  'שלום עולם',
  'e\u0301\u0301\u0301\u0301',
  'Z\u0337\u0322\u031B\u0355a\u0334l\u0338g\u0337o\u0335',
  '👩‍👩‍👧‍👦',
  '🙂'.repeat(60),
  '\uFEFFbom',
  '\t\n',
  '\r\n',
  '\u2028\u2029',
  '\u0085',
  '\u00A0',
  'null',
  'undefined',
  'NaN',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  "'); drop table orders; --",
  '%00',
  '../../etc/passwd',
  // Log4Shell's lookup, split so that it is not read as a template literal by mistake.
  '$' + '{jndi:ldap://x}',
  '{{7*7}}',
  'ＡＢＣ１２',
  '١٢٣٫٤٥',
  '12.50 ',
  ' 12.50',
  '12,50',
  '1e3',
  '0x10',
  '-1',
  '-0',
  '0.00',
  '0.001',
  '99999999999.99',
  '9999999999.99',
  'a'.repeat(51),
  'a'.repeat(201),
  'a'.repeat(256),
  'a'.repeat(2001),
  'x'.repeat(5000),
  '𝕏'.repeat(2000),
  'x'.repeat(70_000),
];

const nastyNumbers = [
  0,
  -0,
  -1,
  1.5,
  0.1,
  1e-7,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  1_000_000,
  1_000_001,
  9_999_999_999.99,
];

const wrongTypes: unknown[] = [null, true, false, [], {}, [1], { a: 1 }, '1', 1, 'true', [null], { '': '' }];

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.constantFrom(...nastyNumbers),
  fc.constantFrom(...wrongTypes),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.double(),
  fc.integer(),
);

/** Bodies that are not JSON, or JSON that no schema reads as meant. */
const malformedJson = [
  '{',
  '}',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2',
  'nul',
  '\u0000',
  '\uFEFF{}',
  '{"a":"\\ud800"}',
  '{"first_name":"\\u0000"}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"a":1}{"b":2}',
  '   ',
  '"just a string"',
  '123',
  'null',
  'true',
  '[]',
  '{"quantity":1e999}',
  '{"quantity":-0}',
  '{"quantity":1.0}',
  '{"quantity":12345678901234567890123}',
  '{"quantity":NaN}',
  '{"quantity":Infinity}',
  '{"quantity":1,"quantity":"x"}',
  '{"unit_price":12.5}',
  '{"a":"unterminated',
  '['.repeat(5000),
  `${'{"a":'.repeat(30)}1${'}'.repeat(30)}`,
  `[${'1,'.repeat(2000)}1]`,
  `{${Array.from({ length: 1500 }, (_, i) => `"k${i}":${i}`).join(',')}}`,
];

const invalidUtf8 = [
  Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
  Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
  Uint8Array.from([0x7b, 0x22, 0x78, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
  Uint8Array.from([0xc0, 0xaf]),
];

const oddContentTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/json-patch+json',
  'application/problem+json',
  'application/ld+json',
  'application/json;;;',
  'application/json; charset="utf-8"; boundary=',
  'garbage',
  '*/*',
  '',
];

// ---------------------------------------------------------------------------------------------------------
// Values from schemas

const idArbitrary = (kind: RowKind): fc.Arbitrary<IdRef> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.nat({ max: 10_000 }).map((pick) => new IdRef(kind, pick)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((id) => new IdRef(kind, 0, id)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 ** 53 - 1 }).map((id) => new IdRef(kind, 0, id)) },
  );

const isReadOnly = (schema: Schema) =>
  schema.readOnly === true || /^Read-only/.test(schema.description ?? '');

/** Text a person could type: letters of any script, accents, emoji; trimmed, no control characters. */
const humanText = (maxLength: number) =>
  fc.oneof(
    fc.constantFrom(
      'Amina',
      'Zoë',
      'Zoe\u0308',
      'مريم',
      'שרה',
      '李小龙',
      "O'Brien",
      'Jean-Luc',
      'Ngũgĩ',
      '🙂 Smile',
      'Maize flour 2kg',
      'a',
      'x'.repeat(maxLength),
      '𝕏'.repeat(Math.floor(maxLength / 2)),
    ),
    fc
      .string({ unit: 'grapheme', minLength: 1, maxLength })
      .map((text) => text.replace(/[\p{Cc}\p{Cs}]/gu, '').trim())
      .filter((text) => text.length > 0 && [...text].length <= maxLength),
  );

/** A value that the schema accepts (domain rules may still refuse it). */
function valueFor(schema: Schema, name = ''): fc.Arbitrary<unknown> {
  const kind = fieldRowKind(name, schema);
  if (kind) return idArbitrary(kind);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return fc.oneof(...branches.map((branch) => valueFor({ ...branch }, name)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const min = schema.minimum ?? -(2 ** 31);
      const max = schema.maximum ?? 2 ** 31;
      return fc.oneof(fc.integer({ min, max: Math.min(max, min + 1000) }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true });
    case 'string':
      return stringFor(schema);
    case 'object':
      return objectFor(schema);
    case 'array':
      return fc.array(fc.jsonValue(), { maxLength: 3 });
    default:
      return fc.jsonValue();
  }
}

function stringFor(schema: Schema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 100;
  const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
  if (schema.format === 'date-time') {
    return fc
      .date({
        min: new Date('1970-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString());
  }
  if (schema.format === 'uri') return fc.constantFrom('https://example.test/', 'https://example.test/a?b=c');
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.pattern && schema.pattern !== '^[^\\u0000-\\u001F\\u007F]*$') {
    return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  }
  return humanText(Math.min(maxLength, 200)).filter(fits);
}

function objectFor(schema: Schema): fc.Arbitrary<Record<string, unknown>> {
  const required = new Set(schema.required ?? []);
  const properties = Object.entries(schema.properties ?? {}).filter(
    ([name, property]) => required.has(name) || !isReadOnly(property),
  );
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of properties) record[name] = valueFor(property, name);
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) });
}

// ---------------------------------------------------------------------------------------------------------
// Bodies that the domain accepts too: what makes 2xx answers common enough to check their shape

const phone = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+2547${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `07${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000_000, max: 9_999_999 }).map((n) => `+1 415 ${n}`) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }).map((n) => `+44 20 7946 0${n}`) },
);
const money = fc.oneof(
  fc.integer({ min: 1, max: 99_999_999 }).map((cents) => (cents / 100).toFixed(2)),
  fc.integer({ min: 1, max: 9_999_999_999 }).map(String),
  fc.constantFrom('0.01', '9999999999.99', '12.5', '1'),
);
const quantity = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.constantFrom(1, 1_000_000));
const sku = fc.stringMatching(/^[A-Za-z0-9._-]{1,40}$/);
const customerCode = fc.stringMatching(/^[A-Z0-9]{5}$/);
const currency = fc.constantFrom('KES', 'USD', 'EUR', 'TZS');
const orderStatus = fc.constantFrom('Pending', 'Closed', 'Cancelled');

const customerFields = {
  first_name: humanText(50),
  second_name: humanText(50),
  phone,
  code: customerCode,
};
const itemFields = {
  sku,
  name: humanText(200),
  description: fc.option(humanText(2000), { nil: null }),
  unit_price: money,
  currency,
  active: fc.boolean(),
};

const partial = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record(fields, { requiredKeys: [] }).filter((body) => Object.keys(body).length > 0);
const withRequired = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[]) =>
  fc.record(fields, { requiredKeys: required });

const domainBodies: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  createCustomer: withRequired(customerFields, ['first_name', 'second_name', 'phone']),
  replaceCustomer: withRequired(customerFields, ['first_name', 'second_name', 'phone', 'code']),
  updateCustomer: partial(customerFields),
  createItem: withRequired(itemFields, ['sku', 'name', 'unit_price']),
  replaceItem: withRequired(itemFields, Object.keys(itemFields)),
  updateItem: partial(itemFields),
  'v1.createOrder': fc.oneof(
    fc.record({
      customer: idArbitrary('customers'),
      item: humanText(200),
      quantity,
      price_per_unit: money,
    }),
    fc.record({ customer: idArbitrary('customers'), item_id: idArbitrary('items'), quantity }),
  ),
  'v2.createOrder': fc.oneof(
    fc.record({
      customer: idArbitrary('customers'),
      item_name: humanText(200),
      quantity,
      unit_price: money,
    }),
    fc.record({ customer: idArbitrary('customers'), item: idArbitrary('items'), quantity }),
  ),
  'v1.replaceOrder': fc.record({
    item: humanText(200),
    quantity,
    price_per_unit: money,
    status: orderStatus,
  }),
  'v1.updateOrder': partial({ item: humanText(200), quantity, price_per_unit: money, status: orderStatus }),
  'v2.updateOrder': partial({ item_name: humanText(200), quantity, unit_price: money, status: orderStatus }),
  createToken: fc.record(
    {
      user: idArbitrary('users'),
      name: humanText(100),
      expires_at: fc
        .integer({ min: 1, max: 400 })
        .map((days) => new Date(Date.now() + days * 86_400_000).toISOString()),
    },
    { requiredKeys: ['user', 'name'] },
  ),
  updateUser: partial({ disabled: fc.boolean(), role: fc.constantFrom('admin', 'staff') }),
  tokenLogin: fc.record({
    token: fc.constantFrom('staff', 'admin').map((who) => new SecretRef(who as 'staff')),
  }),
};

const domainBodyFor = (operation: Operation) =>
  domainBodies[operation.operationId] ?? domainBodies[operation.operationId.replace(/^v\d\./, '')];

// ---------------------------------------------------------------------------------------------------------
// Query strings

function validQuery(operation: Operation): fc.Arbitrary<FuzzRequest['query']> {
  const parameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  if (parameters.length === 0) return fc.constant([]);
  return fc
    .tuple(
      ...parameters.map((parameter) =>
        fc.option(
          valueFor(parameter.schema, parameter.name).map((value) => ({
            name: parameter.name,
            value: value instanceof IdRef ? value : String(value),
          })),
          // Required parameters with a default (limit, offset, count) may be left out too.
          { freq: parameter.required ? 4 : 2, nil: undefined },
        ),
      ),
    )
    .map((entries) => entries.filter((entry) => entry !== undefined));
}

const rawQueryGarbage = [
  '%zz',
  '%',
  '%00',
  '%E0%A4%A',
  '%ED%A0%80',
  '%C0%AF',
  '%F0%9F%98%80',
  '%20',
  '+',
  '&&&',
  '==',
  '%26%3D',
  '%EF%BB%BF',
];

function invalidQuery(operation: Operation): fc.Arbitrary<FuzzRequest['query']> {
  const names = [
    ...operation.parameters
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => parameter.name),
    'limit',
    'offset',
    'cursor',
    'ordering',
    'unknown',
    '__proto__',
    '',
  ];
  const entry = fc.oneof(
    fc.record({
      name: fc.constantFrom(...names),
      value: nastyValue.map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))),
    }),
    fc.record({
      name: fc.constantFrom(...names),
      value: fc.constantFrom(...rawQueryGarbage),
      raw: fc.constant(true),
    }),
    fc.record({
      name: fc.constantFrom(...rawQueryGarbage),
      value: fc.constant('1'),
      raw: fc.constant(true),
    }),
    fc.record({ name: fc.constantFrom(...names), value: fc.constant('x'.repeat(5000)) }),
    fc.constantFrom(...names).map((name) => ({ name, value: `-${name},${name},??` })),
  );
  return fc
    .tuple(validQuery(operation), fc.array(entry, { minLength: 1, maxLength: 4 }))
    .map(([a, b]) => [...a, ...b]);
}

// ---------------------------------------------------------------------------------------------------------
// Paths

const invalidSegments = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '01',
  '+1',
  '0x1',
  '%201',
  '1%20',
  'abc',
  'null',
  '9007199254740992',
  '99999999999999999999999',
  '%00',
  '%zz',
  '%F0%9F%98%80',
  '%E2%80%AE1',
  '%D9%A1',
  '..',
  '%2F',
  '%2e%2e',
  'x'.repeat(5000),
  '',
];

function pathSegments(operation: Operation, invalidId: boolean): fc.Arbitrary<FuzzRequest['path']> {
  const parts = operation.path.split(/(\{id\})/);
  const kind = pathRowKind(operation.path);
  if (!kind) return fc.constant(parts);
  const id: fc.Arbitrary<string | IdRef> = invalidId
    ? fc.constantFrom(...invalidSegments)
    : idArbitrary(kind);
  return id.map((value) => parts.map((part) => (part === '{id}' ? value : part)));
}

// ---------------------------------------------------------------------------------------------------------
// Headers

const acceptValues = [
  'application/json',
  'application/ld+json',
  'application/problem+json',
  '*/*',
  'text/html',
  'application/xml',
  '',
  'application/json;q=0',
  'text/*',
  'application/*;q=0.1, text/plain',
  ',,,',
  'application/json;q=abc',
  latin1('😀/😀'),
  'a'.repeat(10_000),
];
const etagGarbage = [
  '*',
  '"x"',
  'W/"x"',
  '"',
  '""',
  'W/',
  '*, "a"',
  '"a", "b"',
  'W/"1", W/"2"',
  'a'.repeat(5000),
  latin1('"é"'),
];
const idempotencyKeyGarbage = [
  '',
  ' ',
  'a b',
  'x'.repeat(256),
  '"',
  '""',
  '"unterminated',
  latin1('clé'),
  '\t',
];
const cookieGarbage = [
  'orderly_session=garbage',
  'orderly_session=',
  'orderly_session=a; orderly_session=b',
  ';;;',
  '=',
  `orderly_session=${'a'.repeat(8000)}`,
  'orderly_csrf=x',
  latin1('orderly_session=ü'),
];
const authorizationGarbage = [
  'Bearer',
  'Bearer ',
  'Bearer x',
  'Basic dXNlcjpwYXNz',
  'Token abc',
  `Bearer ${'a'.repeat(10_000)}`,
  'Bearer null',
  'Bearer  x  y',
  latin1('Bearer ☃'),
];

/** Headers a well-behaved client sends. */
const benignHeaders = fc.record(
  {
    accept: fc.constantFrom('application/json', '*/*', 'application/json, application/problem+json'),
    'idempotency-key': fc.oneof(fc.uuid(), fc.constantFrom('fuzz-1', '"fuzz-2"')),
    'if-match': fc.constant('*'),
  },
  { requiredKeys: [] },
);

const oddHeaders: fc.Arbitrary<FuzzRequest['headers']> = fc
  .record(
    {
      accept: fc.oneof(
        fc.constantFrom(...acceptValues),
        fc.constant<string[]>(['application/json', 'text/html']),
      ),
      'if-match': fc.oneof(fc.constantFrom(...etagGarbage), fc.constant<string[]>(['"a"', '"b"'])),
      'if-none-match': fc.constantFrom(...etagGarbage),
      'idempotency-key': fc.oneof(
        fc.constantFrom(...idempotencyKeyGarbage),
        fc.constant<string[]>(['k1', 'k2']),
      ),
      cookie: fc.constantFrom(...cookieGarbage),
      authorization: fc.oneof(
        fc.constantFrom(...authorizationGarbage),
        fc.constant<string[]>(['Bearer a', 'Bearer b']),
        fc.constantFrom('staff', 'admin').map((who) => new SecretRef(who as 'staff')),
      ),
      'x-request-id': fc.constantFrom('', 'x'.repeat(1000), '../', '\t', latin1('ид')),
      'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity', 'x'),
      'x-forwarded-for': fc.constantFrom('', 'garbage', '1.1.1.1, 2.2.2.2', '::1'),
      host: fc.constantFrom('', 'evil.test', 'a'.repeat(300), '[::1]:99999', 'localhost:0'),
      'x-huge': fc.constant('h'.repeat(20_000)),
    },
    { requiredKeys: [] },
  )
  .filter((headers) => Object.keys(headers).length > 0);

// ---------------------------------------------------------------------------------------------------------
// Bodies

function validBody(operation: Operation): fc.Arbitrary<FuzzBody> {
  if (!operation.body) return fc.constant({ kind: 'none' });
  const contentTypes = Object.keys(operation.body.content);
  const schema = operation.body.content[contentTypes[0] as string] as Schema;
  const domain = domainBodyFor(operation);
  const value = domain
    ? fc.oneof({ weight: 3, arbitrary: domain }, { weight: 1, arbitrary: valueFor(schema) })
    : valueFor(schema);
  return fc.record({
    kind: fc.constant('json' as const),
    value,
    contentType: fc.constantFrom(...contentTypes),
  });
}

function mutate(value: Symbolic, schema: Schema | undefined): fc.Arbitrary<Symbolic> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof IdRef) {
    return nastyValue;
  }
  const fields = Object.keys(value);
  const known = Object.keys(schema?.properties ?? {});
  const extraName = fc.oneof(
    fc.constantFrom(...known, 'unknown', '__proto__', 'constructor', '', ' ', 'id', 'owner'),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const options: fc.Arbitrary<Symbolic>[] = [
    fc.tuple(extraName, nastyValue).map(([name, extra]) => ({ ...value, [name]: extra })),
  ];
  if (fields.length > 0) {
    options.push(
      fc.constantFrom(...fields).map((name) => {
        const { [name]: _dropped, ...rest } = value as Record<string, unknown>;
        return rest;
      }),
      fc.tuple(fc.constantFrom(...fields), nastyValue).map(([name, bad]) => ({ ...value, [name]: bad })),
    );
  }
  return fc.oneof(...options);
}

function invalidBody(operation: Operation): fc.Arbitrary<FuzzBody> {
  const contentTypes = operation.body ? Object.keys(operation.body.content) : ['application/json'];
  const schema = operation.body?.content[contentTypes[0] as string];
  const json = (value: fc.Arbitrary<Symbolic>) =>
    fc.record({ kind: fc.constant('json' as const), value, contentType: fc.constantFrom(...contentTypes) });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: validBody(operation).chain((body) =>
        body.kind === 'json' ? json(mutate(body.value, schema)) : json(nastyValue),
      ),
    },
    { weight: 1, arbitrary: json(nastyValue) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        payload: fc.oneof(fc.constantFrom(...malformedJson), fc.constantFrom(...invalidUtf8)),
        contentType: fc.constantFrom(...contentTypes),
      }),
    },
    {
      weight: 1,
      arbitrary: validBody(operation).chain((body) =>
        fc.record({
          kind: fc.constant('raw' as const),
          payload: fc.constant(body.kind === 'json' ? JSON.stringify(body.value, plainIds) : '{}'),
          contentType: fc.option(fc.constantFrom(...oddContentTypes), { nil: undefined }),
        }),
      ),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  );
}

/** Raw payloads are sent as generated: an IdRef in them becomes a random small id. */
const plainIds = (_key: string, value: unknown) =>
  value instanceof IdRef ? (value.random ?? value.pick) : value;

// ---------------------------------------------------------------------------------------------------------
// Requests

const callers = fc.constantFrom<Caller>('staff', 'staff', 'otherStaff', 'admin', 'admin', 'none');
const otherMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/** A request the document describes: valid by the schema, often by the domain too. */
function validRequest(operation: Operation): fc.Arbitrary<FuzzRequest> {
  return fc.record({
    operationId: fc.constant(operation.operationId),
    intent: fc.constant('valid' as const),
    method: fc.constant(operation.method),
    path: pathSegments(operation, false),
    query: validQuery(operation),
    headers: benignHeaders,
    caller: fc.constantFrom<Caller>('staff', 'otherStaff', 'admin', 'admin'),
    body: validBody(operation),
  });
}

/** A request with one to three things wrong with it: path, query, body, content type, headers or method. */
function invalidRequest(operation: Operation): fc.Arbitrary<FuzzRequest> {
  // Only the parts that go wrong are generated: each costs time, and most requests break one or two.
  const wrong = {
    path: pathSegments(operation, true),
    query: invalidQuery(operation),
    body: invalidBody(operation),
    headers: oddHeaders,
    method: fc.constantFrom(...otherMethods),
    caller: callers,
  };
  const parts = Object.keys(wrong) as (keyof typeof wrong)[];
  return fc
    .tuple(validRequest(operation), fc.uniqueArray(fc.constantFrom(...parts), { minLength: 1, maxLength: 3 }))
    .chain(([base, faults]) =>
      fc.record(Object.fromEntries(faults.map((fault) => [fault, wrong[fault]]))).map(
        (broken): FuzzRequest => ({
          ...base,
          ...broken,
          intent: 'invalid',
          headers: { ...base.headers, ...(broken.headers as FuzzRequest['headers'] | undefined) },
        }),
      ),
    );
}

/** Valid and invalid requests to every operation, about half each. */
export function fuzzRequest(operations: Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...operations.flatMap((operation) => [validRequest(operation), invalidRequest(operation)]));
}
