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
