import { Ajv, type AnySchemaObject, type SchemaValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../shared/errors.js';
import { currencyCode } from '../shared/money.js';
import { normalisePhone } from '../shared/phone.js';
import { trimmedText } from '../shared/text.js';

/**
 * Schema keywords that run the domain's own text rules during validation, so that one 400 lists
 * every failing field (types, lengths, blank names, bad phones and unknown currencies alike). The domain still applies
 * the same rules itself for callers that do not come through HTTP.
 */
const domainKeywords: Record<string, (value: string, errors: FieldError[]) => unknown> = {
  'x-not-blank': (value, errors) => trimmedText('value', value, errors),
  'x-phone': (value, errors) => normalisePhone(value, errors),
  'x-currency': (value, errors) => currencyCode('value', value, errors),
};

function addDomainKeywords(ajv: Ajv): Ajv {
  for (const [keyword, rule] of Object.entries(domainKeywords)) {
    const validate: SchemaValidateFunction = (enabled: boolean, value: string) => {
      const errors: FieldError[] = [];
      if (enabled) rule(value, errors);
      validate.errors = errors.map((e) => ({ keyword, message: e.message, params: { code: e.code } }));
      return errors.length === 0;
    };
    ajv.addKeyword({ keyword, type: 'string', schemaType: 'boolean', errors: true, validate });
  }
  return ajv;
}

/**
 * Bodies are validated strictly (no coercion, no defaults, unknown fields refused); query strings and
 * path parameters are coerced from text. Every error lists all failing fields.
 */
export function validatorCompiler() {
  const options = { allErrors: true, verbose: true, strict: false } as const;
  const strict = addDomainKeywords(
    addFormats.default(new Ajv({ ...options, coerceTypes: false, useDefaults: false })),
  );
  const coercing = addDomainKeywords(
    addFormats.default(new Ajv({ ...options, coerceTypes: 'array', useDefaults: true })),
  );
  return ({ schema, httpPart }: { schema: AnySchemaObject; httpPart?: string }) =>
    (httpPart === 'body' ? strict : coercing).compile(schema);
}
