import type { FieldError } from './errors.js';

/** Trimmed text, with a field error when only whitespace was sent. */
export function trimmedText(field: string, value: string, errors: FieldError[]): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) errors.push({ field, code: 'blank', message: 'Must not be blank.' });
  return trimmed;
}
