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
import { itemLd } from './items.jsonld.js';
import { ADMINS_ONLY, activeFilters, itemInput, itemsCtxOf } from './items.request.js';
import {
  CreateItemBody,
  ItemListQuery,
  ItemPageV1,
  ItemV1,
  itemReadOnlyFields,
  ReplaceItemBody,
  UpdateItemBody,
} from './items.schemas.js';
import { createItem, deleteItem, getItem, type ItemRow, listItems, updateItem } from './items.service.js';

const itemPath = (id: number) => `${API_V1}/items/${id}/`;

export function toItemV1(row: ItemRow, request: FastifyRequest): ItemV1 {
  return {
    id: row.id,
    url: absoluteUrl(request, itemPath(row.id)),
    sku: row.sku,
    name: row.name,
    description: row.description,
    unit_price: row.unitPrice,
    currency: row.currency,
    active: row.active,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

const tags = ['items'];

export const itemsRoutesV1: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/items/',
    {
      config: { jsonLd: collectionLd(itemLd) },
      schema: {
        operationId: 'listItems',
        summary: 'List catalogue items',
        description:
          'The business’s catalogue, the same for every signed-in user. Archived items (`active: false`) are ' +
          'left out unless `active=false` or `active=all`. Sorted by name, then id, unless `ordering` says otherwise.',
        tags,
        security: AUTHENTICATED,
        querystring: ItemListQuery,
        response: { 200: ItemPageV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const { limit, offset, active = 'true', search, ordering } = request.query;
      const page = await listItems(
        ctxOf(request),
        { active: activeFilters[active], search, ordering },
        { limit, offset },
      );
      return readPageWithVersion(reply, page, () => ({
        count: page.count,
        ...pageLinks(absoluteUrl(request, request.url), { limit, offset }, page.count),
        results: page.rows.map((row) => toItemV1(row, request)),
      }));
    },
  );

  app.post(
    '/items/',
    {
      config: { idempotent: true },
      schema: {
        operationId: 'createItem',
        summary: 'Add an item to the catalogue',
        description: `${ADMINS_ONLY} A SKU another item has, in any case, is 409 \`sku_taken\`.`,
        tags,
        security: AUTHENTICATED,
        body: CreateItemBody,
        response: { 201: ItemV1, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      refuseReadOnlyFields(request.body, itemReadOnlyFields);
      const { sku, name, unit_price } = request.body;
      const row = await createItem(itemsCtxOf(request), {
        ...itemInput(request.body),
        sku,
        name,
        unitPrice: unit_price,
      });
      const item = withVersion(reply, row.version, toItemV1(row, request));
      reply.code(201).header('location', item.url);
      return item;
    },
  );

  app.get(
    '/items/:id/',
    {
      config: { jsonLd: itemLd },
      schema: {
        operationId: 'getItem',
        summary: 'Get a catalogue item',
        description: 'Archived items too.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 200: ItemV1, 304: NotModified, ...problemResponses(403, 503) },
      },
    },
    async (request, reply) => {
      const row = await getItem(ctxOf(request), request.params.id);
      return readWithVersion(reply, row.version, () => toItemV1(row, request));
    },
  );

  for (const [method, body, operationId, summary, description] of [
    [
      'PUT',
      ReplaceItemBody,
      'replaceItem',
      'Replace a catalogue item',
      'Every writable field is required (`description` may be null).',
    ],
    [
      'PATCH',
      UpdateItemBody,
      'updateItem',
      'Change some fields of a catalogue item',
      'JSON merge patch (RFC 7396); `active: false` archives the item.',
    ],
  ] as const) {
    app.route({
      method,
      url: '/items/:id/',
      config: { ifMatch: true },
      schema: {
        operationId,
        summary,
        description:
          `${ADMINS_ONLY} ${description} Orders placed already keep the name, price and currency they copied. ` +
          'Read-only fields may be sent back unchanged.',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        body,
        response: { 200: ItemV1, ...problemResponses(403, 409, 503) },
      },
      handler: async (request, reply) => {
        const { id } = request.params;
        const expected = expectedVersions(request);
        await assertEchoedFieldsUnchanged(request.body, itemReadOnlyFields, async () =>
          toItemV1(await getItem(ctxOf(request), id), request),
        );
        const row = await updateItem(ctxOf(request), id, itemInput(request.body), expected);
        return withVersion(reply, row.version, toItemV1(row, request));
      },
    });
  }

  app.delete(
    '/items/:id/',
    {
      config: { ifMatch: true },
      schema: {
        operationId: 'deleteItem',
        summary: 'Delete a catalogue item no order names',
        description:
          `${ADMINS_ONLY} An item that orders name stays: 409 \`item_in_use\` with their \`order_count\`; ` +
          'archive it instead (`active: false`).',
        tags,
        security: AUTHENTICATED,
        params: IdParams,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...problemResponses(403, 409, 503) },
      },
    },
    async (request, reply) => {
      await deleteItem(ctxOf(request), request.params.id, expectedVersions(request));
      return reply.code(204).send(null);
    },
  );
};
