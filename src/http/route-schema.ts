import type { RouteOptions } from 'fastify';
import { type TProperties, type TSchema, Type } from 'typebox';
import { problemResponses } from './problem.js';

/**
 * Adds an optional request header, and the problems it can lead to, to a route's schema from an
 * onRoute hook: Fastify then validates the header, and the OpenAPI document lists both.
 */
export function addHeaderToRoute(
  route: RouteOptions,
  name: string,
  header: TSchema,
  statuses: number[],
): void {
  const schema = route.schema ?? {};
  const headers = (schema.headers as { properties?: TProperties } | undefined)?.properties;
  schema.headers = Type.Object({ ...headers, [name]: Type.Optional(header) });
  schema.response = { ...(schema.response as object), ...problemResponses(...statuses) };
  route.schema = schema;
}
