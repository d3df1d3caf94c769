import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type ApiVersion, openApiDocument } from '../../src/http/docs.js';
import { API_V2 } from '../../src/http/urls.js';

type Spec = {
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<
          string,
          { content?: Record<string, unknown>; headers?: Record<string, { schema?: { type?: string } }> }
        >;
      }
    >
  >;
};

/** The version a request belongs to, by its path: `/api/v2/…` is v2, everything else is v1's document. */
export function apiVersionOf(url: string): ApiVersion {
  const path = url.split('?')[0] ?? url;
  return path === API_V2 || path.startsWith(`${API_V2}/`) ? 'v2' : 'v1';
}

const validators = new WeakMap<FastifyInstance, Map<ApiVersion, (pointer: string) => ValidateFunction>>();

function validatorFor(app: FastifyInstance, version: ApiVersion) {
  let byVersion = validators.get(app);
  if (!byVersion) {
    byVersion = new Map();
    validators.set(app, byVersion);
  }
  let get = byVersion.get(version);
  if (!get) {
    const ajv = addFormats.default(new Ajv({ strict: false, allErrors: true }));
    ajv.addSchema(openApiDocument(app, version), 'openapi');
    const cache = new Map<string, ValidateFunction>();
    get = (pointer: string) => {
      let validate = cache.get(pointer);
      if (!validate) {
        validate = ajv.compile({ $ref: `openapi#${pointer}` });
        cache.set(pointer, validate);
      }
      return validate;
    };
    byVersion.set(version, get);
  }
  return get;
}

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Checks a real response against the OpenAPI document the app publishes for the request's version: the
 * status must be documented for the operation, the headers it documents must match their schemas when
 * sent, and the body must match that status's schema exactly (no undeclared fields).
 */
export function expectMatchesContract(
  app: FastifyInstance,
  method: string,
  url: string,
  response: LightMyRequestResponse,
) {
  const version = apiVersionOf(url);
  const spec = openApiDocument(app, version) as unknown as Spec;
  const path = url.split('?')[0] ?? url;
  const template = Object.keys(spec.paths).find((candidate) =>
    new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+').replace(/\/$/, '')}/?$`).test(path),
  );
  const contentType = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
  const lower = method.toLowerCase();
  const body = response.body;
  if (template && spec.paths[template]?.[lower]) {
    const documented = spec.paths[template]?.[lower]?.responses ?? {};
    expect(
      Object.keys(documented),
      `${method} ${template} documents status ${response.statusCode}`,
    ).toContain(String(response.statusCode));
    const headers = documented[String(response.statusCode)]?.headers ?? {};
    for (const [name, header] of Object.entries(headers)) {
      const value = response.headers[name.toLowerCase()];
      if (value === undefined) continue;
      const pointer = `/paths/${escapePointer(template)}/${lower}/responses/${response.statusCode}/headers/${escapePointer(name)}/schema`;
      const validate = validatorFor(app, version)(pointer);
      const typed = header.schema?.type === 'integer' ? Number(value) : String(value);
      expect(validate(typed), `${method} ${template} ${response.statusCode} header ${name}: ${value}`).toBe(
        true,
      );
    }
    if (!body || lower === 'head') return;
    const pointer = `/paths/${escapePointer(template)}/${lower}/responses/${response.statusCode}/content/${escapePointer(contentType)}/schema`;
    expect(
      documented[String(response.statusCode)]?.content,
      `${method} ${template} documents ${contentType}`,
    ).toHaveProperty([contentType]);
    const validate = validatorFor(app, version)(pointer);
    expect(validate(JSON.parse(body)), JSON.stringify(validate.errors)).toBe(true);
  } else if (contentType === 'application/problem+json' && body) {
    const validate = validatorFor(app, version)('/components/schemas/Problem');
    expect(validate(JSON.parse(body)), JSON.stringify(validate.errors)).toBe(true);
  }
}

export interface ApiResponse extends LightMyRequestResponse {
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
  data: any;
}

/** A client for one caller: every response is checked against the published contract. */
export function client(app: FastifyInstance, token?: string) {
  const send = async (options: InjectOptions & { method: string; url: string }): Promise<ApiResponse> => {
    const headers = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...options.headers };
    const response = await app.inject({ ...options, headers });
    expectMatchesContract(app, options.method, options.url, response);
    const isJson = /json/.test(String(response.headers['content-type'] ?? '')) && response.body.length > 0;
    return Object.assign(response, { data: isJson ? response.json() : undefined });
  };
  type Extra = Omit<InjectOptions, 'method' | 'url' | 'payload' | 'body'>;
  return {
    get: (url: string, extra: Extra = {}) => send({ ...extra, method: 'GET', url }),
    head: (url: string, extra: Extra = {}) => send({ ...extra, method: 'HEAD', url }),
    delete: (url: string, extra: Extra = {}) => send({ ...extra, method: 'DELETE', url }),
    post: (url: string, body?: unknown, extra: Extra = {}) =>
      send({ ...extra, method: 'POST', url, payload: body as object }),
    put: (url: string, body?: unknown, extra: Extra = {}) =>
      send({ ...extra, method: 'PUT', url, payload: body as object }),
    patch: (url: string, body?: unknown, extra: Extra = {}) =>
      send({ ...extra, method: 'PATCH', url, payload: body as object }),
    send,
  };
}
