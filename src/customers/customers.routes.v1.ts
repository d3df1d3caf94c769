import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import {
  expectedVersions,
  NotModified,
  readPageWithVersion,
  readWithVersion,
  withVersion,
} from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { collectionLd } from '../http/jsonld.js';
import { problemResponses } from '../http/problem.js';
import { assertEchoedFieldsUnchanged, refuseReadOnlyFields } from '../http/read-only.js';
import { API_V1, absoluteUrl } from '../http/urls.js';
import { pageLinks } from '../shared/pagination.js';
import { IdParams } from '../shared/schemas.js';
import { customerLd } from './customers.jsonld.js';
import {
  CreateCustomerBody,
  CustomerListQuery,
  CustomerPageV1,
  CustomerV1,
  customerReadOnlyFields,
  ReplaceCustomerBody,
  UpdateCustomerBody,
} from './customers.schemas.js';
import {
  type CustomerRow,
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  updateCustomer,
} from './customers.service.js';

const customerPath = (id: number) => `${API_V1}/customers/${id}/`;

export function toCustomerV1(row: CustomerRow, request: FastifyRequest): CustomerV1 {
  return {
    id: row.id,
    url: absoluteUrl(request, customerPath(row.id)),
    first_name: row.firstName,
    second_name: row.secondName,
    code: row.code,
    phone: row.phone,
    owner: row.ownerId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const tags = ['customers'];

export const customersRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/',
    {
      config: { jsonLd: collectionLd(customerLd) },
      schema: {
        operationId: 'listCustomers',
        summary: 'List customers',
        description: 'Staff see their own customers; admins see all and may filter by `owner`.',
        tags,
        security: AUTHENTICATED,
        querystring: CustomerListQuery,
        response: { 200: CustomerPageV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, owner, ...filters } = request.query;
      const page = await listCustomers(ctxOf(request), { ...filters, ownerId: owner }, { limit, offset });
      return readPageWithVersion(reply, page, () => ({
        count: page.count,
        ...pageLinks(absoluteUrl(request, request.url), { limit, offset }, page.count),
        results: page.rows.map((row) => toCustomerV1(row, request)),
      }));
    },
  );

  app.post(
    '/customers/',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createCustomer',
        summary: 'Create a customer',
        description: 'The caller owns the new customer. A missing `code` is generated.',
        tags,
        security: AUTHENTICATED,
        body: CreateCustomerBody,
        response: { 201: CustomerV1, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(request.body, customerReadOnlyFields);
      const { first_name, second_name, phone, code } = request.body;
      const row = await createCustomer(ctxOf(request), {
        firstName: first_name,
        secondName: second_name,
        phone,
        code,
      });
      const customer = withVersion(reply, row.version, toCustomerV1(row, request));
      reply.code(201).header('location', customer.url);
      return customer;
    },
  );

  app.get(
    '/customers/:id/',
    {
      config: { jsonLd: customerLd },
      schema: {
        operationId: 'getCustomer',
        summary: 'Get a customer',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: CustomerV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getCustomer(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toCustomerV1(row, request));
    },
  );

  for (const [method, body, operationId, summary, description] of [
    [
      'PUT',
      ReplaceCustomerBody,
      'replaceCustomer',
      'Replace a customer',
      'Every writable field is required.',
    ],
    [
      'PATCH',
      UpdateCustomerBody,
      'updateCustomer',
      'Change some fields of a customer',
      'JSON merge patch (RFC 7396).',
    ],
  ] as const) {
    app.route({
      method,
      url: '/customers/:id/',
      config: { ifMatch: true },
      schema: {
        operationId,
        summary,
        description: `${description} Read-only fields may be sent back unchanged.`,
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body,
        response: { 200: CustomerV1, ...problemResponses(403, 409, 503) },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const expected = expectedVersions(request);
        await assertEchoedFieldsUnchanged(request.body, customerReadOnlyFields, async () =>
          toCustomerV1(await getCustomer(ctxOf(request), id), request),
        );
        const { first_name, second_name, phone, code } = request.body;
        const changes = { firstName: first_name, secondName: second_name, phone, code };
        const row = await updateCustomer(ctxOf(request), id, changes, expected);
        return withVersion(reply, row.version, toCustomerV1(row, request));
      },
    });
  }

  app.delete(
    '/customers/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteCustomer',
        summary: 'Delete a customer without orders',
        description: 'A customer who has orders is kept: 409 `customer_has_orders` with the count.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      await deleteCustomer(ctxOf(request), request.params.id, expectedVersions(request));
      return reply.code(204).send(null);
    },
  );
};
