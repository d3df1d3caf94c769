import { readFileSync } from 'node:fs';
import type { ApiVersion } from '../../src/http/docs.js';

/** A JSON Schema as the OpenAPI documents hold it (only the keywords the fuzzer reads). */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  description?: string;
  readOnly?: boolean;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

/** One operation of a committed OpenAPI document: what the fuzzer generates requests for. */
export interface Operation {
  version: ApiVersion;
  method: string;
  /** The path template, e.g. `/api/v2/orders/{id}/close/`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The request body's schema by content type, when the operation takes one. */
  body?: { required: boolean; content: Record<string, Schema> };
  secured: boolean;
}

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
        security?: unknown[];
      }
    >
  >;
};

export const committedDocuments = { v1: 'docs/openapi.json', v2: 'docs/openapi.v2.json' } as const;

/** Every operation of the committed documents of both versions (test/http/openapi.test.ts keeps them current). */
export function loadOperations(): Operation[] {
  return (Object.entries(committedDocuments) as [ApiVersion, string][]).flatMap(([version, file]) => {
    const document = JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')) as Document;
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        version,
        method: method.toUpperCase(),
        path,
        operationId: `${version}.${operation.operationId}`,
        parameters: operation.parameters ?? [],
        body: operation.requestBody && {
          required: operation.requestBody.required ?? false,
          content: Object.fromEntries(
            Object.entries(operation.requestBody.content).map(([type, media]) => [type, media.schema]),
          ),
        },
        secured: (operation.security?.length ?? 0) > 0,
      })),
    );
  });
}

/** The kinds of rows the fuzzer keeps real ids of, so that generated ids hit rows that exist. */
export type RowKind = 'customers' | 'orders' | 'items' | 'notifications' | 'users' | 'tokens';

/** The kind of row an operation's `{id}` names, by its path. */
export function pathRowKind(path: string): RowKind | undefined {
  const match = /\/(customers|orders|items|notifications|users|tokens)\/\{id\}/.exec(path);
  return match?.[1] as RowKind | undefined;
}

/** The kind of row a body field or query parameter of this name refers to by id. */
export function fieldRowKind(name: string, schema: Schema): RowKind | undefined {
  const isId = schema.type === 'integer' || (schema.anyOf ?? []).some((branch) => branch.type === 'integer');
  if (!isId) return undefined;
  if (name === 'customer') return 'customers';
  if (name === 'item' || name === 'item_id') return 'items';
  if (name === 'owner' || name === 'user') return 'users';
  return undefined;
}
