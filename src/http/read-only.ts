import { AppError, type FieldError } from '../shared/errors.js';

function assertUnchanged(
  body: Record<string, unknown>,
  fields: readonly string[],
  current?: Record<string, unknown>,
) {
  const errors: FieldError[] = fields
    .filter((field) => field in body && (current === undefined || body[field] !== current[field]))
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

/** A create accepts no read-only field: the server sets them all. */
export function refuseReadOnlyFields(body: Record<string, unknown>, fields: readonly string[]): void {
  assertUnchanged(body, fields);
}

/**
 * A client may send back the read-only fields it read (so it can PUT what it GOT), but only unchanged.
 * `current` gives the resource as it is shown now; it is loaded only when such a field was sent.
 */
export async function assertEchoedFieldsUnchanged(
  body: Record<string, unknown>,
  fields: readonly string[],
  current: () => Promise<Record<string, unknown>>,
): Promise<void> {
  if (fields.some((field) => field in body)) assertUnchanged(body, fields, await current());
}
