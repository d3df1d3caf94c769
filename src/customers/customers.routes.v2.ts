import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AUTHENTICATED } from '../auth/auth.plugin.js';
import { expectedVersions, NotModified, readWithVersion, withVersion } from '../http/conditional.js';
import { ctxOf } from '../http/context.js';
import { answerKeysetPage, keysetRequestOf } from '../http/cursor-pages.js';
import { collectionLd } from '../http/jsonld.js';
import { problemResponses } from '../http/problem.js';
import { assertEchoedFieldsUnchanged, refuseReadOnlyFields } from '../http/read-only.js';
import { API_V2, absoluteUrl, type LinkBase } from '../http/urls.js';
import { IdParams } from '../shared/schemas.js';
import { customerLd } from './customers.jsonld.js';
import { fullName } from './customers.rules.js';
import {
  CreateCustomerBodyV2,
  CustomerListQueryV2,
  CustomerPageV2,
  CustomerV2,
  customerReadOnlyFieldsV2,
  ReplaceCustomerBodyV2,
  UpdateCustomerBodyV2,
} from './customers.schemas.js';
import {
  type CustomerRow,
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomersByCursor,
  updateCustomer,
} from './customers.service.js';

export const customerPathV2 = (id: number) => `${API_V2}/customers/${id}/`;

export function toCustomerV2(row: CustomerRow, base: LinkBase): CustomerV2 {
  return {
    id: row.id,
    url: absoluteUrl(base, customerPathV2(row.id)),
    name: fullName(row),
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

/** Customers in v2: v1's customers with v2 links, `name`, and keyset pages. Same service functions. */
export const customersRoutesV2: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/customers/',
    {
      config: { jsonLd: collectionLd(customerLd) },
      schema: {
        operationId: 'listCustomers',
        summary: 'List customers',
        description:
          'By id unless `ordering` says otherwise. Staff see their own customers; admins see all and may ' +
          'filter by `owner`. A keyset page: follow `next` and `previous` (also in the `Link` header).',
        tags,
        security: AUTHENTICATED,
        querystring: CustomerListQueryV2,
        response: { 200: CustomerPageV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { owner, code, search, ordering } = request.query;
      const page = await listCustomersByCursor(
        ctxOf(request),
        { code, search, ordering, ownerId: owner },
        keysetRequestOf(request),
      );
      return answerKeysetPage(request, reply, page, (row) => toCustomerV2(row, request));
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
        body: CreateCustomerBodyV2,
        response: { 201: CustomerV2, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(request.body, customerReadOnlyFieldsV2);
      const { first_name, second_name, phone, code } = request.body;
      const row = await createCustomer(ctxOf(request), {
        firstName: first_name,
        secondName: second_name,
        phone,
        code,
      });
      const customer = withVersion(reply, row.version, toCustomerV2(row, request));
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
        response: { 200: CustomerV2, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getCustomer(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toCustomerV2(row, request));
    },
  );

  for (const [method, body, operationId, summary, description] of [
    [
      'PUT',
      ReplaceCustomerBodyV2,
      'replaceCustomer',
      'Replace a customer',
      'Every writable field is required.',
    ],
    [
      'PATCH',
      UpdateCustomerBodyV2,
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
        response: { 200: CustomerV2, ...problemResponses(403, 409, 503) },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const expected = expectedVersions(request);
        await assertEchoedFieldsUnchanged(request.body, customerReadOnlyFieldsV2, async () =>
          toCustomerV2(await getCustomer(ctxOf(request), id), request),
        );
        const { first_name, second_name, phone, code } = request.body;
        const changes = { firstName: first_name, secondName: second_name, phone, code };
        const row = await updateCustomer(ctxOf(request), id, changes, expected);
        return withVersion(reply, row.version, toCustomerV2(row, request));
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
