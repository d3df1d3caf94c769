import { randomInt } from 'node:crypto';
import { ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { FieldError } from '../shared/errors.js';

// Letters and digits that cannot be misread for one another (no I/1, O/0).
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateCustomerCode(): string {
  return Array.from({ length: 5 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

export function normaliseCode(code: string): string {
  return code.toUpperCase();
}

/** A trimmed name, or a field error when only whitespace was sent. */
export function normaliseName(field: string, value: string, errors: FieldError[]): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) errors.push({ field, code: 'blank', message: 'Must not be blank.' });
  return trimmed;
}

/**
 * The E.164 form of an international phone number. A local number (no country code) is refused:
 * the service cannot guess the country, and an SMS to a guessed number would reach a stranger.
 */
export function normalisePhone(value: string, errors: FieldError[]): string {
  const text = value.trim();
  try {
    const phone = parsePhoneNumberWithError(text);
    if (phone.isValid()) return phone.number;
    errors.push({
      field: 'phone',
      code: 'invalid_phone',
      message: `"${text}" is not a valid phone number for country code +${phone.countryCallingCode}.`,
    });
  } catch (error) {
    const reason = error instanceof ParseError ? error.message : 'NOT_A_NUMBER';
    errors.push(
      reason === 'INVALID_COUNTRY'
        ? {
            field: 'phone',
            code: 'missing_country_code',
            message: `"${text}" has no country code: write it in international form, e.g. +254712345678.`,
          }
        : { field: 'phone', code: 'invalid_phone', message: `"${text}" is not a phone number.` },
    );
  }
  return text;
}
