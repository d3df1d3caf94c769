import fastJsonStringify, { type Schema } from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';

/** Schema keywords that document and never change how a value is written. */
const PROSE = new Set(['description', 'title', 'examples']);
/** Keywords whose value maps names (of properties, of definitions) to schemas: every name counts. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/** `schema` without its prose keywords, to tell whether two schemas serialise alike. */
function withoutProse(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutProse);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([keyword]) => !PROSE.has(keyword))
      .map(([keyword, value]) => [
        keyword,
        SCHEMA_MAPS.has(keyword) && value !== null && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutProse(sub)]))
          : withoutProse(value),
      ]),
  );
}

/**
 * Fastify compiles a serializer for every route, status and media type, though nearly every route answers
 * its errors with the one Problem schema: a dozen identical compiled functions per route, some 40 MB of
 * resident memory for the two API versions. Schemas that serialise alike (the same once prose is left
 * out) share one compiled function.
 */
export function sharedSerializerCompiler(app: FastifyInstance) {
  const compiled = new Map<string, (data: unknown) => string>();
  return ({ schema }: { schema: unknown }) => {
    const key = JSON.stringify(withoutProse(schema));
    let serialize = compiled.get(key);
    if (!serialize) {
      serialize = fastJsonStringify(schema as Schema, { schema: app.getSchemas() as Record<string, Schema> });
      compiled.set(key, serialize);
    }
    return serialize;
  };
}
