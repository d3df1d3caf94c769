import { ParseError, parsePhoneNumberWithError } from 'libphonenumber-js/max';
import type { FieldError } from './errors.js';

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
    if (reason !== 'INVALID_COUNTRY') {
      errors.push({ field: 'phone', code: 'invalid_phone', message: `"${text}" is not a phone number.` });
    } else if (text.startsWith('+')) {
      // INVALID_COUNTRY also means an unknown calling code ("+999 …"): that number does have a country code.
      errors.push({
        field: 'phone',
        code: 'invalid_phone',
        message: `"${text}" does not start with a known country code.`,
      });
    } else {
      errors.push({
        field: 'phone',
        code: 'missing_country_code',
        message: `"${text}" has no country code: write it in international form, e.g. +254712345678.`,
      });
    }
  }
  return text;
}
