import { AppError, type FieldError } from '../shared/errors.js';

/** Names of the read-only fields that the client sent. */
export function sentReadOnlyFields(body: object, fields: readonly string[]): string[] {
  return fields.filter((field) => field in body);
}

/**
 * A client may send back read-only fields it read (so it can PUT what it GOT), but only unchanged.
 * `current` is the resource as it would be shown now; without it (a create) no read-only field is accepted.
 */
export function assertReadOnlyUnchanged(
  body: Record<string, unknown>,
  fields: readonly string[],
  current?: Record<string, unknown>,
): void {
  const errors: FieldError[] = sentReadOnlyFields(body, fields)
    .filter((field) => current === undefined || body[field] !== current[field])
    .map((field) => ({
      field,
      code: 'read_only',
      message:
        current === undefined
          ? `${field} is set by the server; leave it out.`
          : `${field} is read-only; send its current value (${JSON.stringify(current[field])}) or leave it out.`,
    }));
  if (errors.length > 0) {
    throw new AppError('read_only_field', errors.map((e) => e.message).join(' '), errors);
  }
}
