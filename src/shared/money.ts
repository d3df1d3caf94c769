import type { FieldError } from './errors.js';

/**
 * Money stays a decimal string end to end (JSON → PostgreSQL NUMERIC → JSON): never a float.
 * At most 10 integer digits and 2 decimals, matching NUMERIC(12,2).
 */
export const MONEY_PATTERN = '^(0|[1-9][0-9]{0,9})(\\.[0-9]{1,2})?$';

export function isPositiveMoney(value: string): boolean {
  return new RegExp(MONEY_PATTERN).test(value) && /[1-9]/.test(value);
}

/** The canonical two-decimal form of a valid money string ("12.5" → "12.50"), as PostgreSQL returns it. */
export function canonicalMoney(value: string): string {
  const [units, cents = ''] = value.split('.');
  return `${units}.${cents.padEnd(2, '0')}`;
}

/** ISO 4217 codes as Node.js knows them (current codes, not withdrawn ones). */
const currencies = new Set(Intl.supportedValuesOf('currency'));

export const isCurrencyCode = (code: string): boolean => currencies.has(code);

/** The shape of a currency code; `isCurrencyCode` says whether it is a real one. */
export const CURRENCY_PATTERN = '^[A-Z]{3}$';

/** `code` if it is a current ISO 4217 code, else a field error (and undefined). */
export function currencyCode(field: string, code: string, errors: FieldError[]): string | undefined {
  if (isCurrencyCode(code)) return code;
  errors.push(
    new RegExp(CURRENCY_PATTERN).test(code)
      ? { field, code: 'unknown_currency', message: `${code} is not an ISO 4217 currency code.` }
      : {
          field,
          code: 'invalid_format',
          message: 'Must be an ISO 4217 code in capitals, such as KES or USD.',
        },
  );
  return undefined;
}
