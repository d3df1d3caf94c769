import { Type } from 'typebox';

// No C0 control characters (NUL above all: PostgreSQL cannot store it) and no DEL.
const PRINTABLE = '^[^\\u0000-\\u001F\\u007F]*$';

/** A single-line text field: printable characters only, length counted in characters. */
export function Text(options: {
  minLength?: number;
  maxLength: number;
  description: string;
  examples?: string[];
}) {
  return Type.String({
    ...options,
    pattern: PRINTABLE,
    ...(options.minLength ? { 'x-not-blank': true } : {}),
    'x-error-message': `Must be text of ${options.minLength ?? 0} to ${options.maxLength} characters, without control characters.`,
  });
}

export const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Numeric id.' });

export const OwnerFilter = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'Admins: only rows owned by this user id. For staff it can only narrow their own rows.',
});

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const Timestamp = (description: string) => Type.String({ format: 'date-time', description });

export const Url = (description: string) => Type.String({ format: 'uri', description });
